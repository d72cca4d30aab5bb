import { describe, expect, it } from 'vitest';
import type { AlertEvent } from '../../shared/alerts';
import type { IpcResult, MonitorSnapshot } from '../../shared/ipc-contract';
import { fixedOffsetLocalMinutes } from '../monitor/quiet-hours';
import { seededRandom } from '../monitor/seeded-random';
import type { SimulatorOptions } from '../simulator/types';
import { startTestCore, useCleanups, value } from './core-test-support';
import type { NotificationRequest } from './ports';

/*
 * Regression tests for review findings, driving the whole core against the simulator over real
 * HTTP on a ManualClock (timers off, core.runDue() by hand), like app-core.test.ts.
 */

const cleanup = useCleanups();

async function setup(simOptions: SimulatorOptions = {}) {
  const notifications: NotificationRequest[] = [];
  const t = await startTestCore({
    cleanup,
    dirPrefix: 'pulsebar-review-',
    now: Date.UTC(2026, 0, 5, 12, 0, 0),
    sim: { seed: 11, ...simOptions },
    demoEvents: false,
    timeoutMs: 2_000,
    random: seededRandom(5),
    localMinutes: fixedOffsetLocalMinutes(0),
    ports: { notifier: { notify: (request) => void notifications.push(request) } },
  });
  const add = async (request: Record<string, unknown>): Promise<string> =>
    value<{ account: { id: string } }>(await t.call('accounts:add', request)).account.id;
  const log = async (): Promise<AlertEvent[]> => value<AlertEvent[]>(await t.call('alerts:log'));
  return { ...t, notifications, add, log };
}

describe('a target that always fails', () => {
  it('is left out of the account total, which keeps moving; the status names the target and why', async () => {
    const t = await setup({ baseSessions: 40 });
    const [s1, s2] = t.sim.control.targets().luaauth.scriptIds;
    const id = await t.add({
      label: 'LA',
      provider: 'luaauth',
      baseUrl: t.sim.urls.luaauth,
      key: t.sim.keys.luaauth,
      targets: [
        { kind: 'script', id: s1 },
        { kind: 'script', id: s2 },
        { kind: 'script', id: 'deleted-script', label: 'Old script' },
      ],
    });
    await t.run(3 * 60_000);
    const population = () => t.sim.control.population('luaauth', s1!) + t.sim.control.population('luaauth', s2!);
    let snap: MonitorSnapshot = t.core.snapshot();
    let account = snap.accounts.find((a) => a.account.id === id)!;
    expect(account.total).toBe(population());
    expect(account.status.state).toBe('degraded');
    expect(account.status.explanation?.title).toMatch(/Old script.*could not find it/);
    expect(account.targets.find((x) => x.id === 'deleted-script')!.count).toBeNull();

    // The total follows the working targets: not frozen at its first value.
    t.sim.control.setPopulation('luaauth', s1!, t.sim.control.population('luaauth', s1!) + 25);
    await t.run(2 * 60_000);
    snap = t.core.snapshot();
    account = snap.accounts.find((a) => a.account.id === id)!;
    expect(account.total).toBe(population());
    expect(snap.total).toBe(population());
    const points = value<unknown[]>(await t.call('monitor:history', { series: { type: 'account', accountId: id }, range: '1h' }));
    expect(points.length).toBeGreaterThan(5);
  });
});

describe('the set of accounts changing', () => {
  it('never raises a rise or drop on All accounts when an account is removed or added', async () => {
    const t = await setup({ baseSessions: 60, junkie: { scripts: 1 }, luaprot: { hubs: 5 } });
    const junkie = { label: 'J', provider: 'junkie', baseUrl: t.sim.urls.junkie, key: t.sim.keys.junkie, targets: [] };
    const luaauth = {
      label: 'LA',
      provider: 'luaauth',
      baseUrl: t.sim.urls.luaauth,
      key: t.sim.keys.luaauth,
      targets: [{ kind: 'script', id: t.sim.control.targets().luaauth.scriptIds[0] }],
    };
    const luaprot = {
      label: 'LP',
      provider: 'luaprot',
      baseUrl: t.sim.urls.luaprot,
      key: t.sim.keys.luaprot,
      targets: t.sim.control.targets().luaprot.hubIds.map((id) => ({ kind: 'hub', id })),
    };
    await t.add(junkie);
    await t.add(luaauth);
    const big = await t.add(luaprot);
    await t.run(15 * 60_000);
    const before = t.core.snapshot().total;
    expect(before).toBeGreaterThan(200);

    value(await t.call('accounts:remove', { id: big }));
    await t.run(8 * 60_000);
    expect(t.core.snapshot().total).toBeLessThan(before * 0.4);
    await t.add(luaprot);
    await t.run(8 * 60_000);
    expect(t.core.snapshot().total).toBeGreaterThan(before * 0.8);

    const onTotal = (await t.log()).filter((e) => e.scope.type === 'total');
    expect(onTotal).toEqual([]);
    expect(t.notifications).toEqual([]);
  });

  it('never raises a rise or drop on All accounts when demo mode is turned on or off', async () => {
    const t = await setup({ baseSessions: 60, junkie: { scripts: 2 } });
    await t.add({ label: 'J', provider: 'junkie', baseUrl: t.sim.urls.junkie, key: t.sim.keys.junkie, targets: [] });
    await t.add({ label: 'J2', provider: 'junkie', baseUrl: t.sim.urls.junkie, key: t.sim.keys.junkie, targets: [] });
    await t.run(15 * 60_000);
    value(await t.call('demo:set', { enabled: true }));
    await t.run(8 * 60_000);
    value(await t.call('demo:set', { enabled: false }));
    await t.run(8 * 60_000);
    const ev = (await t.log()).filter((e) => e.scope.type === 'total');
    expect(ev).toEqual([]);
  });
});

