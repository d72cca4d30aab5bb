import { describe, expect, it } from 'vitest';
import { HOUR_MS } from './hour-buckets';
import { MINUTE_MS, Series, type SeriesRetention } from './series';
import { allTimeHigh, latest, oldestAt, range, valueAt, valuesSince } from './series-queries';

/* One series' rings: wrap-around, growth, wider counts, columns and rewinds, read back through its queries. */

const T0 = Date.UTC(2026, 0, 5); // on the hour
const LIMITS = { maxRaw: 5, maxBuckets: 4, maxHours: 3 };
const KEEP_ALL: SeriesRetention = { rawMs: Infinity, bucketMs: Infinity, hourMs: Infinity };

function filled(limits = LIMITS, rawCapacity?: number, bucketCapacity?: number): Series {
  return new Series(limits, rawCapacity, bucketCapacity);
}

describe('Series rings', () => {
  it('raw samples wrap around a full ring and keep their order, the newest maxRaw', () => {
    const s = filled(LIMITS, 2);
    for (let i = 0; i < 8; i++) s.append(T0 + i * 1_000, i, KEEP_ALL);
    expect(s.rawT.length).toBe(5);
    expect(valuesSince(s, -Infinity).map((p) => p.value)).toEqual([3, 4, 5, 6, 7]);
    expect(latest(s)).toEqual({ at: T0 + 7_000, value: 7 });
    expect(s.rawLowerBound(T0 + 4_000)).toBe(1);
    expect(s.rawUpperBound(T0 + 4_000)).toBe(2);
    expect(s.rawLowerBound(T0 + 4_001)).toBe(2);
    expect(s.rawUpperBound(T0 + 2_999)).toBe(0);
    // Growing after a wrap keeps the order too.
    s.growRaw(8);
    expect(valuesSince(s, -Infinity).map((p) => p.value)).toEqual([3, 4, 5, 6, 7]);
    expect(s.rawStart).toBe(0);
  });

  it('minute buckets wrap around too, keep the newest maxBuckets minutes and start on a real one', () => {
    const s = filled(LIMITS, undefined, 2);
    for (let m = 0; m < 6; m++) s.append(T0 + m * MINUTE_MS, 10 + m, KEEP_ALL);
    expect(s.bN.length).toBe(4);
    expect(s.firstMinute).toBe(T0 / MINUTE_MS + 2);
    expect(s.bLen).toBe(4);
    const cols = s.toColumns();
    expect([...cols.bMin]).toEqual([12, 13, 14, 15]);
    // A gap longer than the ring: only the new minute is left.
    s.append(T0 + 20 * MINUTE_MS, 99, KEEP_ALL);
    expect(s.bLen).toBe(1);
    expect(s.firstMinute).toBe(T0 / MINUTE_MS + 20);
    // Two minutes with a gap between: the first slot stays a real bucket after a drop.
    s.append(T0 + 22 * MINUTE_MS, 1, KEEP_ALL);
    s.append(T0 + 24 * MINUTE_MS, 2, KEEP_ALL); // needs 5 slots: drops minute 20, then empty 21
    expect(s.firstMinute).toBe(T0 / MINUTE_MS + 22);
    expect([...s.toColumns().bN]).toEqual([1, 0, 1]);
  });

  it('a bucket keeps low, high, last, count and a mean to 1/255 of its spread', () => {
    const s = filled();
    for (const [i, v] of [40, 10, 30, 20].entries()) s.append(T0 + i * 1_000, v, KEEP_ALL);
    const c = s.toColumns();
    expect([c.bMin[0], c.bMax[0], c.bLast[0], c.bN[0]]).toEqual([10, 40, 20, 4]);
    expect(c.bFrac[0]).toBe(Math.round(((25 - 10) / 30) * 255));
    expect(s.bucketMean(s.bIdx(0))).toBeCloseTo(25, 0);
    // One value only: no spread, a mean equal to it.
    s.append(T0 + MINUTE_MS, 7, KEEP_ALL);
    expect(s.toColumns().bFrac[1]).toBe(0);
    expect(s.bucketMean(s.bIdx(1))).toBe(7);
  });

  it('a bucket counts up to 255 samples (a weight), and its exact running mean goes on', () => {
    const s = filled({ maxRaw: 400, maxBuckets: 4, maxHours: 3 });
    for (let i = 0; i < 300; i++) s.append(T0 + i * 100, i % 2 === 0 ? 0 : 10, KEEP_ALL);
    expect(s.bN[s.bIdx(0)]).toBe(255);
    expect(s.curN).toBe(300);
    expect(s.bucketMean(s.bIdx(0))).toBeCloseTo(5, 1);
  });

  it('widens every count column past 65,535 and stays wide through columns', () => {
    const s = filled();
    s.append(T0, 5, KEEP_ALL);
    expect(s.rawV).toBeInstanceOf(Uint16Array);
    s.append(T0 + 1_000, 65_536, KEEP_ALL);
    for (const col of [s.rawV, s.bMin, s.bMax, s.bLast]) expect(col).toBeInstanceOf(Uint32Array);
    expect(s.wide).toBe(true);
    s.widen(); // again: no change
    expect(valuesSince(s, -Infinity).map((p) => p.value)).toEqual([5, 65_536]);
    const back = Series.fromColumns(s.toColumns(), LIMITS);
    expect(back.wide).toBe(true);
    expect(back.bMax[back.bIdx(0)]).toBe(65_536);
    expect(back.byteLength()).toBe(s.byteLength());
  });

  it('counts its bytes: 8 + 4 (or 2) per raw slot, 3 × 4 (or 2) + 2 per bucket slot, 20 per hour slot', () => {
    const s = new Series({ maxRaw: 10, maxBuckets: 10, maxHours: 10 }, 4, 3);
    expect(s.byteLength()).toBe(4 * 10 + 3 * 8 + 10 * 20);
    s.widen();
    expect(s.byteLength()).toBe(4 * 12 + 3 * 14 + 10 * 20);
  });
});

