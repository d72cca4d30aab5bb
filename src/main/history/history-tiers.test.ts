import { describe, expect, it } from 'vitest';
import { HOUR_MS, History, MINUTE_MS } from './history';
import { seededRandom } from '../monitor/seeded-random';

/*
 * History against a plain list of every sample it was given: whatever tier a query reads (raw
 * samples, minute buckets, hourly buckets), the answer is what the list says — the chart's mean,
 * low and high, the all-time high the alert rules compare with, the count in force at a time.
 * Retentions are shortened (raw 30 min, minutes 3 h) so all three tiers are crossed in 12 hours.
 */

const T0 = Date.UTC(2026, 0, 5, 0, 0, 0); // on the hour
const KEY = 'acc/hub';
const RAW_MS = 30 * MINUTE_MS;
const OPTIONS = { rawRetentionMs: RAW_MS, bucketRetentionMs: 3 * HOUR_MS, hourRetentionMs: 2 * 24 * HOUR_MS };

interface Sample {
  at: number;
  value: number;
}

/**
 * 12 h of samples every 10–50 s, with a few outages and a spike, seeded. The last one falls on the
 * hour, so the minute tier starts on an hour; a minute tier starting mid-hour (the seam) is tested
 * in history-tier-seam.test.ts.
 */
function fill(seed: number, hours = 12): { h: History; samples: Sample[]; end: number } {
  const rnd = seededRandom(seed);
  const h = new History(OPTIONS);
  const samples: Sample[] = [];
  let at = T0;
  const end = T0 + hours * HOUR_MS;
  let level = 200;
  while (at < end - 60_000) {
    level = Math.max(0, Math.round(level + (rnd() - 0.5) * 40));
    const value = rnd() < 0.01 ? level * 3 : level;
    expect(h.append(KEY, at, value)).toBe(true);
    samples.push({ at, value });
    at += rnd() < 0.02 ? 20 * MINUTE_MS : 10_000 + Math.floor(rnd() * 40_000);
  }
  expect(h.append(KEY, end, level)).toBe(true);
  samples.push({ at: end, value: level });
  return { h, samples, end };
}

const maxOf = (xs: Sample[]) => (xs.length === 0 ? undefined : Math.max(...xs.map((s) => s.value)));
const minOf = (xs: Sample[]) => Math.min(...xs.map((s) => s.value));
const meanOf = (xs: Sample[]) => xs.reduce((n, s) => n + s.value, 0) / xs.length;

