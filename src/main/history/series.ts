import { HOUR_MS, HourBuckets, type HourColumns } from './hour-buckets';
import { unring, type Column } from './ring-copy';
import { seriesFromColumns, seriesToColumns } from './series-columns';

/**
 * One count series' storage, in three tiers: raw samples (24 h), one-minute buckets
 * (min, max, mean, last, n; 7 days) and hourly buckets (90 days, hour-buckets.ts).
 *
 * Memory is bounded and compact because the app runs all day in the tray:
 * - every column is a typed array in a ring that grows by doubling up to its
 *   retention-derived capacity, so a young series costs little;
 * - counts are Uint16 until a series sees a value above 65 535, then that series
 *   switches to Uint32 (counts above 2^32 − 1 are clamped);
 * - a bucket's mean is stored as one byte: its position between min and max
 *   (mean = min + frac/255 · (max − min)), exact enough for a chart line.
 *   The newest bucket keeps an exact running sum on the side.
 * That is 8 bytes per minute bucket and 10 per raw sample.
 *
 * Reads go through series-queries.ts; whole histories through history.ts.
 */

export const MINUTE_MS = 60_000;
export const MAX_U16 = 0xffff;
export const MAX_U32 = 0xffffffff;
export const INITIAL_CAPACITY = 64;

type Counts = Uint16Array | Uint32Array;

/** How much one series may hold (derived from the history's retention settings). */
export interface SeriesLimits {
  maxRaw: number;
  maxBuckets: number;
  maxHours: number;
}

/** How far back each tier reaches, for append's trimming. */
export interface SeriesRetention {
  rawMs: number;
  bucketMs: number;
  hourMs: number;
}

/** One series as plain columns, oldest first (see Series.toColumns). */
export interface SeriesColumns {
  lastAt: number;
  wide: boolean;
  rawT: Float64Array;
  rawV: Uint16Array | Uint32Array;
  /** Epoch minute of bN[0]. */
  m0: number;
  bN: Uint8Array;
  bFrac: Uint8Array;
  bMin: Uint16Array | Uint32Array;
  bMax: Uint16Array | Uint32Array;
  bLast: Uint16Array | Uint32Array;
  hours: HourColumns;
}

export class Series {
  wide = false;
  lastAt = -Infinity;
  /** The long tier: hourly buckets for 90 days (fed on every append, like the minute buckets). */
  hours: HourBuckets;

  // Raw ring: logical i lives at (rawStart + i) % rawT.length.
  rawT: Float64Array;
  rawV: Counts;
  rawStart = 0;
  rawLen = 0;

  // Bucket ring: logical i is minute firstMinute + i, at (bStart + i) % bN.length.
  bMin: Counts;
  bMax: Counts;
  bLast: Counts;
  bFrac: Uint8Array;
  /** Samples in the bucket, saturating at 255 (only used as a weight). */
  bN: Uint8Array;
  bStart = 0;
  bLen = 0;
  firstMinute = 0;

  // Exact running mean of the newest bucket.
  curMinute = NaN;
  curSum = 0;
  curN = 0;

  private readonly maxRaw: number;
  private readonly maxBuckets: number;
  private readonly maxHours: number;

  constructor(
    limits: SeriesLimits,
    rawCapacity = Math.min(INITIAL_CAPACITY, limits.maxRaw),
    bucketCapacity = Math.min(INITIAL_CAPACITY, limits.maxBuckets),
  ) {
    this.maxRaw = limits.maxRaw;
    this.maxBuckets = limits.maxBuckets;
    this.maxHours = limits.maxHours;
    this.hours = new HourBuckets(limits.maxHours);
    this.rawT = new Float64Array(rawCapacity);
    this.rawV = new Uint16Array(rawCapacity);
    this.bMin = new Uint16Array(bucketCapacity);
    this.bMax = new Uint16Array(bucketCapacity);
    this.bLast = new Uint16Array(bucketCapacity);
    this.bFrac = new Uint8Array(bucketCapacity);
    this.bN = new Uint8Array(bucketCapacity);
  }

  get empty(): boolean {
    return this.rawLen === 0 && this.bLen === 0 && this.hours.empty;
  }

