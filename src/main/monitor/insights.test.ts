import { describe, expect, it } from 'vitest';
import type { PeakSource, RangePoint } from '../history/history';
import { DAY_MS as DAY, HOUR_MS as HOUR } from '../history/history';
import { computeInsights, fixedOffsetZone } from './insights';

// Monday 2026-11-30 00:00 UTC.
const MONDAY = Date.UTC(2026, 10, 30);
const utc = fixedOffsetZone(0);

/** Points that are samples (or minute buckets) as their own peak sources. */
const asSamples = (points: readonly RangePoint[]): PeakSource[] => points.map((p) => ({ t: p.t, max: p.max, hour: false }));

/** One point per 10 minutes; users per hour follow `shape(day, hour)`. */
function week(shape: (day: number, hour: number) => number, from = MONDAY, days = 7): RangePoint[] {
  const points: RangePoint[] = [];
  for (let t = from; t < from + days * DAY; t += 10 * 60_000) {
    const d = Math.floor((t - MONDAY) / DAY) % 7;
    const h = Math.floor(((t - MONDAY) % DAY) / HOUR);
    const v = shape(((d % 7) + 7) % 7, h);
    points.push({ t, value: v, min: v, max: v });
  }
  return points;
}

describe('insights', () => {
  it('finds the known peak hour of a synthetic week in the heatmap, Monday first', () => {
    // Evenings are busy, Saturday 21:00 the busiest.
    const shape = (d: number, h: number) => (d === 5 && h === 21 ? 500 : h >= 18 ? 100 + d : 10);
    const insights = computeInsights(week(shape), MONDAY + 7 * DAY, utc, asSamples(week(shape)));
    expect(insights.heatmap).toHaveLength(7);
    expect(insights.heatmap.every((row) => row.length === 24)).toBe(true);
    expect(insights.heatmap[5]![21]).toBe(500);
    expect(insights.heatmap[0]![3]).toBe(10);
    expect(insights.heatmap[2]![19]).toBe(102);
    let best = { d: -1, h: -1, v: -1 };
    insights.heatmap.forEach((row, d) => row.forEach((v, h) => (v ?? -1) > best.v && (best = { d, h, v: v! })));
    expect(best).toEqual({ d: 5, h: 21, v: 500 });
    expect(insights.peak['7d']).toEqual({ value: 500, at: MONDAY + 5 * DAY + 21 * HOUR + 50 * 60_000 });
  });

  it('places hours in the user’s time zone', () => {
    // 21:00 UTC Saturday is 02:00 Sunday at UTC+5.
    const shape = (d: number, h: number) => (d === 5 && h === 21 ? 500 : 10);
    const insights = computeInsights(week(shape), MONDAY + 7 * DAY, fixedOffsetZone(5 * 60), asSamples(week(shape)));
    expect(insights.heatmap[6]![2]).toBe(500);
    expect(insights.heatmap[5]![21]).toBe(10);
  });

  it('leaves hours without data null', () => {
    const insights = computeInsights(week(() => 7, MONDAY, 1), MONDAY + DAY, utc, asSamples(week(() => 7, MONDAY, 1)));
    expect(insights.heatmap[0]!.every((v) => v === 7)).toBe(true);
    expect(insights.heatmap[1]!.every((v) => v === null)).toBe(true);
  });

  it('reports peaks per window with their time, the 7-day average and same-hour comparisons', () => {
    const points: RangePoint[] = [
      { t: MONDAY - 40 * DAY, value: 900, min: 900, max: 900 }, // outside 30 d
      { t: MONDAY - 20 * DAY, value: 300, min: 250, max: 350 },
      { t: MONDAY + 2 * DAY + 30 * 60_000, value: 40, min: 40, max: 40 }, // same hour last week
      { t: MONDAY + 8 * DAY + 30 * 60_000, value: 60, min: 60, max: 60 }, // same hour yesterday
      { t: MONDAY + 9 * DAY - 2 * HOUR, value: 150, min: 150, max: 160 },
      { t: MONDAY + 9 * DAY + 30 * 60_000, value: 80, min: 80, max: 80 }, // last hour
    ];
    const now = MONDAY + 9 * DAY + HOUR;
    const insights = computeInsights(points, now, utc, asSamples(points));
    expect(insights.peak.today).toEqual({ value: 80, at: MONDAY + 9 * DAY + 30 * 60_000 });
    expect(insights.peak['7d']).toEqual({ value: 160, at: MONDAY + 9 * DAY - 2 * HOUR });
    expect(insights.peak['30d']).toEqual({ value: 350, at: MONDAY - 20 * DAY });
    expect(insights.peak['90d']).toEqual({ value: 900, at: MONDAY - 40 * DAY });
    expect(insights.lastHour).toBe(80);
    expect(insights.sameHourYesterday).toBe(60);
    expect(insights.sameHourLastWeek).toBe(40);
    expect(insights.average7d).toBeCloseTo((60 + 150 + 80) / 3);
  });

  it('has nothing to say about an empty series', () => {
    const insights = computeInsights([], MONDAY, utc, []);
    expect(insights.peak).toEqual({ today: null, '7d': null, '30d': null, '90d': null });
    expect([insights.average7d, insights.lastHour, insights.sameHourYesterday, insights.sameHourLastWeek]).toEqual([null, null, null, null]);
    expect(insights.heatmap.flat().every((v) => v === null)).toBe(true);
  });
});
