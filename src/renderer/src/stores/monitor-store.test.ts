import { beforeEach, describe, expect, it } from 'vitest';
import type { ProviderCapabilities } from '../../../shared/ipc-contract';
import { installFakeBridge } from '../test-support/fake-bridge';
import { sampleAccountLive, sampleSnapshot } from '../test-support/sample-data';
import { allTargets, useMonitor } from './monitor-store';

const initial = useMonitor.getState();
beforeEach(() => useMonitor.setState(initial, true));

const caps: ProviderCapabilities = { message: false, disconnect: false, bulk: false, scripts: false, search: 'server', paging: 'pages' };

describe('monitor store', () => {
  it('loads the snapshot, capabilities and version together', async () => {
    const snapshot = sampleSnapshot([sampleAccountLive()]);
    installFakeBridge({ 'app:snapshot': snapshot, 'providers:capabilities': { junkie: caps, luaprot: caps, luaauth: caps }, 'app:version': '0.1.0', 'providers:list': [] });
    await useMonitor.getState().load();
    expect(useMonitor.getState()).toMatchObject({ snapshot, version: '0.1.0', loadError: null });
  });

  it('keeps a failed load as a message in words instead of throwing', async () => {
    installFakeBridge({ 'app:snapshot': { fail: { kind: 'failed', message: 'Main is not ready.' } }, 'providers:capabilities': {} as never, 'app:version': '1' });
    await useMonitor.getState().load();
    expect(useMonitor.getState()).toMatchObject({ snapshot: null, loadError: 'Main is not ready.' });
  });

  it('refreshes one account or all, and pauses polling', async () => {
    const bridge = installFakeBridge({ 'monitor:refresh': () => undefined, 'monitor:pause': () => undefined });
    await useMonitor.getState().refresh('acc');
    await useMonitor.getState().refresh();
    await useMonitor.getState().setPaused(true);
    expect(bridge.callsTo('monitor:refresh')).toEqual([{ accountId: 'acc' }, {}]);
    expect(bridge.callsTo('monitor:pause')).toEqual([{ paused: true }]);
  });

  it('switches demo mode to the snapshot main answers, its accounts included, with no other call', async () => {
    const demo = sampleSnapshot([sampleAccountLive({ account: { id: 'demo-1', demo: true } })], { demo: true });
    const bridge = installFakeBridge({ 'demo:set': demo });
    await useMonitor.getState().setDemo(true);
    expect(useMonitor.getState().snapshot).toEqual(demo);
    expect(bridge.calls.map((c) => c.channel)).toEqual(['demo:set']);
  });

  it('fetches main’s snapshot on demand (after a change that must show before the next push)', async () => {
    const snapshot = sampleSnapshot([sampleAccountLive()]);
    installFakeBridge({ 'app:snapshot': snapshot });
    await useMonitor.getState().fetchSnapshot();
    expect(useMonitor.getState().snapshot).toEqual(snapshot);
  });
});

describe('allTargets', () => {
  it('is empty without a snapshot', () => expect(allTargets(null)).toEqual([]));
  it('flattens every account’s targets with their account and provider', () => {
    const a = sampleAccountLive({ account: { id: 'a', label: 'A', provider: 'junkie', targets: [{ kind: 'script', id: 's1', label: 'One' }] } });
    const b = sampleAccountLive({
      account: { id: 'b', label: 'B', targets: [{ kind: 'hub', id: 'h1', label: 'Hub' }, { kind: 'key', id: 'k1', label: 'Key' }] },
    });
    expect(allTargets(sampleSnapshot([a, b])).map((t) => `${t.accountLabel}/${t.provider}/${t.kind}:${t.targetId}=${t.label}`)).toEqual([
      'A/junkie/script:s1=One',
      'B/luaprot/hub:h1=Hub',
      'B/luaprot/key:k1=Key',
    ]);
  });

  it('keeps the newer snapshot when an answer arrives after a push made later (demo:set crossing the first counts)', async () => {
    const answered = sampleSnapshot([sampleAccountLive({ total: null })], { seq: 4, demo: true });
    const pushed = sampleSnapshot([sampleAccountLive({ total: 120 })], { seq: 5, demo: true });
    let answer: (snapshot: typeof answered) => void = () => undefined;
    const answerArrives = new Promise<typeof answered>((resolve) => (answer = resolve));
    installFakeBridge({ 'demo:set': () => answerArrives });
    const switching = useMonitor.getState().setDemo(true);
    useMonitor.getState().setSnapshot(pushed);
    answer(answered);
    await switching;
    expect(useMonitor.getState().snapshot?.seq).toBe(5);
    expect(useMonitor.getState().snapshot?.live.total).toBe(120);
    // A newer one still replaces it.
    useMonitor.getState().setSnapshot({ ...pushed, seq: 6, live: { ...pushed.live, total: 121 } });
    expect(useMonitor.getState().snapshot?.live.total).toBe(121);
  });
});