describe('one account', () => {
  it('raises one alert for one spike, not one on the account and another on All accounts', async () => {
    const t = await setup({ junkie: { scripts: 2 }, baseSessions: 60, events: [{ atMs: 30 * 60_000, provider: 'junkie', factor: 3 }] });
    await t.add({ label: 'J', provider: 'junkie', baseUrl: t.sim.urls.junkie, key: t.sim.keys.junkie, targets: [] });
    await t.run(40 * 60_000);
    const rises = (await t.log()).filter((e) => e.kind === 'rise' && e.scope.type !== 'target');
    expect(rises).toHaveLength(1);
    expect(rises[0]!.scope.type).toBe('account');
  });
});

describe('the wall clock stepping back', () => {
  it('keeps polling, recording history and alerting after the clock is moved back by an hour', async () => {
    const t = await setup({ junkie: { scripts: 1 }, baseSessions: 60 });
    const id = await t.add({ label: 'J', provider: 'junkie', baseUrl: t.sim.urls.junkie, key: t.sim.keys.junkie, targets: [] });
    await t.run(15 * 60_000);
    const requests = t.sim.control.requestLog('junkie').length;
    t.clock.set(t.clock.now() - 3_600_000);
    await t.run(10 * 60_000);
    // Polling goes on at its usual pace (30 s) instead of waiting an hour for the clock to catch up.
    expect(t.sim.control.requestLog('junkie').length - requests).toBeGreaterThanOrEqual(15);
    const points = value<Array<{ t: number }>>(await t.call('monitor:history', { series: { type: 'account', accountId: id }, range: '1h' }));
    const afterStep = points.filter((p) => p.t > t.clock.now() - 10 * 60_000);
    expect(afterStep.length).toBeGreaterThanOrEqual(15);
    const snap = t.core.snapshot();
    expect(snap.accounts[0]!.status.state).toBe('ok');
    expect(snap.accounts[0]!.status.nextPollAt).toBeLessThanOrEqual(t.clock.now() + 30_000);

    // Alerts still work: a spike after the step is reported.
    const scriptId = t.sim.control.targets().junkie.scriptIds[0]!;
    t.sim.control.setPopulation('junkie', scriptId, t.sim.control.population('junkie', scriptId) * 3);
    await t.run(2 * 60_000);
    expect((await t.log()).some((e) => e.kind === 'rise')).toBe(true);
  });
});

describe('Test and Discover on an existing account', () => {
  it('go through the account budget: repeated clicks never earn a 429 from LuaProt', async () => {
    const t = await setup({ luaprot: { hubs: 10 } });
    const id = await t.add({
      label: 'LP',
      provider: 'luaprot',
      baseUrl: t.sim.urls.luaprot,
      key: t.sim.keys.luaprot,
      targets: t.sim.control.targets().luaprot.hubIds.map((hub) => ({ kind: 'hub', id: hub })),
    });
    await t.run(1_000);
    const clicks: Array<Promise<IpcResult<unknown>>> = [];
    for (let i = 0; i < 15; i++) {
      clicks.push(t.call('accounts:test', { provider: 'luaprot', accountId: id }));
      clicks.push(t.call('accounts:discover', { id }));
    }
    let settled = false;
    const all = Promise.all(clicks).finally(() => (settled = true));
    // Time moves on while the clicks wait for room in the budget.
    for (let i = 0; i < 200 && !settled; i++) {
      t.clock.advance(1_000);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const results = await all;
    const log = t.sim.control.requestLog('luaprot');
    expect(log.filter((e) => e.status === 429)).toEqual([]);
    // Waiting for room is the point: most clicks are answered well, and a click that waited too long is
    // refused by Pulsebar's own budget in words (never sent, so never a provider 429).
    const answered = results.filter((r) => r.ok && (r.value as { ok: boolean }).ok);
    const refused = results.filter((r) => !(r.ok && (r.value as { ok: boolean }).ok));
    expect(answered.length).toBeGreaterThanOrEqual(20);
    for (const r of refused) expect(r).toMatchObject({ ok: false, error: { kind: 'rate_limited', message: expect.stringMatching(/budget/) } });
    // Each answered Discover asked the provider for the hub list (polls never do).
    const discovered = results.filter((r, i) => i % 2 === 1 && r.ok);
    expect(log.filter((e) => e.path.includes('/hubs/get') && e.status === 200)).toHaveLength(discovered.length);
    const times = log.map((e) => e.at).sort((a, b) => a - b);
    for (let i = 0; i < times.length; i++) {
      expect(times.filter((x) => x >= times[i]! && x < times[i]! + 10_000).length).toBeLessThanOrEqual(20);
    }
  });
});

describe('system signals', () => {
  it('does not poll after a resume from sleep while the machine is still offline', async () => {
    const t = await setup();
    await t.add({ label: 'J', provider: 'junkie', baseUrl: t.sim.urls.junkie, key: t.sim.keys.junkie, targets: [] });
    await t.run(60_000);
    t.core.signal('offline');
    t.core.signal('suspend');
    t.core.signal('resume');
    const n = t.sim.control.requestLog('junkie').length;
    await t.run(5 * 60_000);
    expect(t.sim.control.requestLog('junkie')).toHaveLength(n);
    expect(t.core.snapshot().paused).toBe(true);
    t.core.signal('online');
    await t.run(0);
    expect(t.sim.control.requestLog('junkie')).toHaveLength(n + 1);
  });
});
