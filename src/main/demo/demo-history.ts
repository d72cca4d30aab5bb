/**
 * Demo mode starts with 90 days of made-up history for its own accounts, so a
 * new user sees sparklines, trends, charts and Insights at once instead of a
 * single dot. Only series that have no samples yet are filled, and only demo
 * accounts (and the grand total when nothing else is watched) — never a real account.
 */
import type { RandomSource } from '../monitor/seeded-random';
import { seededRandom } from '../monitor/seeded-random';
import { seriesKey } from '../history/series-key';
import { accountSeries as accountRef, targetSeries, TOTAL_SERIES } from '../../shared/series-ref';
import type { History } from '../history/history';
import type { RunningSimulator } from '../simulator/types';
import type { AccountConfig } from '../../shared/model';
import { providerDescriptor } from '../providers/registry';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * A daily rhythm (busiest around midday UTC) and a weekly one (weekends busier) with a slow
 * random walk, ending exactly at `current`: 90 days, so Insights' peaks and heatmap have something to show.
 */
export function syntheticSeries(current: number, now: number, random: RandomSource): Array<[number, number]> {
  const times: number[] = [];
  // Hourly points for the older weeks (they become hour buckets), ten-minute ones for the last week
  // (minute buckets anyway), minutes for the last day.
  for (let t = now - 90 * DAY; t < now - 7 * DAY; t += 60 * MINUTE) times.push(t);
  for (let t = now - 7 * DAY; t < now - DAY; t += 10 * MINUTE) times.push(t);
  for (let t = now - DAY; t < now; t += MINUTE) times.push(t);
  const weekday = (t: number) => (Math.floor(t / DAY) + 3) % 7; // 0 = Monday (1970-01-01 was a Thursday)
  const shape = (t: number) => (1 + 0.35 * Math.sin(((t / DAY) % 1) * 2 * Math.PI - Math.PI / 2)) * (weekday(t) >= 5 ? 1.25 : 1);
  const level = Math.max(current, 1) / shape(now);
  let walk = 0;
  const points: Array<[number, number]> = [];
  for (const t of times) {
    walk = walk * 0.98 + (random() - 0.5) * 0.06;
    points.push([t, level * shape(t) * (1 + walk)]);
  }
  // Ease the last hour onto the live count so the first real poll shows no artificial jump.
  const offset = current - (points.at(-1)?.[1] ?? current);
  return points.map(([t, v]) => [t, Math.max(0, Math.round(v + offset * Math.max(0, 1 - (now - t) / (60 * MINUTE))))]);
}

function fill(history: History, key: string, points: Array<[number, number]>): void {
  for (const [t, v] of points) history.append(key, t, v);
}

export function backfillDemoHistory(
  history: History,
  simulator: RunningSimulator,
  accounts: readonly AccountConfig[],
  onlyDemo: boolean,
  now: number,
): void {
  const random = seededRandom(42);
  const targets = simulator.control.targets();
  const sums = new Map<number, number>();
  const add = (series: Array<[number, number]>) => {
    for (const [t, v] of series) sums.set(t, (sums.get(t) ?? 0) + v);
  };
  for (const account of accounts) {
    const ids =
      // A demo account that watches every script is the simulator's Junkie account.
      providerDescriptor(account.provider)?.autoTargets && account.autoTargets ? targets.junkie.scriptIds : account.targets.map((t) => t.id);
    const accountSums = new Map<number, number>();
    for (const id of ids) {
      const series = syntheticSeries(simulator.control.population(account.provider, id), now, random);
      if (!history.has(seriesKey(targetSeries(account.id, id)))) fill(history, seriesKey(targetSeries(account.id, id)), series);
      for (const [t, v] of series) accountSums.set(t, (accountSums.get(t) ?? 0) + v);
    }
    const accountSeries = [...accountSums.entries()];
    if (!history.has(seriesKey(accountRef(account.id)))) fill(history, seriesKey(accountRef(account.id)), accountSeries);
    add(accountSeries);
  }
  if (onlyDemo && !history.has(seriesKey(TOTAL_SERIES))) fill(history, seriesKey(TOTAL_SERIES), [...sums.entries()]);
}
