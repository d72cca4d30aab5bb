import { describe, expect, it } from 'vitest';
import { DAY_MS as DAY, History, HOUR_MS as HOUR } from '../history/history';
import { computeInsights, fixedOffsetZone } from './insights';

const MIN = 60_000;
const utc = fixedOffsetZone(0);
// Wednesday 2026-12-02 10:00 UTC.
const NOW = Date.UTC(2026, 11, 2, 10);

/** Insights of key "k" as main computes them: chart points of 90 days, peaks from the unfolded tiers. */
function insightsOf(history: History, now = NOW) {
  history.prune(now);
  const from = now - 90 * DAY;
  return computeInsights(history.range('k', from, now, 90 * 24), now, utc, history.peakSources('k', from, now));
}

/** A sample every 30 s over [from, to) at `base`, with the given samples in between. */
function fill(history: History, from: number, to: number, base: number, special: Record<number, number> = {}): void {
  for (let t = from; t < to; t += 30_000) history.append('k', t, special[t] ?? base);
}

describe('insights peaks', () => {
  it('dates a peak still in raw samples to its sample, not to the newest sample of its chart point', () => {
    const h = new History();
    const peakAt = Date.UTC(2026, 11, 2, 9, 3, 30);
    // 23 h of samples: more than the chart's 2,160 points, so its points fold an hour each.
    fill(h, NOW - 23 * HOUR, NOW, 200, { [peakAt]: 323 });
    const insights = insightsOf(h);
    expect(insights.peak.today).toEqual({ value: 323, at: peakAt });
    expect(insights.peak['90d']).toEqual({ value: 323, at: peakAt });
  });

  it('dates a peak only minute buckets hold to its minute', () => {
    const h = new History();
    const peakAt = Date.UTC(2026, 10, 29, 12, 32, 30); // 3 days ago: past the raw samples' 24 h
    fill(h, Date.UTC(2026, 10, 29, 12), Date.UTC(2026, 10, 29, 14), 100, { [peakAt]: 650 });
    fill(h, NOW - 23 * HOUR, NOW, 90);
    const insights = insightsOf(h);
    expect(insights.peak['7d']).toEqual({ value: 650, at: Date.UTC(2026, 10, 29, 12, 32) });
    expect(insights.peak.today).toEqual({ value: 90, at: NOW - 30_000 });
  });

  it('dates a peak only an hour bucket holds to its hour, and says so', () => {
    const h = new History();
    const peakAt = Date.UTC(2026, 10, 15, 12, 32, 30); // 17 days ago: only the hour tier keeps it
    fill(h, Date.UTC(2026, 10, 15, 11), Date.UTC(2026, 10, 15, 14), 100, { [peakAt]: 650 });
    fill(h, NOW - HOUR, NOW, 90);
    const insights = insightsOf(h);
    expect(insights.peak['30d']).toEqual({ value: 650, at: Date.UTC(2026, 10, 15, 12), hour: true });
    expect(insights.peak['90d']).toEqual({ value: 650, at: Date.UTC(2026, 10, 15, 12), hour: true });
    expect(insights.peak['7d']).toEqual({ value: 90, at: NOW - 30_000 });
  });

  it('counts an hour bucket for a window its hour reaches into (it may hold samples inside it)', () => {
    const h = new History();
    const now = NOW + 20 * MIN; // the 30-day window starts at 10:20 on Nov 2
    fill(h, Date.UTC(2026, 10, 2, 9), Date.UTC(2026, 10, 2, 10), 100, { [Date.UTC(2026, 10, 2, 9, 5)]: 700 });
    fill(h, Date.UTC(2026, 10, 2, 10), Date.UTC(2026, 10, 2, 11), 100, { [Date.UTC(2026, 10, 2, 10, 5)]: 500 });
    fill(h, NOW - HOUR, now, 90);
    const insights = insightsOf(h, now);
    expect(insights.peak['30d']).toEqual({ value: 500, at: Date.UTC(2026, 10, 2, 10), hour: true });
    expect(insights.peak['90d']).toEqual({ value: 700, at: Date.UTC(2026, 10, 2, 9), hour: true });
  });
});
