import { create } from 'zustand';
import type { ChannelPatch, ChannelStatus, ChannelView, DeliveryResult, NewChannel } from '../../../shared/alert-channels';
import { call, describeFailure } from '../api';

/**
 * Alert channels as main shows them (URL masked, never the URL itself), kept live by the
 * `channels:status` push. Every channel call of the window goes through here.
 */
interface ChannelsState {
  channels: ChannelView[] | null;
  /** Why the list could not be read, in words; null once it was. */
  loadError: string | null;
  /** The last "Send test" outcome per channel id, until the channel is tested again. */
  tests: Record<string, DeliveryResult | 'sending'>;
  load(): Promise<void>;
  add(channel: NewChannel): Promise<ChannelView>;
  update(patch: ChannelPatch): Promise<ChannelView>;
  remove(id: string): Promise<void>;
  test(id: string): Promise<DeliveryResult>;
  statusChanged(id: string, status: ChannelStatus): void;
}

const replace = (list: ChannelView[] | null, next: ChannelView) =>
  (list ?? []).some((c) => c.id === next.id) ? (list ?? []).map((c) => (c.id === next.id ? next : c)) : [...(list ?? []), next];

export const useChannels = create<ChannelsState>()((set, get) => ({
  channels: null,
  loadError: null,
  tests: {},
  async load() {
    try {
      set({ channels: await call('channels:list'), loadError: null });
    } catch (err) {
      set({ loadError: `Could not read the alert channels: ${describeFailure(err)}` });
    }
  },
  async add(channel) {
    const view = await call('channels:add', channel);
    set((s) => ({ channels: replace(s.channels, view) }));
    return view;
  },
  async update(patch) {
    // Shown at once (a ticked box stays ticked while main saves), undone if main refuses it.
    const before = get().channels?.find((c) => c.id === patch.id);
    const { url: _secret, ...shown } = patch;
    if (before) set((s) => ({ channels: replace(s.channels, { ...before, ...shown }) }));
    try {
      const view = await call('channels:update', patch);
      set((s) => ({ channels: replace(s.channels, view) }));
      return view;
    } catch (err) {
      if (before) set((s) => ({ channels: s.channels?.map((c) => (c.id === before.id ? before : c)) ?? null }));
      throw err;
    }
  },
  async remove(id) {
    await call('channels:remove', { id });
    set((s) => {
      const { [id]: _gone, ...tests } = s.tests;
      return { channels: (s.channels ?? []).filter((c) => c.id !== id), tests };
    });
  },
  async test(id) {
    set((s) => ({ tests: { ...s.tests, [id]: 'sending' } }));
    let result: DeliveryResult;
    try {
      result = await call('channels:test', { id });
    } catch (err) {
      // A refusal (channel gone, env-fixed channels) is still a failed test, said in words.
      result = { ok: false, attempts: 0, error: err instanceof Error ? err.message : String(err) };
    }
    set((s) => ({ tests: { ...s.tests, [id]: result } }));
    return result;
  },
  statusChanged(id, status) {
    set((s) => ({ channels: s.channels?.map((c) => (c.id === id ? { ...c, status } : c)) ?? null }));
  },
}));