  /** Time the minute tier (or, without it, the raw tier) starts: hours before it come from the hour tier. */
  fineStart(): number {
    if (this.bLen > 0) return this.firstMinute * MINUTE_MS;
    return this.rawLen > 0 ? this.rawTime(0) : Infinity;
  }

  /**
   * Epoch hour before which queries read the hour tier, and from which (at `hourTierEnd() · HOUR_MS`)
   * the minute and raw tiers. The minute tier may start part-way through an hour (its retention and
   * capacity drop whole minutes): when that hour's bucket holds samples the finer tiers no longer
   * have, the whole hour is read from the hour tier, else from the finer tiers (a young series keeps
   * its minutes). Either way each sample is read once.
   */
  hourTierEnd(): number {
    if (this.hours.empty) return -Infinity;
    const fine = this.fineStart();
    if (fine === Infinity) return Infinity;
    const hour = Math.floor(fine / HOUR_MS);
    return this.hours.count(hour) > this.finerCount(hour) ? hour + 1 : hour;
  }

  /**
   * Samples the minute tier (without it, the raw tier) holds in epoch hour `hour`. A minute's count
   * saturates at 255: a fuller minute makes this smaller, so the hour tier is read (still once).
   */
  private finerCount(hour: number): number {
    const from = hour * HOUR_MS;
    if (this.bLen === 0) return this.rawLowerBound(from + HOUR_MS) - this.rawLowerBound(from);
    let n = 0;
    const end = Math.min(this.bLen, (from + HOUR_MS) / MINUTE_MS - this.firstMinute);
    for (let li = Math.max(0, from / MINUTE_MS - this.firstMinute); li < end; li++) n += this.bN[this.bIdx(li)]!;
    return n;
  }

  /** Refills hour `hour` from the minute buckets that fall in it (after a rewind emptied it). */
  refillHour(hour: number): void {
    const from = hour * 60;
    for (let li = Math.max(0, from - this.firstMinute); li < this.bLen && this.firstMinute + li < from + 60; li++) {
      const p = this.bIdx(li);
      const n = this.bN[p]!;
      if (n > 0) this.hours.add(hour, this.bucketMean(p), n, this.bMin[p]!, this.bMax[p]!);
    }
  }

  widen(): void {
    if (this.wide) return;
    this.wide = true;
    this.rawV = Uint32Array.from(this.rawV);
    this.bMin = Uint32Array.from(this.bMin);
    this.bMax = Uint32Array.from(this.bMax);
    this.bLast = Uint32Array.from(this.bLast);
  }

  // ---- raw ring ----
  rawIdx(i: number): number {
    return (this.rawStart + i) % this.rawT.length;
  }
  rawTime(i: number): number {
    return this.rawT[this.rawIdx(i)]!;
  }
  rawValue(i: number): number {
    return this.rawV[this.rawIdx(i)]!;
  }

  pushRaw(at: number, v: number): void {
    if (this.rawLen === this.rawT.length) {
      if (this.rawT.length < this.maxRaw) this.growRaw(Math.min(this.maxRaw, this.rawT.length * 2));
      else this.dropRaw(1);
    }
    const p = this.rawIdx(this.rawLen);
    this.rawT[p] = at;
    this.rawV[p] = v;
    this.rawLen++;
  }

  growRaw(capacity: number): void {
    const Counts = this.wide ? Uint32Array : Uint16Array;
    this.rawT = unring(this.rawT, this.rawStart, this.rawLen, new Float64Array(capacity));
    this.rawV = unring(this.rawV, this.rawStart, this.rawLen, new Counts(capacity));
    this.rawStart = 0;
  }

  dropRaw(k: number): void {
    k = Math.min(k, this.rawLen);
    this.rawStart = (this.rawStart + k) % this.rawT.length;
    this.rawLen -= k;
  }

  dropRawBefore(cutoff: number): void {
    this.dropRaw(this.rawLowerBound(cutoff));
  }

