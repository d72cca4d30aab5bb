import { describe, expect, it } from 'vitest';
import type { AlertEvent } from '../../shared/alerts';
import type { AccountLive, HistoryPoint, MonitorSnapshot } from '../../shared/ipc-contract';
import { fixedOffsetLocalMinutes } from '../monitor/quiet-hours';
import { seededRandom } from '../monitor/seeded-random';
import type { SimulatorOptions } from '../simulator/types';
import { startTestCore, useCleanups, value } from './core-test-support';
import { STALE_MIN_MS } from './staleness';
import type { NotificationRequest, TrayMenuItem, TrayModel } from './ports';
import { accountSeries, TOTAL_SERIES, type SeriesRef } from '../../shared/series-ref';

/** The tray item that opens the window on this account (found by its command, never by its id). */
const showsAccount = (accountId: string) => (i: TrayMenuItem) =>
  i.command?.type === 'show' && i.command.series.type === 'account' && i.command.series.accountId === accountId;

/*
 * Stale accounts, driving the whole core against the simulator over real HTTP on a ManualClock:
 * an account that stops answering keeps its last total visible (marked stale) but leaves the grand
 * total, byProvider and the "All accounts" history, without raising an alert on All accounts.
 */

const cleanup = useCleanups();

async function setup(simOptions: SimulatorOptions) {
  const notifications: NotificationRequest[] = [];
  const trays: TrayModel[] = [];
  const pushed: MonitorSnapshot[] = [];
  const t = await startTestCore({
    cleanup,
    dirPrefix: 'pulsebar-stale-',
    now: Date.UTC(2026, 0, 5, 12, 0, 0),
    sim: { seed: 23, ...simOptions },
    demoEvents: false,
    timeoutMs: 2_000,
    random: seededRandom(9),
    localMinutes: fixedOffsetLocalMinutes(0),
    ports: {
      notifier: { notify: (request) => void notifications.push(request) },
      tray: { update: (model) => void trays.push(model) },
    },
    beforeStart: ({ core }) => core.subscribe((event, payload) => event === 'monitor:update' && pushed.push(payload as MonitorSnapshot)),
  });
  const add = async (request: Record<string, unknown>): Promise<string> =>
    value<{ account: { id: string } }>(await t.call('accounts:add', request)).account.id;
  const log = async (): Promise<AlertEvent[]> => value<AlertEvent[]>(await t.call('alerts:log'));
  const live = (id: string, snap: MonitorSnapshot = t.core.snapshot()): AccountLive => snap.accounts.find((a) => a.account.id === id)!;
  const points = async (series: SeriesRef): Promise<HistoryPoint[]> => value<HistoryPoint[]>(await t.call('monitor:history', { series, range: '1h' }));
  return { ...t, notifications, trays, pushed, add, log, live, points };
}

/** Every snapshot pushed to the window adds up its live accounts only. */
function expectLiveSums(snapshots: readonly MonitorSnapshot[]): void {
  for (const snap of snapshots) {
    const live = snap.accounts.filter((a) => !a.stale);
    expect(snap.total).toBe(live.reduce((sum, a) => sum + (a.total ?? 0), 0));
    for (const provider of ['junkie', 'luaprot', 'luaauth'] as const) {
      expect(snap.byProvider[provider]).toBe(live.filter((a) => a.account.provider === provider).reduce((sum, a) => sum + (a.total ?? 0), 0));
    }
  }
}

