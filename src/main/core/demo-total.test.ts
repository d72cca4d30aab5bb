import { describe, expect, it } from 'vitest';
import type { HistoryPoint } from '../../shared/ipc-contract';
import type { Insights } from '../../shared/insights';
import { fixedOffsetZone } from '../monitor/insights';
import { dispatch } from '../ipc/dispatch';
import { createAppCore } from './app-core';
import { startTestCore, useCleanups, value, type TestCore } from './core-test-support';

const cleanup = useCleanups();
const TOTAL = { type: 'total' } as const;
const MIN = 60_000;

type Call = TestCore['call'];
const historyOf = async (call: Call, series: unknown, range: string) => value<HistoryPoint[]>(await call('monitor:history', { series, range }));
const peakOf = (points: readonly HistoryPoint[]) => Math.max(...points.map((p) => p.max ?? p.v));

async function setup() {
  const t = await startTestCore({
    cleanup,
    dirPrefix: 'pulsebar-demo-total-',
    now: Date.UTC(2026, 11, 2, 9),
    // Few real users, many demo ones: a demo sample in the total cannot hide.
    sim: { seed: 5, junkie: { scripts: 1 }, baseSessions: 8 },
    demoEvents: false,
    insightsZone: fixedOffsetZone(0),
  });
  const add = async () =>
    value<{ account: { id: string } }>(
      await t.call('accounts:add', { label: 'Mine', provider: 'junkie', baseUrl: t.sim.urls.junkie, key: t.sim.keys.junkie, targets: [] }),
    ).account.id;
  return { t, add };
}

/** The grand total's history and insights hold the real account's samples only. */
async function expectOwnOnly(call: Call, accountId: string, since: number) {
  const account = { type: 'account', accountId };
  for (const range of ['24h', '7d', '90d']) {
    const total = await historyOf(call, TOTAL, range);
    expect(total.length).toBeGreaterThan(0);
    expect(total[0]!.t).toBeGreaterThanOrEqual(since);
    expect(total).toEqual(await historyOf(call, account, range));
  }
  const insights = value<Insights>(await call('monitor:insights', { series: TOTAL }));
  expect(insights.peak['90d']!.value).toBe(peakOf(await historyOf(call, account, '24h')));
  expect(insights.sameHourYesterday).toBeNull();
  expect(insights).toEqual(value<Insights>(await call('monitor:insights', { series: account })));
}

describe('demo turned off', () => {
  it('leaves no demo sample in the grand total (started on demo, real account added), nor after a restart', async () => {
    const { t, add } = await setup();
    value(await t.call('demo:set', { enabled: true }));
    await t.run(10 * MIN);
    const demoPeak = peakOf(await historyOf(t.call, TOTAL, '90d'));
    const addedAt = t.clock.now();
    const id = await add();
    await t.run(30 * MIN);
    const ownBefore = await historyOf(t.call, { type: 'account', accountId: id }, '24h');
    expect(peakOf(ownBefore)).toBeLessThan(demoPeak / 4);

    value(await t.call('demo:set', { enabled: false }));
    expect(await historyOf(t.call, { type: 'account', accountId: 'demo-junkie' }, '90d')).toEqual([]);
    expect(await historyOf(t.call, { type: 'account', accountId: id }, '24h')).toEqual(ownBefore);
    await t.run(20 * MIN);
    await expectOwnOnly(t.call, id, addedAt);

    await t.core.stop();
    const next = createAppCore({
      configDir: t.configDir,
      secrets: t.secrets,
      clock: t.clock,
      timers: false,
      demo: false,
      insightsZone: fixedOffsetZone(0),
      ports: { notifier: { notify: () => undefined } },
    });
    await next.start();
    cleanup(() => next.stop());
    await expectOwnOnly((channel, request) => dispatch(next, channel, request), id, addedAt);
  });

  it('keeps the real total recorded before demo was turned on; and, with no real account left, turning demo on and off again adds nothing to it', async () => {
    const { t, add } = await setup();
    const startedAt = t.clock.now();
    const id = await add();
    await t.run(20 * MIN);
    value(await t.call('demo:set', { enabled: true }));
    await t.run(20 * MIN);
    // While demo is on the grand total is what the window shows: demo accounts included.
    const shown = await historyOf(t.call, TOTAL, '1h');
    expect(peakOf(shown)).toBeGreaterThan(peakOf(await historyOf(t.call, { type: 'account', accountId: id }, '1h')));
    value(await t.call('demo:set', { enabled: false }));
    await t.run(5 * MIN);
    await expectOwnOnly(t.call, id, startedAt);

    const ownPeak = value<Insights>(await t.call('monitor:insights', { series: TOTAL })).peak['90d'];
    value(await t.call('accounts:remove', { id }));
    const own = await historyOf(t.call, TOTAL, '24h');
    value(await t.call('demo:set', { enabled: true }));
    await t.run(5 * MIN);
    value(await t.call('demo:set', { enabled: false }));
    expect(await historyOf(t.call, TOTAL, '24h')).toEqual(own);
    expect(value<Insights>(await t.call('monitor:insights', { series: TOTAL })).peak['90d']).toEqual(ownPeak);
  });
});
