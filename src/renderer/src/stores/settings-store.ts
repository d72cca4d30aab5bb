import { create } from 'zustand';
import type { AppPreferences } from '../../../shared/ipc-contract';
import type { ProviderId } from '../../../shared/model';
import { call } from '../api';

/** App preferences; `settings:changed` pushes keep it in step with the tray and other windows. */
interface SettingsState {
  prefs: AppPreferences | null;
  load(): Promise<void>;
  update(patch: Partial<AppPreferences>): Promise<AppPreferences>;
  set(prefs: AppPreferences): void;
  /**
   * Poll intervals typed and not saved yet (out of range, or refused): kept here so switching views
   * keeps them, like unsaved alert rules (never lost silently).
   */
  pollDrafts: Partial<Record<ProviderId, string>>;
  setPollDraft(provider: ProviderId, text: string | null): void;
}

/**
 * Patches sent to main and not answered yet. A `settings:changed` push from an earlier change can
 * arrive after a newer optimistic patch; laying the pending patches over it keeps the newer choice
 * on screen instead of flicking back (a radio unchecking itself for a moment).
 */
const pending: Array<Partial<AppPreferences>> = [];
const withPending = (prefs: AppPreferences): AppPreferences => pending.reduce<AppPreferences>((p, patch) => ({ ...p, ...patch }), prefs);

export const useSettings = create<SettingsState>()((set, get) => ({
  prefs: null,
  async load() {
    set({ prefs: withPending(await call('settings:get')) });
  },
  // Optimistic, so a checkbox or radio shows its new state at once; main's answer (or refusal) settles it.
  async update(patch) {
    const before = get().prefs;
    if (before) set({ prefs: { ...before, ...patch } });
    pending.push(patch);
    try {
      const prefs = await call('settings:update', patch);
      pending.splice(pending.indexOf(patch), 1);
      set({ prefs: withPending(prefs) });
      return prefs;
    } catch (err) {
      pending.splice(pending.indexOf(patch), 1);
      const current = get().prefs;
      // Undo only this patch's fields: a later change the user made meanwhile stays.
      if (current && before) set({ prefs: withPending({ ...current, ...Object.fromEntries(Object.keys(patch).map((k) => [k, before[k as keyof AppPreferences]])) }) });
      else set({ prefs: before });
      throw err;
    }
  },
  set(prefs) {
    set({ prefs: withPending(prefs) });
  },
  pollDrafts: {},
  setPollDraft(provider, text) {
    set((s) => {
      const pollDrafts = { ...s.pollDrafts };
      if (text === null) delete pollDrafts[provider];
      else pollDrafts[provider] = text;
      return { pollDrafts };
    });
  },
}));