describe('an account whose key is revoked', () => {
  it('goes stale at once: out of the grand total, byProvider and All accounts history, its last total kept and marked, no alert; the right key brings it back without a rise', async () => {
    const t = await setup({ baseSessions: 60, junkie: { scripts: 1 }, luaprot: { hubs: 5 } });
    const junkie = await t.add({ label: 'J', provider: 'junkie', baseUrl: t.sim.urls.junkie, key: t.sim.keys.junkie, targets: [] });
    const luaprot = await t.add({
      label: 'LP',
      provider: 'luaprot',
      baseUrl: t.sim.urls.luaprot,
      key: t.sim.keys.luaprot,
      targets: t.sim.control.targets().luaprot.hubIds.map((id) => ({ kind: 'hub', id })),
    });
    await t.run(15 * 60_000);
    let snap = t.core.snapshot();
    const lastTotal = t.live(luaprot, snap).total!;
    expect(lastTotal).toBeGreaterThan(100);
    expect(t.live(luaprot, snap).stale).toBe(false);
    expect(snap.total).toBe(t.live(junkie, snap).total! + lastTotal);
    // LuaProt is most of the grand total: without the restart, its leaving would read as a collapse.
    expect(lastTotal).toBeGreaterThan(snap.total * 0.6);
    const lpPointsBefore = (await t.points(accountSeries(luaprot))).length;

    // The key is revoked (here: replaced by one the provider rejects).
    value(await t.call('accounts:update', { id: luaprot, key: 'revoked-key-0000' }));
    const revokedAt = t.clock.now();
    await t.run(60_000);
    snap = t.core.snapshot();
    let lp = t.live(luaprot, snap);
    expect(lp.status.state).toBe('unauthorized');
    expect(lp.stale).toBe(true);
    expect(lp.total).toBe(lastTotal); // never turned into a zero
    expect(snap.byProvider.luaprot).toBe(0);
    expect(snap.total).toBe(t.live(junkie, snap).total);
    expect(t.trays.at(-1)!.icon).toBe('error');
    expect(t.trays.at(-1)!.menu.find(showsAccount(luaprot))!.label).toBe(
      `LP (LuaProt): ${lastTotal.toLocaleString('en-US')} (not live — key rejected)`,
    );
    expect(t.trays.at(-1)!.tooltip).toContain(`LP: ${lastTotal.toLocaleString('en-US')} (not live — key rejected)`);

    await t.run(10 * 60_000);
    // The account's own series got no sample (no drop to zero); All accounts went on with Junkie alone.
    expect((await t.points(accountSeries(luaprot))).length).toBeLessThanOrEqual(lpPointsBefore);
    const totalAfter = (await t.points(TOTAL_SERIES)).filter((p) => p.t > revokedAt + 60_000);
    const junkieAfter = (await t.points(accountSeries(junkie))).filter((p) => p.t > revokedAt + 60_000);
    expect(totalAfter.length).toBeGreaterThan(10);
    expect(Math.max(...totalAfter.map((p) => p.v))).toBeLessThanOrEqual(Math.max(...junkieAfter.map((p) => p.v)));

    // The right key again: it answers, rejoins the totals, and that is no rise either.
    value(await t.call('accounts:update', { id: luaprot, key: t.sim.keys.luaprot }));
    const fixedAt = t.clock.now();
    await t.run(60_000);
    snap = t.core.snapshot();
    lp = t.live(luaprot, snap);
    expect(lp.status.state).toBe('ok');
    expect(lp.stale).toBe(false);
    expect(snap.byProvider.luaprot).toBe(lp.total);
    expect(snap.total).toBe(t.live(junkie, snap).total! + lp.total!);
    expect(t.trays.at(-1)!.menu.find(showsAccount(luaprot))!.label).not.toContain('not live');
    await t.run(10 * 60_000);
    const totalBack = (await t.points(TOTAL_SERIES)).filter((p) => p.t > fixedAt + 60_000);
    expect(Math.min(...totalBack.map((p) => p.v))).toBeGreaterThan(lastTotal * 0.8);

    expectLiveSums(t.pushed);
    expect((await t.log()).filter((e) => e.scope.type === 'total')).toEqual([]);
    expect(t.notifications).toEqual([]);
  });

  it('stays stale after the key is replaced until a count comes through with it', async () => {
    const t = await setup({ baseSessions: 40, junkie: { scripts: 1 } });
    const a = await t.add({ label: 'J1', provider: 'junkie', baseUrl: t.sim.urls.junkie, key: t.sim.keys.junkie, targets: [] });
    await t.add({ label: 'J2', provider: 'junkie', baseUrl: t.sim.urls.junkie, key: t.sim.keys.junkie, targets: [] });
    await t.run(5 * 60_000);
    value(await t.call('accounts:update', { id: a, key: 'revoked-key-0000' }));
    await t.run(30_000);
    expect(t.live(a).stale).toBe(true);
    // Replacing the key (and refreshing) lifts the halt, but the last total is no fresher for it.
    value(await t.call('accounts:update', { id: a, key: 'another-wrong-key' }));
    expect(t.live(a).status.state).not.toBe('unauthorized');
    expect(t.live(a).stale).toBe(true);
    await t.run(30_000);
    expect(t.live(a).status.state).toBe('unauthorized');
    expect(t.live(a).stale).toBe(true);
    value(await t.call('accounts:update', { id: a, key: t.sim.keys.junkie }));
    expect(t.live(a).stale).toBe(true);
    await t.run(30_000);
    expect(t.live(a).stale).toBe(false);
    expectLiveSums(t.pushed);
  });
});