  /** First logical raw index with time ≥ t (rawLen if none). */
  rawLowerBound(t: number): number {
    let lo = 0;
    let hi = this.rawLen;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.rawTime(mid) < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** First logical raw index with time > t. */
  rawUpperBound(t: number): number {
    let lo = 0;
    let hi = this.rawLen;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.rawTime(mid) <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  // ---- bucket ring ----
  bIdx(i: number): number {
    return (this.bStart + i) % this.bN.length;
  }

  bucketMean(p: number): number {
    const min = this.bMin[p]!;
    return min + (this.bFrac[p]! / 255) * (this.bMax[p]! - min);
  }

  addToBucket(minute: number, v: number): void {
    if (this.bLen > 0 && minute === this.firstMinute + this.bLen - 1) {
      const p = this.bIdx(this.bLen - 1);
      if (this.bN[p]! === 0) this.startBucket(p, minute, v);
      else {
        if (v < this.bMin[p]!) this.bMin[p] = v;
        if (v > this.bMax[p]!) this.bMax[p] = v;
        this.bLast[p] = v;
        this.bN[p] = Math.min(255, this.bN[p]! + 1);
        this.curSum += v;
        this.curN++;
        this.encodeMean(p);
      }
      return;
    }
    if (this.bLen > 0 && minute < this.firstMinute + this.bLen - 1) return; // older minute: append order already refused it
    if (this.bLen === 0) {
      this.firstMinute = minute;
    } else {
      const needed = minute - this.firstMinute + 1;
      if (needed > this.maxBuckets) this.dropBuckets(needed - this.maxBuckets);
      if (this.bLen === 0) this.firstMinute = minute;
    }
    // Empty (n = 0) slots for minutes without samples up to and including `minute`.
    const newLen = minute - this.firstMinute + 1;
    if (newLen > this.bN.length) this.growBuckets(Math.min(this.maxBuckets, Math.max(this.bN.length * 2, newLen)));
    for (let i = this.bLen; i < newLen; i++) this.bN[this.bIdx(i)] = 0;
    this.bLen = newLen;
    this.startBucket(this.bIdx(newLen - 1), minute, v);
  }

  private startBucket(p: number, minute: number, v: number): void {
    this.bMin[p] = v;
    this.bMax[p] = v;
    this.bLast[p] = v;
    this.bN[p] = 1;
    this.bFrac[p] = 0;
    this.curMinute = minute;
    this.curSum = v;
    this.curN = 1;
  }

  private encodeMean(p: number): void {
    const min = this.bMin[p]!;
    const span = this.bMax[p]! - min;
    this.bFrac[p] = span === 0 ? 0 : Math.round(((this.curSum / this.curN - min) / span) * 255);
  }

  growBuckets(capacity: number): void {
    const Counts = this.wide ? Uint32Array : Uint16Array;
    const grown = <T extends Column>(ring: T, out: T): T => unring(ring, this.bStart, this.bLen, out);
    this.bMin = grown(this.bMin, new Counts(capacity));
    this.bMax = grown(this.bMax, new Counts(capacity));
    this.bLast = grown(this.bLast, new Counts(capacity));
    this.bFrac = grown(this.bFrac, new Uint8Array(capacity));
    this.bN = grown(this.bN, new Uint8Array(capacity));
    this.bStart = 0;
  }

  dropBuckets(k: number): void {
    k = Math.min(k, this.bLen);
    this.bStart = (this.bStart + k) % this.bN.length;
    this.bLen -= k;
    this.firstMinute += k;
    // Keep the first slot a real bucket so oldestAt and range start on data.
    while (this.bLen > 0 && this.bN[this.bStart]! === 0) {
      this.bStart = (this.bStart + 1) % this.bN.length;
      this.bLen--;
      this.firstMinute++;
    }
  }

  /**
   * Forgets every sample dated after `now` (the wall clock stepped back): raw samples, later minutes,
   * and the current minute is rebuilt from the raw samples it keeps. lastAt becomes the newest kept sample.
   */
  truncateAfter(now: number): void {
    this.rawLen = this.rawUpperBound(now);
    const minute = Math.floor(now / MINUTE_MS);
    if (this.bLen > 0 && this.firstMinute + this.bLen - 1 >= minute) {
      this.bLen = Math.max(0, minute - this.firstMinute + 1);
      if (this.bLen > 0) {
        const p = this.bIdx(this.bLen - 1);
        this.bN[p] = 0;
        for (let i = this.rawLowerBound(minute * MINUTE_MS); i < this.rawLen; i++) {
          const v = this.rawValue(i);
          if (this.bN[p]! === 0) this.startBucket(p, minute, v);
          else {
            if (v < this.bMin[p]!) this.bMin[p] = v;
            if (v > this.bMax[p]!) this.bMax[p] = v;
            this.bLast[p] = v;
            this.bN[p] = Math.min(255, this.bN[p]! + 1);
            this.curSum += v;
            this.curN++;
            this.encodeMean(p);
          }
        }
      }
      // No empty minutes at the end: the newest slot is a real bucket.
      while (this.bLen > 0 && this.bN[this.bIdx(this.bLen - 1)]! === 0) this.bLen--;
      if (this.bLen > 0) {
        const p = this.bIdx(this.bLen - 1);
        this.curMinute = this.firstMinute + this.bLen - 1;
        this.curN = this.bN[p]!;
        this.curSum = this.bucketMean(p) * this.curN;
      }
    }
    const hour = Math.floor(now / HOUR_MS);
    this.hours.truncateFrom(hour);
    this.refillHour(hour);
    const newestRaw = this.rawLen > 0 ? this.rawTime(this.rawLen - 1) : -Infinity;
    const newestBucket = this.bLen > 0 ? (this.firstMinute + this.bLen - 1) * MINUTE_MS : -Infinity;
    const newestHour = this.hours.empty ? -Infinity : (this.hours.first + this.hours.len - 1) * HOUR_MS;
    this.lastAt = Math.max(newestRaw, newestBucket, Math.min(newestHour, now));
  }

  dropBucketsBefore(minute: number): void {
    if (this.bLen > 0 && minute > this.firstMinute) this.dropBuckets(minute - this.firstMinute);
  }

  byteLength(): number {
    return (
      this.rawT.byteLength +
      this.rawV.byteLength +
      this.bMin.byteLength +
      this.bMax.byteLength +
      this.bLast.byteLength +
      this.bFrac.byteLength +
      this.bN.byteLength +
      this.hours.byteLength()
    );
  }

  /**
   * Adds one count (already rounded and clamped by the caller) dated `at`, newer than lastAt,
   * to every tier, and drops what falls out of each tier's retention.
   */
  append(at: number, v: number, retention: SeriesRetention): void {
    if (v > MAX_U16) this.widen();
    this.lastAt = at;
    this.pushRaw(at, v);
    this.dropRawBefore(at - retention.rawMs);
    this.addToBucket(Math.floor(at / MINUTE_MS), v);
    this.dropBucketsBefore(Math.floor((at - retention.bucketMs) / MINUTE_MS));
    if (this.maxHours > 0) this.hours.add(Math.floor(at / HOUR_MS), v);
    this.hours.dropBefore(Math.floor((at - retention.hourMs) / HOUR_MS));
  }

  /** Drops what is older than each tier's retention at `now`. */
  prune(now: number, retention: SeriesRetention): void {
    this.dropRawBefore(now - retention.rawMs);
    this.dropBucketsBefore(Math.floor((now - retention.bucketMs) / MINUTE_MS));
    this.hours.dropBefore(Math.floor((now - retention.hourMs) / HOUR_MS));
  }

  /** Starts the hour tier from the minute buckets (a file written before the hour tier existed). */
  hoursFromMinutes(): void {
    for (let i = 0; i < this.bLen; i++) {
      const p = this.bIdx(i);
      const n = this.bN[p]!;
      if (n > 0) this.hours.add(Math.floor(((this.firstMinute + i) * MINUTE_MS) / HOUR_MS), this.bucketMean(p), n, this.bMin[p]!, this.bMax[p]!);
    }
  }

  /** The series as plain columns (series-columns.ts). */
  toColumns(): SeriesColumns {
    return seriesToColumns(this);
  }

  /** Rebuilds a series from columns, keeping the newest when the limits are smaller (series-columns.ts). */
  static fromColumns(c: SeriesColumns, limits: SeriesLimits): Series {
    return seriesFromColumns(c, limits);
  }
}
