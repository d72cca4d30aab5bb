import { beforeEach, describe, expect, it } from 'vitest';
import { deferred, installFakeBridge } from '../test-support/fake-bridge';
import { sampleChannel as channel } from '../test-support/sample-channels';
import { useChannels } from './channels-store';

const initial = useChannels.getState();
beforeEach(() => useChannels.setState(initial, true));


describe('channels store', () => {
  it('loads, adds, updates and removes, keeping what main answers', async () => {
    const bridge = installFakeBridge({
      'channels:list': [channel()],
      'channels:add': (r) => channel({ id: 'c2', label: r.label, kind: r.kind, maskedUrl: 'http://127.0.0.1:9/…hook' }),
      'channels:update': (p) => channel({ ...p, id: p.id }),
      'channels:remove': undefined,
    });
    await useChannels.getState().load();
    await useChannels.getState().add({ kind: 'webhook', label: 'Relay', url: 'http://127.0.0.1:9/hook' });
    expect(useChannels.getState().channels!.map((c) => c.label)).toEqual(['Phone', 'Relay']);
    await useChannels.getState().update({ id: 'c1', enabled: false });
    expect(useChannels.getState().channels![0]!.enabled).toBe(false);
    await useChannels.getState().remove('c1');
    expect(useChannels.getState().channels!.map((c) => c.id)).toEqual(['c2']);
    expect(bridge.callsTo('channels:remove')).toEqual([{ id: 'c1' }]);
    // The URL went to main once and is nowhere in the window's state.
    expect(JSON.stringify(useChannels.getState())).not.toContain('127.0.0.1:9/hook');
  });

  it('shows an update at once and undoes it when main refuses it', async () => {
    const answer = deferred<void>();
    installFakeBridge({ 'channels:update': async () => (await answer.promise, { fail: { kind: 'invalid_request', message: 'kinds: bad' } }) as never });
    useChannels.setState({ channels: [channel()] });
    const pending = useChannels.getState().update({ id: 'c1', kinds: ['rise'] });
    expect(useChannels.getState().channels![0]!.kinds).toEqual(['rise']);
    answer.resolve();
    await expect(pending).rejects.toThrow('kinds: bad');
    expect(useChannels.getState().channels![0]!.kinds).toEqual(['rise', 'threshold', 'drop', 'all_time_high']);
  });

  it('says in words when the list cannot be read', async () => {
    installFakeBridge({ 'channels:list': { fail: { kind: 'failed', message: 'keychain locked' } } });
    await useChannels.getState().load();
    expect(useChannels.getState().loadError).toBe('Could not read the alert channels: keychain locked');
    expect(useChannels.getState().channels).toBeNull();
  });

  it('applies status pushes to the channel they name', () => {
    useChannels.setState({ channels: [channel(), channel({ id: 'c2' })] });
    const failing = { state: 'failing', lastDeliveredAt: null, lastFailedAt: 5, lastError: 'HTTP 404 Unknown Webhook', queued: 0 } as const;
    useChannels.getState().statusChanged('c2', failing);
    expect(useChannels.getState().channels!.map((c) => c.status.state)).toEqual(['idle', 'failing']);
  });

  it('records a test as sending, then its result; a refused test is a failed one in words', async () => {
    installFakeBridge({ 'channels:test': (r) => (r.id === 'c1' ? { ok: true, attempts: 1 } : { fail: { kind: 'invalid_request', message: 'id: no alert channel with id "zz"' } }) });
    const pending = useChannels.getState().test('c1');
    expect(useChannels.getState().tests.c1).toBe('sending');
    await pending;
    expect(useChannels.getState().tests.c1).toEqual({ ok: true, attempts: 1 });
    const refused = await useChannels.getState().test('zz');
    expect(refused).toMatchObject({ ok: false, error: 'id: no alert channel with id "zz"' });
  });
});