describe('History answers like the list of its samples', () => {
  for (const seed of [1, 2, 3]) {
    it(`whole-history chart point, high, newest and oldest (seed ${seed})`, () => {
      const { h, samples, end } = fill(seed);
      const [point, ...rest] = h.range(KEY, T0, end, 1);
      expect(rest).toEqual([]);
      expect(point!.t).toBe(end);
      expect(point!.min).toBe(minOf(samples));
      expect(point!.max).toBe(maxOf(samples));
      // Bucket means are stored to 1/256: a small tolerance, far below one user.
      expect(Math.abs(point!.value - meanOf(samples))).toBeLessThan(0.05);

      expect(h.allTimeHigh(KEY)).toBe(maxOf(samples));
      expect(h.allTimeHigh(KEY, end)).toBe(maxOf(samples.filter((s) => s.at < end)));
      expect(h.latest(KEY)).toEqual(samples.at(-1));
      expect(h.oldestAt(KEY)).toBe(T0);
      expect(h.has(KEY)).toBe(true);
      expect(h.keys()).toEqual([KEY]);
    });

    it(`the high between two times, in every tier (seed ${seed})`, () => {
      const { h, samples, end } = fill(seed);
      const rnd = seededRandom(seed + 100);
      for (let i = 0; i < 40; i++) {
        // Whole hours and minutes anywhere; any millisecond inside the raw tier.
        const hour = (x: number) => T0 + Math.floor(x * 12) * HOUR_MS;
        const minute = (x: number) => end - 3 * HOUR_MS + MINUTE_MS + Math.floor(x * 170) * MINUTE_MS;
        const raw = (x: number) => end - RAW_MS + 1 + Math.floor(x * (RAW_MS - 1));
        const pick = [hour, minute, raw][i % 3]!;
        const a = pick(rnd());
        const b = [hour, minute, raw][Math.floor(rnd() * 3)]!(rnd());
        const [from, before] = a <= b ? [a, b] : [b, a];
        const inside = samples.filter((s) => s.at >= from && s.at < before);
        expect(h.allTimeHigh(KEY, before, from), `[${from - T0}, ${before - T0})`).toBe(maxOf(inside));
        expect(h.allTimeHigh(KEY, before), `before ${before - T0}`).toBe(maxOf(samples.filter((s) => s.at < before)));
      }
    });

    it(`raw samples, the count in force and the chart inside the raw tier (seed ${seed})`, () => {
      const { h, samples, end } = fill(seed);
      const rawFrom = end - RAW_MS + MINUTE_MS;
      const kept = samples.filter((s) => s.at >= rawFrom);
      expect(h.valuesSince(KEY, rawFrom)).toEqual(kept);
      expect(h.valuesSince(KEY, end + 1)).toEqual([]);
      for (const s of kept) {
        expect(h.valueAt(KEY, s.at)).toBe(s.value);
        expect(h.valueAt(KEY, s.at + 1)).toBe(s.value);
      }
      const points = h.range(KEY, rawFrom, end, 10_000);
      expect(points).toEqual(kept.map((s) => ({ t: s.at, value: s.value, min: s.value, max: s.value })));
      // Folded into 3 bins of equal width: each bin's low, high and mean are its samples'.
      const width = (end - rawFrom) / 3;
      const bins = h.range(KEY, rawFrom, end, 3);
      const groups = [0, 1, 2]
        .map((b) => kept.filter((s) => Math.min(2, Math.floor((s.at - rawFrom) / width)) === b))
        .filter((xs) => xs.length > 0);
      expect(bins.map((p) => ({ t: p.t, min: p.min, max: p.max }))).toEqual(groups.map((xs) => ({ t: xs.at(-1)!.at, min: minOf(xs), max: maxOf(xs) })));
      bins.forEach((p, i) => expect(p.value).toBeCloseTo(meanOf(groups[i]!), 9));
    });

    it(`minute points between the hour and raw tiers (seed ${seed})`, () => {
      const { h, samples, end } = fill(seed);
      const from = Math.floor((end - 2 * HOUR_MS) / MINUTE_MS) * MINUTE_MS;
      const to = Math.floor((end - HOUR_MS) / MINUTE_MS) * MINUTE_MS - 1;
      const byMinute = new Map<number, Sample[]>();
      for (const s of samples.filter((x) => x.at >= from && x.at <= to)) {
        const m = Math.floor(s.at / MINUTE_MS) * MINUTE_MS;
        byMinute.set(m, [...(byMinute.get(m) ?? []), s]);
      }
      const points = h.range(KEY, from, to, 10_000);
      expect(points.map((p) => ({ t: p.t, min: p.min, max: p.max }))).toEqual(
        [...byMinute.entries()].map(([m, xs]) => ({ t: m, min: minOf(xs), max: maxOf(xs) })),
      );
      // A minute's mean is stored as a fraction (1/255) of its spread between low and high.
      points.forEach((p, i) => expect(Math.abs(p.value - meanOf([...byMinute.values()][i]!))).toBeLessThanOrEqual((p.max - p.min) / 255 + 1e-9));
      // The count in force at a time in the minute tier: the last sample of the newest minute at or before it.
      for (const [m, xs] of byMinute) expect(h.valueAt(KEY, m + 59_999)).toBe(xs.at(-1)!.value);
    });

    it(`after the clock steps back inside the raw tier, only the samples before it remain (seed ${seed})`, () => {
      const { h, samples, end } = fill(seed);
      const rnd = seededRandom(seed + 7);
      const back = end - Math.floor(rnd() * (RAW_MS - 2 * MINUTE_MS)) - MINUTE_MS;
      h.rewind(back);
      const kept = samples.filter((s) => s.at <= back);
      expect(h.latest(KEY)).toEqual(kept.at(-1));
      expect(h.allTimeHigh(KEY)).toBe(maxOf(kept));
      const [point] = h.range(KEY, T0, end, 1);
      expect(point!.min).toBe(minOf(kept));
      expect(point!.max).toBe(maxOf(kept));
      expect(Math.abs(point!.value - meanOf(kept))).toBeLessThan(0.05);
      // The series takes new samples at once, from just after the new now.
      expect(h.append(KEY, kept.at(-1)!.at, 1)).toBe(false);
      expect(h.append(KEY, back + 1, 1)).toBe(true);
    });
  }
});

