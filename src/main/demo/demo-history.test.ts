import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../shared/clock';
import { History } from '../history/history';
import { seededRandom } from '../monitor/seeded-random';
import { seriesKey } from '../history/series-key';
import { accountSeries, targetSeries, TOTAL_SERIES } from '../../shared/series-ref';
import { startSimulator } from '../simulator';
import type { RunningSimulator } from '../simulator/types';
import { demoAccountConfigs } from './demo-accounts';
import { backfillDemoHistory, syntheticSeries } from './demo-history';

const accountKey = (accountId: string): string => seriesKey(accountSeries(accountId));
const targetKey = (accountId: string, targetId: string): string => seriesKey(targetSeries(accountId, targetId));
const TOTAL_KEY = seriesKey(TOTAL_SERIES);

const DAY = 86_400_000;
const clock = new ManualClock(Date.UTC(2026, 2, 1, 18));
let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ seed: 3, clock });
});
afterAll(() => sim.close());

describe('demo history', () => {
  it('ends at the current count, covers 90 days (the last week in 10-minute steps), and never goes negative', () => {
    const series = syntheticSeries(57, clock.now(), seededRandom(1));
    expect(series[0]![0]).toBe(clock.now() - 90 * DAY);
    const lastWeek = series.filter(([t]) => t >= clock.now() - 7 * DAY && t < clock.now() - DAY);
    expect(lastWeek[0]![0]).toBe(clock.now() - 7 * DAY);
    expect(lastWeek).toHaveLength(6 * 24 * 6);
    expect(series.at(-1)![0]).toBeLessThan(clock.now());
    expect(Math.abs(series.at(-1)![1] - 57)).toBeLessThanOrEqual(1);
    expect(series.every(([, v]) => v >= 0)).toBe(true);
    expect(new Set(series.map(([, v]) => v)).size).toBeGreaterThan(10);
  });

  it('fills every demo target, account and the total, so 24 h and 7 d charts have data at once', () => {
    const history = new History();
    const accounts = demoAccountConfigs(sim);
    backfillDemoHistory(history, sim, accounts, true, clock.now());
    const scripts = sim.control.targets().junkie.scriptIds;
    expect(history.has(targetKey('demo-junkie', scripts[0]!))).toBe(true);
    for (const a of accounts) expect(history.has(accountKey(a.id))).toBe(true);
    expect(history.has(TOTAL_KEY)).toBe(true);
    expect(history.range(TOTAL_KEY, clock.now() - 7 * DAY, clock.now(), 200).length).toBeGreaterThan(100);
    const lastJunkie = history.latest(accountKey('demo-junkie'))!;
    const population = scripts.reduce((s, id) => s + sim.control.population('junkie', id), 0);
    expect(Math.abs(lastJunkie.value - population)).toBeLessThanOrEqual(3);
  });

  it('leaves existing series and, beside real accounts, the grand total alone', () => {
    const history = new History();
    history.append(accountKey('demo-luaprot'), clock.now() - 60_000, 999);
    history.append(TOTAL_KEY, clock.now() - 60_000, 5);
    backfillDemoHistory(history, sim, demoAccountConfigs(sim), false, clock.now());
    expect(history.valuesSince(accountKey('demo-luaprot'), 0).map((p) => p.value)).toEqual([999]);
    expect(history.valuesSince(TOTAL_KEY, 0).map((p) => p.value)).toEqual([5]);
  });
});