describe('an account that stops answering (connections dropped)', () => {
  it('becomes stale after max(3 × its poll interval, 5 min) since its last success, not before; no alert on All accounts either way', async () => {
    const t = await setup({ baseSessions: 60, junkie: { scripts: 2 } });
    const junkie = await t.add({ label: 'J', provider: 'junkie', baseUrl: t.sim.urls.junkie, key: t.sim.keys.junkie, targets: [] });
    const luaauth = await t.add({
      label: 'LA',
      provider: 'luaauth',
      baseUrl: t.sim.urls.luaauth,
      key: t.sim.keys.luaauth,
      targets: [{ kind: 'script', id: t.sim.control.targets().luaauth.scriptIds[0] }],
    });
    // Junkie every 2 min: 3 intervals (6 min) is more than the 5 min floor.
    const prefs = value<{ pollIntervalSeconds: Record<string, number> }>(await t.call('settings:get'));
    value(await t.call('settings:update', { pollIntervalSeconds: { ...prefs.pollIntervalSeconds, junkie: 120 } }));
    await t.run(15 * 60_000);
    let snap = t.core.snapshot();
    const lastTotal = t.live(junkie, snap).total!;
    expect(lastTotal).toBeGreaterThan(0);
    expect(snap.total).toBe(lastTotal + t.live(luaauth, snap).total!);

    t.sim.control.injectFault('junkie', { type: 'drop_connection' });
    await t.run(3 * 60_000);
    const lastSuccessAt = t.live(junkie).status.lastSuccessAt!;
    const threshold = 3 * 120_000;
    expect(threshold).toBeGreaterThan(STALE_MIN_MS);

    // Just before the threshold: offline, but its last total still counts.
    await t.run(lastSuccessAt + threshold - 1_000 - t.clock.now());
    snap = t.core.snapshot();
    let j = t.live(junkie, snap);
    expect(j.status.state).toBe('offline');
    expect(j.stale).toBe(false);
    expect(snap.total).toBe(lastTotal + t.live(luaauth, snap).total!);
    expect(snap.byProvider.junkie).toBe(lastTotal);

    // Past it: stale, out of the totals, its last total kept.
    await t.run(2_000);
    snap = t.core.snapshot();
    j = t.live(junkie, snap);
    expect(j.stale).toBe(true);
    expect(j.total).toBe(lastTotal);
    expect(snap.byProvider.junkie).toBe(0);
    expect(snap.total).toBe(t.live(luaauth, snap).total);
    const staleAt = t.clock.now();
    await t.run(10 * 60_000);
    expect(t.trays.at(-1)!.icon).toBe('error');
    expect(t.trays.at(-1)!.menu.find(showsAccount(junkie))!.label).toMatch(
      new RegExp(`^J \\(Junkie\\): ${lastTotal.toLocaleString('en-US')} \\(not live — no answer for \\d+ min\\)$`),
    );
    const totalAfter = (await t.points(TOTAL_SERIES)).filter((p) => p.t > staleAt + 60_000);
    const luaauthAfter = (await t.points(accountSeries(luaauth))).filter((p) => p.t > staleAt + 60_000);
    expect(totalAfter.length).toBeGreaterThan(5);
    expect(Math.max(...totalAfter.map((p) => p.v))).toBeLessThanOrEqual(Math.max(...luaauthAfter.map((p) => p.v)));

    // The connection comes back: Junkie rejoins without a rise.
    t.sim.control.clearFaults('junkie');
    await t.run(10 * 60_000);
    snap = t.core.snapshot();
    j = t.live(junkie, snap);
    expect(j.status.state).toBe('ok');
    expect(j.stale).toBe(false);
    expect(snap.total).toBe(j.total! + t.live(luaauth, snap).total!);

    expectLiveSums(t.pushed);
    expect((await t.log()).filter((e) => e.scope.type === 'total')).toEqual([]);
  });
});