describe('a minute cut by a rewind', () => {
  it('keeps the low, high and mean of the samples left in it, even once its raw samples are gone', () => {
    const h = new History({ rawRetentionMs: 10 * MINUTE_MS });
    const m = T0 + 5 * MINUTE_MS;
    h.append(KEY, m, 10);
    h.append(KEY, m + 20_000, 4);
    h.append(KEY, m + 40_000, 2);
    h.append(KEY, m + 50_000, 50);
    h.rewind(m + 30_000);
    expect(h.latest(KEY)).toEqual({ at: m + 20_000, value: 4 });
    // Twenty minutes later the raw samples of that minute are gone; its bucket answers.
    h.append(KEY, m + 20 * MINUTE_MS, 7);
    expect(h.valuesSince(KEY, m)).toEqual([{ at: m + 20 * MINUTE_MS, value: 7 }]);
    const points = h.range(KEY, m, m + MINUTE_MS - 1, 100);
    expect(points).toHaveLength(1);
    expect(points[0]).toMatchObject({ t: m, min: 4, max: 10 });
    expect(points[0]!.value).toBeCloseTo(7, 1);
    expect(h.allTimeHigh(KEY, m + 20 * MINUTE_MS)).toBe(10);
    expect(h.valueAt(KEY, m + 30_000)).toBe(4);
  });

  it('forgets a series wholly dated after the new now', () => {
    const h = new History();
    h.append('a', T0 + 10_000, 3);
    h.append('b', T0 - 10_000, 5);
    h.rewind(T0);
    expect(h.keys()).toEqual(['b']);
    expect(h.latest('a')).toBeUndefined();
    expect(h.allTimeHigh('a')).toBeUndefined();
    expect(h.append('a', T0 + 1, 9)).toBe(true);
  });
});