describe('Series columns', () => {
  it('rebuilds from columns, keeping the newest samples and minutes when the limits are smaller', () => {
    const s = new Series({ maxRaw: 100, maxBuckets: 100, maxHours: 10 });
    for (let i = 0; i < 10; i++) s.append(T0 + i * 30_000, i, KEEP_ALL);
    const small = Series.fromColumns(s.toColumns(), { maxRaw: 3, maxBuckets: 2, maxHours: 10 });
    expect(valuesSince(small, -Infinity).map((p) => p.value)).toEqual([7, 8, 9]);
    expect(small.firstMinute).toBe(T0 / MINUTE_MS + 3);
    expect(small.bLen).toBe(2);
    expect(small.curMinute).toBe(T0 / MINUTE_MS + 4);
    expect(small.curN).toBe(2);
    expect(small.lastAt).toBe(T0 + 9 * 30_000);
    // The newest minute takes more samples with its running mean restored.
    small.append(T0 + 9 * 30_000 + 10_000, 20, KEEP_ALL);
    const [p] = range(small, T0 + 4 * MINUTE_MS, T0 + 5 * MINUTE_MS - 1, 1);
    expect(p!.max).toBe(20);
    expect(small.curN).toBe(3);
    // Hours off: the hour tier stays empty.
    const noHours = Series.fromColumns(s.toColumns(), { maxRaw: 100, maxBuckets: 100, maxHours: 0 });
    expect(noHours.hours.empty).toBe(true);
    expect(allTimeHigh(noHours)).toBe(9);
  });

  it('starts the hour tier from its minutes (an old file), one hour bucket per hour', () => {
    const s = new Series({ maxRaw: 100, maxBuckets: 200, maxHours: 10 });
    for (let m = 50; m < 70; m += 5) s.append(T0 + m * MINUTE_MS, m, KEEP_ALL);
    const cols = s.toColumns();
    const back = Series.fromColumns({ ...cols, hours: { h0: 0, n: new Uint32Array(0), sum: new Float64Array(0), min: new Uint32Array(0), max: new Uint32Array(0) } }, { maxRaw: 100, maxBuckets: 200, maxHours: 10 });
    back.hoursFromMinutes();
    expect([...back.hours.between(-Infinity, Infinity)]).toEqual([
      { hour: T0 / HOUR_MS, n: 2, sum: 105, min: 50, max: 55 },
      { hour: T0 / HOUR_MS + 1, n: 2, sum: 125, min: 60, max: 65 },
    ]);
  });
});