describe('what history refuses and forgets', () => {
  it('refuses samples not newer than the last, negative or not finite, and rounds fractions', () => {
    const h = new History();
    expect(h.append(KEY, T0, 2.6)).toBe(true);
    expect(h.append(KEY, T0, 5)).toBe(false);
    expect(h.append(KEY, T0 - 1, 5)).toBe(false);
    expect(h.append(KEY, T0 + 1, -1)).toBe(false);
    expect(h.append(KEY, T0 + 1, Number.NaN)).toBe(false);
    expect(h.append(KEY, T0 + 1, Number.POSITIVE_INFINITY)).toBe(false);
    expect(h.append(KEY, Number.NaN, 1)).toBe(false);
    expect(h.valuesSince(KEY, -Infinity)).toEqual([{ at: T0, value: 3 }]);
    expect(h.append(KEY, T0 + 1, 0)).toBe(true);
  });

  it('keeps counts above 65,535 exact (wider storage)', () => {
    const h = new History();
    h.append(KEY, T0, 70_000);
    h.append(KEY, T0 + 1_000, 65_535);
    h.append(KEY, T0 + 2_000, 5_000_000);
    expect(h.valuesSince(KEY, T0).map((p) => p.value)).toEqual([70_000, 65_535, 5_000_000]);
    expect(h.allTimeHigh(KEY)).toBe(5_000_000);
    expect(h.range(KEY, T0, T0 + 2_000, 1)[0]).toMatchObject({ min: 65_535, max: 5_000_000 });
  });

  it('prunes by age: raw samples, then minutes, then the series', () => {
    const h = new History({ rawRetentionMs: 10 * MINUTE_MS, bucketRetentionMs: HOUR_MS, hourRetentionMs: 0 });
    h.append(KEY, T0, 5);
    h.append('other', T0 + 30 * MINUTE_MS, 1);
    h.prune(T0 + 11 * MINUTE_MS);
    expect(h.valuesSince(KEY, -Infinity)).toEqual([]);
    expect(h.latest(KEY)).toEqual({ at: T0, value: 5 });
    h.prune(T0 + HOUR_MS + 2 * MINUTE_MS);
    expect(h.has(KEY)).toBe(false);
    expect(h.has('other')).toBe(true);
    h.remove('other');
    expect(h.keys()).toEqual([]);
    expect(h.range('other', T0, T0 + HOUR_MS, 10)).toEqual([]);
  });

  it('answers nothing for an unknown series or an empty range', () => {
    const h = new History();
    h.append(KEY, T0, 5);
    expect(h.latest('nope')).toBeUndefined();
    expect(h.valueAt('nope', T0)).toBeUndefined();
    expect(h.valueAt(KEY, T0 - 1)).toBeUndefined();
    expect(h.oldestAt('nope')).toBeUndefined();
    expect(h.valuesSince('nope', T0)).toEqual([]);
    expect(h.range(KEY, T0 + 1, T0, 10)).toEqual([]);
    expect(h.range(KEY, T0, T0, 0)).toEqual([]);
    expect(h.range(KEY, T0, T0, 1)).toEqual([{ t: T0, value: 5, min: 5, max: 5 }]);
  });

  it('refuses retentions that cannot work', () => {
    expect(() => new History({ rawRetentionMs: 0 })).toThrow(RangeError);
    expect(() => new History({ bucketRetentionMs: MINUTE_MS - 1 })).toThrow(RangeError);
    expect(() => new History({ maxRawSamples: 0 })).toThrow(RangeError);
    expect(() => new History({ hourRetentionMs: HOUR_MS - 1 })).toThrow(RangeError);
    expect(() => new History({ hourRetentionMs: 0, bucketRetentionMs: MINUTE_MS, maxRawSamples: 1 })).not.toThrow();
  });

  it('keeps at most maxRawSamples raw samples, the newest', () => {
    const h = new History({ maxRawSamples: 3 });
    for (let i = 0; i < 5; i++) h.append(KEY, T0 + i * 1_000, i);
    expect(h.valuesSince(KEY, -Infinity).map((p) => p.value)).toEqual([2, 3, 4]);
    expect(h.allTimeHigh(KEY)).toBe(4);
  });
});

describe('changes for incremental saves', () => {
  it('lists appends since the last take, and asks for a whole snapshot after a rewind or removal', () => {
    const h = new History();
    expect(h.takeChanges().full).toBe(true);
    h.trackChanges();
    h.append('a', T0, 1);
    h.append('b', T0, 2);
    h.append('a', T0 + 1_000, 3);
    const c = h.takeChanges();
    expect(c.full).toBe(false);
    expect(c.keys).toEqual(['a', 'b']);
    expect([...c.series]).toEqual([0, 1, 0]);
    expect([...c.at]).toEqual([T0, T0, T0 + 1_000]);
    expect([...c.value]).toEqual([1, 2, 3]);
    expect(h.takeChanges().keys).toEqual([]);
    h.rewind(T0);
    expect(h.takeChanges().full).toBe(true);
    h.remove('nope');
    expect(h.takeChanges().full).toBe(false);
    h.remove('b');
    expect(h.takeChanges().full).toBe(true);
  });
});