describe('Series rewind (truncateAfter)', () => {
  it('keeps samples up to now, rebuilds the cut minute and hour, and sets lastAt to the newest kept', () => {
    const s = new Series({ maxRaw: 100, maxBuckets: 200, maxHours: 10 });
    const at = [0, 20_000, 40_000, MINUTE_MS + 10_000, HOUR_MS + 5_000];
    for (const [i, t] of at.entries()) s.append(T0 + t, [5, 9, 1, 7, 50][i]!, KEEP_ALL);
    s.truncateAfter(T0 + 30_000);
    expect(s.lastAt).toBe(T0 + 20_000);
    expect(valuesSince(s, -Infinity).map((p) => p.value)).toEqual([5, 9]);
    expect(s.bLen).toBe(1);
    expect([s.bMin[s.bIdx(0)], s.bMax[s.bIdx(0)], s.bLast[s.bIdx(0)], s.bN[s.bIdx(0)]]).toEqual([5, 9, 9, 2]);
    expect(s.curMinute).toBe(T0 / MINUTE_MS);
    expect(s.curN).toBe(2);
    expect([...s.hours.between(-Infinity, Infinity)]).toEqual([{ hour: T0 / HOUR_MS, n: 2, sum: s.bucketMean(s.bIdx(0)) * 2, min: 5, max: 9 }]);
    expect(allTimeHigh(s)).toBe(9);
    expect(valueAt(s, T0 + HOUR_MS)).toBe(9);
  });

  it('with no raw samples left in the cut minute, empties it and ends on the newest real minute', () => {
    const s = new Series({ maxRaw: 100, maxBuckets: 200, maxHours: 10 });
    s.append(T0, 3, KEEP_ALL);
    s.append(T0 + 2 * MINUTE_MS + 30_000, 8, KEEP_ALL);
    s.truncateAfter(T0 + 2 * MINUTE_MS + 10_000);
    expect(s.bLen).toBe(1);
    expect(s.lastAt).toBe(T0);
    expect(latest(s)).toEqual({ at: T0, value: 3 });
    expect(oldestAt(s)).toBe(T0);
  });

  it('keeps an hour bucket older than the minutes (lastAt its start), and forgets it once now is before its samples', () => {
    const s = new Series({ maxRaw: 100, maxBuckets: 200, maxHours: 10 });
    s.append(T0 + 10 * MINUTE_MS, 4, { rawMs: 1, bucketMs: MINUTE_MS, hourMs: Infinity });
    s.append(T0 + 3 * HOUR_MS, 6, { rawMs: 1, bucketMs: MINUTE_MS, hourMs: Infinity });
    s.truncateAfter(T0 + 2 * HOUR_MS);
    expect(s.rawLen).toBe(0);
    expect(s.bLen).toBe(0);
    expect(s.empty).toBe(false);
    expect(s.lastAt).toBe(T0);
    expect(allTimeHigh(s)).toBe(4);
    // Back before that hour's only sample (10 min past): nothing is left.
    s.truncateAfter(T0 + 5 * MINUTE_MS);
    expect(s.empty).toBe(true);
    expect(s.lastAt).toBe(-Infinity);
  });
});

describe('Series queries at the edges of the tiers', () => {
  it('valueAt reads the newest real minute at or before a time past the raw tier, skipping empty minutes', () => {
    const s = new Series({ maxRaw: 100, maxBuckets: 200, maxHours: 10 });
    const keepRawBriefly = { rawMs: 1, bucketMs: Infinity, hourMs: Infinity };
    s.append(T0, 3, keepRawBriefly);
    s.append(T0 + 20_000, 4, keepRawBriefly);
    s.append(T0 + 3 * MINUTE_MS, 8, keepRawBriefly);
    s.append(T0 + 10 * MINUTE_MS, 9, keepRawBriefly);
    expect(valueAt(s, T0 + 2 * MINUTE_MS)).toBe(4);
    expect(valueAt(s, T0 + 4 * MINUTE_MS)).toBe(8);
    expect(valueAt(s, T0 - 1)).toBeUndefined();
    expect(valueAt(s, T0 + 99 * MINUTE_MS)).toBe(9);
    expect(latest(s)).toEqual({ at: T0 + 10 * MINUTE_MS, value: 9 });
    // Only minutes left: latest is the newest minute's last value at its start.
    s.dropRaw(5);
    expect(latest(s)).toEqual({ at: T0 + 10 * MINUTE_MS, value: 9 });
    expect(oldestAt(s)).toBe(T0);
  });

  it('oldestAt: the first raw sample when it is in the first minute, else that minute, else the first hour', () => {
    const s = new Series({ maxRaw: 100, maxBuckets: 200, maxHours: 10 });
    expect(oldestAt(s)).toBeUndefined();
    expect(latest(s)).toBeUndefined();
    expect(allTimeHigh(s)).toBeUndefined();
    s.append(T0 + 15_000, 1, KEEP_ALL);
    s.append(T0 + 2 * MINUTE_MS, 2, KEEP_ALL);
    expect(oldestAt(s)).toBe(T0 + 15_000);
    s.dropRaw(1);
    expect(oldestAt(s)).toBe(T0);
    s.prune(T0 + 2 * MINUTE_MS, { rawMs: Infinity, bucketMs: MINUTE_MS, hourMs: Infinity });
    expect(s.firstMinute).toBe(T0 / MINUTE_MS + 2);
    // The hour tier still holds the first sample's hour, which starts before the minutes.
    expect(oldestAt(s)).toBe(T0);
  });

  it('allTimeHigh inside one minute reads raw samples only', () => {
    const s = new Series({ maxRaw: 100, maxBuckets: 200, maxHours: 10 });
    for (const [i, v] of [5, 50, 7, 3].entries()) s.append(T0 + i * 10_000, v, KEEP_ALL);
    expect(allTimeHigh(s, T0 + 30_000, T0 + 15_000)).toBe(7);
    expect(allTimeHigh(s, T0 + 10_000, T0 + 10_000)).toBeUndefined();
    expect(allTimeHigh(s, T0 + 10_001, T0 + 10_000)).toBe(50);
    expect(allTimeHigh(s, T0 + 2 * MINUTE_MS, T0 + 20_000)).toBe(7);
    expect(allTimeHigh(s, T0 + 2 * MINUTE_MS, T0 - 1)).toBe(50);
  });
});
