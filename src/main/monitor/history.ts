import { readFile, rename } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import writeFileAtomic from 'write-file-atomic';
import { systemClock, type Clock } from '../../shared/clock';
import { removeStaleTempFiles } from '../settings/stale-temp-files';
import { unring } from './ring-copy';
import { HOUR_MS, HourBuckets, hourBucketsProblem, type HourBucketsJSON, type HourColumns } from './hour-buckets';

/**
 * Count history per series key (see series-key.ts): raw samples for the last
 * 24 h and one-minute buckets (min, max, mean, last, n) for 7 days.
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
 * Samples must arrive in time order per series; a sample not newer than the last
 * one is ignored (append returns false). Only real counts belong here: a failed
 * poll appends nothing, it is never a zero.
 */

export const MINUTE_MS = 60_000;
export { HOUR_MS };
export const DAY_MS = 24 * HOUR_MS;

export interface HistoryOptions {
  /** How long raw samples are kept. Default 24 h. */
  rawRetentionMs?: number;
  /** How long one-minute buckets are kept. Default 7 days. */
  bucketRetentionMs?: number;
  /** Hard cap of raw samples per series (oldest dropped first). Default 17 280 (24 h at one per 5 s). */
  maxRawSamples?: number;
  /** How long hourly buckets are kept (peaks, averages and the heatmap of Insights). Default 90 days; 0 keeps none. */
  hourRetentionMs?: number;
}

/** One real sample. */
export interface HistoryPoint {
  at: number;
  value: number;
}

/** One chart point: a raw sample (min = max = value) or the aggregate of a bin. */
export interface RangePoint {
  /** Time of the newest sample folded into this point. */
  t: number;
  /** Mean of the samples in the point. */
  value: number;
  min: number;
  max: number;
}

type Counts = Uint16Array | Uint32Array;

const MAX_U16 = 0xffff;
const MAX_U32 = 0xffffffff;
const INITIAL_CAPACITY = 64;
const FORMAT = 'pulsebar-history';
const FORMAT_VERSION = 1;

class Series {
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

  constructor(
    private readonly maxRaw: number,
    private readonly maxBuckets: number,
    maxHours: number,
    rawCapacity = Math.min(INITIAL_CAPACITY, maxRaw),
    bucketCapacity = Math.min(INITIAL_CAPACITY, maxBuckets),
  ) {
    this.hours = new HourBuckets(maxHours);
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
    const t = new Float64Array(capacity);
    const v = this.wide ? new Uint32Array(capacity) : new Uint16Array(capacity);
    for (let i = 0; i < this.rawLen; i++) {
      t[i] = this.rawTime(i);
      v[i] = this.rawValue(i);
    }
    this.rawT = t;
    this.rawV = v;
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
    const make = (): Counts => (this.wide ? new Uint32Array(capacity) : new Uint16Array(capacity));
    const min = make();
    const max = make();
    const last = make();
    const frac = new Uint8Array(capacity);
    const n = new Uint8Array(capacity);
    for (let i = 0; i < this.bLen; i++) {
      const p = this.bIdx(i);
      min[i] = this.bMin[p]!;
      max[i] = this.bMax[p]!;
      last[i] = this.bLast[p]!;
      frac[i] = this.bFrac[p]!;
      n[i] = this.bN[p]!;
    }
    this.bMin = min;
    this.bMax = max;
    this.bLast = last;
    this.bFrac = frac;
    this.bN = n;
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
}

export class History {
  readonly rawRetentionMs: number;
  readonly bucketRetentionMs: number;
  readonly maxRawSamples: number;
  readonly hourRetentionMs: number;
  private readonly maxBuckets: number;
  private readonly maxHours: number;
  private readonly series = new Map<string, Series>();
  /** Appends since the last takeChanges(), when a store asked for them (incremental saves). */
  private changes: HistoryChanges | null = null;

  constructor(options: HistoryOptions = {}) {
    this.rawRetentionMs = options.rawRetentionMs ?? DAY_MS;
    this.bucketRetentionMs = options.bucketRetentionMs ?? 7 * DAY_MS;
    this.maxRawSamples = options.maxRawSamples ?? 17_280;
    this.hourRetentionMs = options.hourRetentionMs ?? 90 * DAY_MS;
    if (!(this.rawRetentionMs > 0 && this.bucketRetentionMs >= MINUTE_MS && this.maxRawSamples >= 1 && (this.hourRetentionMs === 0 || this.hourRetentionMs >= HOUR_MS))) {
      throw new RangeError('invalid history options');
    }
    // Minutes a retention window can touch, counting the partial one at each end.
    this.maxBuckets = Math.ceil(this.bucketRetentionMs / MINUTE_MS) + 1;
    this.maxHours = this.hourRetentionMs === 0 ? 0 : Math.ceil(this.hourRetentionMs / HOUR_MS) + 1;
  }

  /**
   * Adds one real count. Returns false (and stores nothing) when the sample is
   * not newer than the series' last one, or is not a finite non-negative number.
   * Non-integers are rounded: these are user counts.
   */
  append(key: string, at: number, value: number): boolean {
    if (!Number.isFinite(at) || !Number.isFinite(value) || value < 0) return false;
    let s = this.series.get(key);
    if (s && at <= s.lastAt) return false;
    if (!s) {
      s = new Series(this.maxRawSamples, this.maxBuckets, this.maxHours);
      this.series.set(key, s);
    }
    const v = Math.min(MAX_U32, Math.round(value));
    if (v > MAX_U16) s.widen();
    s.lastAt = at;
    s.pushRaw(at, v);
    s.dropRawBefore(at - this.rawRetentionMs);
    s.addToBucket(Math.floor(at / MINUTE_MS), v);
    s.dropBucketsBefore(Math.floor((at - this.bucketRetentionMs) / MINUTE_MS));
    if (this.maxHours > 0) s.hours.add(Math.floor(at / HOUR_MS), v);
    if (this.changes) this.noteChange(key, at, v);
    s.hours.dropBefore(Math.floor((at - this.hourRetentionMs) / HOUR_MS));
    return true;
  }

  /** Appends every count of one poll cycle at the same time. */
  appendAll(at: number, counts: Readonly<Record<string, number>>): void {
    for (const [key, value] of Object.entries(counts)) this.append(key, at, value);
  }

  /**
   * Drops raw samples older than `now − rawRetention`, buckets that ended before
   * `now − bucketRetention`, and series left empty.
   */
  prune(now: number): void {
    const rawCutoff = now - this.rawRetentionMs;
    const bucketMinute = Math.floor((now - this.bucketRetentionMs) / MINUTE_MS);
    const hourCutoff = Math.floor((now - this.hourRetentionMs) / HOUR_MS);
    for (const [key, s] of this.series) {
      s.dropRawBefore(rawCutoff);
      s.dropBucketsBefore(bucketMinute);
      s.hours.dropBefore(hourCutoff);
      if (s.empty) this.series.delete(key);
    }
  }

  /**
   * The wall clock stepped back to `now`: samples dated after it are dropped so the series accept
   * new samples at once (append refuses anything not newer than the last sample) instead of
   * staying frozen until the clock catches up.
   */
  rewind(now: number): void {
    if (!Number.isFinite(now)) return;
    if (this.changes) this.changes.full = true;
    for (const [key, s] of this.series) {
      if (s.lastAt <= now) continue;
      s.truncateAfter(now);
      if (s.empty) this.series.delete(key);
    }
  }

  keys(): string[] {
    return [...this.series.keys()];
  }

  has(key: string): boolean {
    return this.series.has(key);
  }

  remove(key: string): void {
    if (this.changes && this.series.has(key)) this.changes.full = true;
    this.series.delete(key);
  }

  /** Newest sample of a series. */
  latest(key: string): HistoryPoint | undefined {
    const s = this.series.get(key);
    if (!s) return undefined;
    if (s.rawLen > 0) return { at: s.rawTime(s.rawLen - 1), value: s.rawValue(s.rawLen - 1) };
    if (s.bLen > 0) {
      const p = s.bIdx(s.bLen - 1);
      return { at: (s.firstMinute + s.bLen - 1) * MINUTE_MS, value: s.bLast[p]! };
    }
    return undefined;
  }

  /**
   * The count in force at `ms`: the newest raw sample at or before it, or, beyond
   * the raw retention, the last value of the newest bucket starting at or before it.
   */
  valueAt(key: string, ms: number): number | undefined {
    const s = this.series.get(key);
    if (!s) return undefined;
    const i = s.rawUpperBound(ms) - 1;
    if (i >= 0) return s.rawValue(i);
    const minute = Math.min(Math.floor(ms / MINUTE_MS), s.firstMinute + s.bLen - 1);
    for (let li = minute - s.firstMinute; li >= 0; li--) {
      const p = s.bIdx(li);
      if (s.bN[p]! > 0) return s.bLast[p]!;
    }
    return undefined;
  }

  /**
   * Raw samples at or after `sinceMs`, oldest first — what the alert rules look at.
   * Limited to the raw retention (24 h), far more than any rule window.
   */
  valuesSince(key: string, sinceMs: number): HistoryPoint[] {
    const s = this.series.get(key);
    if (!s) return [];
    const out: HistoryPoint[] = [];
    for (let i = s.rawLowerBound(sinceMs); i < s.rawLen; i++) out.push({ at: s.rawTime(i), value: s.rawValue(i) });
    return out;
  }

  /** Time of the oldest sample still kept. */
  oldestAt(key: string): number | undefined {
    const s = this.series.get(key);
    if (!s) return undefined;
    const firstRaw = s.rawLen > 0 ? s.rawTime(0) : Infinity;
    const firstHour = s.hours.empty ? Infinity : s.hours.first * HOUR_MS;
    if (firstHour + HOUR_MS <= s.fineStart()) return firstHour;
    if (s.bLen === 0) return Number.isFinite(firstRaw) ? firstRaw : undefined;
    // Every sample also went into a bucket; prefer the exact raw time when it is in the first minute.
    return Math.floor(firstRaw / MINUTE_MS) === s.firstMinute ? firstRaw : s.firstMinute * MINUTE_MS;
  }

  /**
   * Highest count over the kept history, counting only samples before `beforeMs`
   * (so the alert engine can ask "the high before this poll") and, when given, at or after `fromMs`
   * (a series restarted: see alert-rules restartSeries).
   */
  allTimeHigh(key: string, beforeMs = Infinity, fromMs = -Infinity): number | undefined {
    const s = this.series.get(key);
    if (!s) return undefined;
    let high = -1;
    const rawMax = (from: number, to: number): void => {
      const end = s.rawLowerBound(to);
      for (let i = s.rawLowerBound(from); i < end; i++) high = Math.max(high, s.rawValue(i));
    };
    // Buckets hold every sample; whole minutes in [fromMs, beforeMs) are safe to use as they are.
    const cutMinute = Number.isFinite(beforeMs) ? Math.floor(beforeMs / MINUTE_MS) : Infinity;
    const fromMinute = Number.isFinite(fromMs) ? Math.ceil(fromMs / MINUTE_MS) : -Infinity;
    if (fromMinute >= cutMinute) {
      rawMax(fromMs, beforeMs);
      return high < 0 ? undefined : high;
    }
    // Whole hours before the minute tier begins, inside [fromMs, beforeMs).
    const fine = s.fineStart();
    const hourFrom = Number.isFinite(fromMs) ? Math.ceil(fromMs / HOUR_MS) : -Infinity;
    const hourTo = Math.min(Math.floor(fine / HOUR_MS), Number.isFinite(beforeMs) ? Math.floor(beforeMs / HOUR_MS) : Infinity);
    for (const b of s.hours.between(hourFrom, hourTo)) if (b.max > high) high = b.max;
    for (let i = Math.max(0, fromMinute - s.firstMinute); i < s.bLen && s.firstMinute + i < cutMinute; i++) {
      const p = s.bIdx(i);
      if (s.bN[p]! > 0 && s.bMax[p]! > high) high = s.bMax[p]!;
    }
    // The partial minutes at either end, from raw samples.
    if (Number.isFinite(fromMinute)) rawMax(fromMs, fromMinute * MINUTE_MS);
    if (Number.isFinite(cutMinute)) rawMax(cutMinute * MINUTE_MS, beforeMs);
    return high < 0 ? undefined : high;
  }

  /**
   * Points for a chart of [fromMs, toMs], at most `maxPoints` of them. Raw samples
   * where they are kept, minute buckets before that; when there are more than
   * `maxPoints` sources they are folded into equal-width time bins keeping min,
   * max and the sample-weighted mean, so spikes stay visible on 24 h and 7 d charts.
   */
  range(key: string, fromMs: number, toMs: number, maxPoints: number): RangePoint[] {
    const s = this.series.get(key);
    if (!s || !(toMs >= fromMs) || !(maxPoints >= 1)) return [];
    const t: number[] = [];
    const mean: number[] = [];
    const mins: number[] = [];
    const maxs: number[] = [];
    const weight: number[] = [];

    const rawFrom = s.rawLen > 0 ? s.rawTime(0) : Infinity;
    // Hours wholly before the minute tier begins (older than 7 days), then minutes, then raw samples.
    const fine = s.fineStart();
    for (const b of s.hours.between(Math.floor(fromMs / HOUR_MS), Math.floor(Math.min(fine, toMs + 1) / HOUR_MS))) {
      const start = b.hour * HOUR_MS;
      if (start + HOUR_MS > fine || start > toMs) break;
      t.push(Math.max(start, fromMs));
      mean.push(b.sum / b.n);
      mins.push(b.min);
      maxs.push(b.max);
      weight.push(b.n);
    }
    // Buckets for whole minutes before the raw samples begin (the minute that holds
    // the first raw sample comes from raw, so nothing is counted twice).
    const firstLi = Math.max(0, Math.floor(fromMs / MINUTE_MS) - s.firstMinute);
    for (let li = firstLi; li < s.bLen; li++) {
      const start = (s.firstMinute + li) * MINUTE_MS;
      if (start > toMs || start + MINUTE_MS > rawFrom) break;
      const p = s.bIdx(li);
      if (s.bN[p]! === 0) continue;
      t.push(Math.max(start, fromMs));
      mean.push(s.bucketMean(p));
      mins.push(s.bMin[p]!);
      maxs.push(s.bMax[p]!);
      weight.push(s.bN[p]!);
    }
    const rawEnd = s.rawUpperBound(toMs);
    for (let i = s.rawLowerBound(fromMs); i < rawEnd; i++) {
      const v = s.rawValue(i);
      t.push(s.rawTime(i));
      mean.push(v);
      mins.push(v);
      maxs.push(v);
      weight.push(1);
    }

    const n = t.length;
    if (n <= maxPoints) {
      return t.map((at, i) => ({ t: at, value: mean[i]!, min: mins[i]!, max: maxs[i]! }));
    }
    const bins = Math.floor(maxPoints);
    const width = (toMs - fromMs) / bins || 1;
    const bt = new Float64Array(bins);
    const bsum = new Float64Array(bins);
    const bw = new Float64Array(bins);
    const bmin = new Float64Array(bins).fill(Infinity);
    const bmax = new Float64Array(bins).fill(-Infinity);
    for (let i = 0; i < n; i++) {
      const b = Math.min(bins - 1, Math.max(0, Math.floor((t[i]! - fromMs) / width)));
      bt[b] = t[i]!; // sources are in time order: the last one wins
      bsum[b] = bsum[b]! + mean[i]! * weight[i]!;
      bw[b] = bw[b]! + weight[i]!;
      if (mins[i]! < bmin[b]!) bmin[b] = mins[i]!;
      if (maxs[i]! > bmax[b]!) bmax[b] = maxs[i]!;
    }
    const out: RangePoint[] = [];
    for (let b = 0; b < bins; b++) {
      if (bw[b]! > 0) out.push({ t: bt[b]!, value: bsum[b]! / bw[b]!, min: bmin[b]!, max: bmax[b]! });
    }
    return out;
  }

  /** Bytes held in typed arrays (the bulk of the history's memory). */
  memoryBytes(): number {
    let total = 0;
    for (const s of this.series.values()) total += s.byteLength();
    return total;
  }

  /**
   * Starts recording appends for incremental saves (see history-store.ts). Rewinds and removals
   * cannot be replayed as appends: they mark the changes `full`, asking for a whole snapshot.
   */
  trackChanges(): void {
    this.changes ??= emptyChanges();
  }

  /** The appends since the last call (or since trackChanges), and starts a new batch. */
  takeChanges(): HistoryChanges {
    const taken = this.changes ?? { ...emptyChanges(), full: true };
    this.changes = emptyChanges();
    return taken;
  }

  private noteChange(key: string, at: number, value: number): void {
    const c = this.changes!;
    if (c.full) return;
    let i = c.keyIndex.get(key);
    if (i === undefined) {
      i = c.keys.length;
      c.keys.push(key);
      c.keyIndex.set(key, i);
    }
    c.series.push(i);
    c.at.push(at);
    c.value.push(value);
    // Nobody saved for a very long time: a whole snapshot is cheaper than this list.
    if (c.at.length > MAX_TRACKED_CHANGES) Object.assign(c, emptyChanges(), { full: true });
  }

  /** Every series as plain columns in time order: the binary codec's input. */
  toColumns(): SeriesColumns[] {
    return [...this.series.keys()].map((key) => this.columnsOf(key)!);
  }

  /** One series as plain columns (block copies out of the rings), or undefined when it is gone. */
  columnsOf(key: string): SeriesColumns | undefined {
    const s = this.series.get(key);
    if (!s) return undefined;
    const Counts = s.wide ? Uint32Array : Uint16Array;
    const rawT = unring(s.rawT, s.rawStart, s.rawLen, new Float64Array(s.rawLen));
    const rawV = unring(s.rawV, s.rawStart, s.rawLen, new Counts(s.rawLen));
    const bucket = <T extends Uint8Array | Uint16Array | Uint32Array>(ring: T, out: T): T => unring(ring, s.bStart, s.bLen, out);
    return {
      key,
      lastAt: s.lastAt,
      wide: s.wide,
      rawT,
      rawV,
      m0: s.firstMinute,
      bN: bucket(s.bN, new Uint8Array(s.bLen)),
      bFrac: bucket(s.bFrac, new Uint8Array(s.bLen)),
      bMin: bucket(s.bMin, new Counts(s.bLen)),
      bMax: bucket(s.bMax, new Counts(s.bLen)),
      bLast: bucket(s.bLast, new Counts(s.bLen)),
      hours: s.hours.toColumns(),
    };
  }

  /** Rebuilds a history from `toColumns()` output (already checked by the codec). */
  static fromColumns(columns: readonly SeriesColumns[], options: HistoryOptions = {}): History {
    const h = new History(options);
    for (const c of columns) {
      const skip = Math.max(0, c.rawT.length - h.maxRawSamples);
      const skipB = Math.max(0, c.bN.length - h.maxBuckets);
      const s = new Series(
        h.maxRawSamples,
        h.maxBuckets,
        h.maxHours,
        Math.min(h.maxRawSamples, Math.max(INITIAL_CAPACITY, c.rawT.length - skip)),
        Math.min(h.maxBuckets, Math.max(INITIAL_CAPACITY, c.bN.length - skipB)),
      );
      if (c.wide) s.widen();
      for (let i = skip; i < c.rawT.length; i++) s.pushRaw(c.rawT[i]!, c.rawV[i]!);
      s.firstMinute = c.m0 + skipB;
      for (let i = skipB; i < c.bN.length; i++) {
        const p = i - skipB;
        s.bN[p] = c.bN[i]!;
        s.bFrac[p] = c.bFrac[i]!;
        s.bMin[p] = c.bMin[i]!;
        s.bMax[p] = c.bMax[i]!;
        s.bLast[p] = c.bLast[i]!;
      }
      s.bLen = c.bN.length - skipB;
      if (s.bLen > 0) {
        const p = s.bIdx(s.bLen - 1);
        s.curMinute = s.firstMinute + s.bLen - 1;
        s.curN = s.bN[p]!;
        s.curSum = s.bucketMean(p) * s.curN;
      }
      if (h.maxHours > 0) s.hours = HourBuckets.fromColumns(c.hours, h.maxHours);
      s.lastAt = c.lastAt;
      if (!s.empty) h.series.set(c.key, s);
    }
    return h;
  }

  /** Compact, versioned, JSON-safe snapshot. Times are delta-encoded. */
  serialize(): HistoryJSON {
    const series: Record<string, SeriesJSON> = {};
    for (const [key, s] of this.series) {
      const rt: number[] = [];
      const rv: number[] = [];
      let prev = 0;
      for (let i = 0; i < s.rawLen; i++) {
        const at = s.rawTime(i);
        rt.push(i === 0 ? at : at - prev);
        rv.push(s.rawValue(i));
        prev = at;
      }
      const b: SeriesJSON['b'] = { m0: s.firstMinute, n: [], min: [], max: [], last: [], frac: [] };
      for (let i = 0; i < s.bLen; i++) {
        const p = s.bIdx(i);
        const n = s.bN[p]!;
        b.n.push(n);
        // Empty minutes are zeros: long gaps compress to almost nothing.
        b.min.push(n ? s.bMin[p]! : 0);
        b.max.push(n ? s.bMax[p]! : 0);
        b.last.push(n ? s.bLast[p]! : 0);
        b.frac.push(n ? s.bFrac[p]! : 0);
      }
      series[key] = { lastAt: s.lastAt, rt, rv, b, h: s.hours.toJSON() };
    }
    return {
      format: FORMAT,
      version: FORMAT_VERSION,
      rawRetentionMs: this.rawRetentionMs,
      bucketRetentionMs: this.bucketRetentionMs,
      series,
    };
  }

  /** Rebuilds a history from `serialize()` output. Throws HistoryFormatError on anything malformed. */
  static fromJSON(data: unknown, options: HistoryOptions = {}): History {
    if (!isRecord(data) || data.format !== FORMAT) throw new HistoryFormatError('not a Pulsebar history');
    if (data.version !== FORMAT_VERSION) throw new HistoryFormatError(`unsupported history version ${String(data.version)}`);
    if (!isRecord(data.series)) throw new HistoryFormatError('history has no series');
    // Retention comes from the running configuration, not the file: the file only holds data.
    const h = new History(options);
    for (const [key, raw] of Object.entries(data.series)) h.series.set(key, h.seriesFromJSON(key, raw));
    return h;
  }

  private seriesFromJSON(key: string, raw: unknown): Series {
    const bad = (why: string): never => {
      throw new HistoryFormatError(`series ${JSON.stringify(key)}: ${why}`);
    };
    if (!isRecord(raw) || !isRecord(raw.b)) return bad('malformed');
    const { rt, rv, b } = raw as { rt: unknown; rv: unknown; b: Record<string, unknown> };
    const lastAt = raw.lastAt;
    if (typeof lastAt !== 'number' || Number.isNaN(lastAt)) return bad('lastAt');
    const times = numberArray(rt) ?? bad('raw times');
    const values = countArray(rv) ?? bad('raw values');
    const n = countArray(b.n) ?? bad('bucket n');
    const min = countArray(b.min) ?? bad('bucket min');
    const max = countArray(b.max) ?? bad('bucket max');
    const last = countArray(b.last) ?? bad('bucket last');
    const frac = countArray(b.frac) ?? bad('bucket frac');
    const m0 = b.m0;
    if (typeof m0 !== 'number' || !Number.isInteger(m0)) return bad('bucket start');
    if (times.length !== values.length) return bad('raw lengths differ');
    if (![min, max, last, frac].every((a) => a.length === n.length)) return bad('bucket lengths differ');
    if (n.some((x) => x > 255) || frac.some((x) => x > 255)) return bad('bucket n/frac out of range');

    // Keep the newest samples and buckets if this history is configured smaller than the file.
    const skip = Math.max(0, times.length - this.maxRawSamples);
    const skipB = Math.max(0, n.length - this.maxBuckets);
    const s = new Series(
      this.maxRawSamples,
      this.maxBuckets,
      this.maxHours,
      Math.min(this.maxRawSamples, Math.max(INITIAL_CAPACITY, times.length - skip)),
      Math.min(this.maxBuckets, Math.max(INITIAL_CAPACITY, n.length - skipB)),
    );
    if ([...values, ...min, ...max, ...last].some((v) => v > MAX_U16)) s.widen();
    let at = 0;
    let prev = -Infinity;
    for (let i = 0; i < times.length; i++) {
      at = i === 0 ? times[0]! : at + times[i]!;
      if (!(at > prev)) return bad('raw samples out of order');
      prev = at;
      if (i >= skip) s.pushRaw(at, values[i]!);
    }
    s.firstMinute = m0 + skipB;
    for (let i = skipB; i < n.length; i++) {
      s.bN[i - skipB] = n[i]!;
      s.bMin[i - skipB] = min[i]!;
      s.bMax[i - skipB] = max[i]!;
      s.bLast[i - skipB] = last[i]!;
      s.bFrac[i - skipB] = frac[i]!;
    }
    s.bLen = n.length - skipB;
    if (s.bLen > 0) {
      const p = s.bIdx(s.bLen - 1);
      s.curMinute = s.firstMinute + s.bLen - 1;
      s.curN = s.bN[p]!;
      s.curSum = s.bucketMean(p) * s.curN;
    }
    if (this.maxHours === 0) {
      // no hour tier configured
    } else if (raw.h === undefined) {
      // A file from before the hour tier: start it from the minute buckets it has (7 days).
      for (let i = 0; i < s.bLen; i++) {
        const p = s.bIdx(i);
        const n = s.bN[p]!;
        if (n > 0) s.hours.add(Math.floor(((s.firstMinute + i) * MINUTE_MS) / HOUR_MS), s.bucketMean(p), n, s.bMin[p]!, s.bMax[p]!);
      }
    } else {
      const problem = hourBucketsProblem(raw.h);
      if (problem) return bad(problem);
      s.hours = HourBuckets.fromJSON(raw.h as HourBucketsJSON, this.maxHours);
    }
    s.lastAt = Math.max(lastAt, prev);
    return s;
  }
}

export interface SeriesJSON {
  lastAt: number;
  /** Raw times: the first absolute, then differences. */
  rt: number[];
  rv: number[];
  /** Buckets from minute m0 (epoch minutes), one entry per minute. */
  b: { m0: number; n: number[]; min: number[]; max: number[]; last: number[]; frac: number[] };
  /** Hourly buckets (90 days); absent in files written before they existed. */
  h?: HourBucketsJSON;
}

export interface HistoryJSON {
  format: typeof FORMAT;
  version: typeof FORMAT_VERSION;
  rawRetentionMs: number;
  bucketRetentionMs: number;
  series: Record<string, SeriesJSON>;
}

/** Appends recorded for an incremental save: parallel arrays, keys by index. */
export interface HistoryChanges {
  /** A rewind or removal happened, or too much piled up: only a whole snapshot is right. */
  full: boolean;
  keys: string[];
  keyIndex: Map<string, number>;
  series: number[];
  at: number[];
  value: number[];
}

/** Past this many pending appends (≈ a day of 154 series at 30 s), the next save is a whole snapshot. */
const MAX_TRACKED_CHANGES = 500_000;

function emptyChanges(): HistoryChanges {
  return { full: false, keys: [], keyIndex: new Map(), series: [], at: [], value: [] };
}

/** One series as plain columns, oldest first (see History.toColumns). */
export interface SeriesColumns {
  key: string;
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

export class HistoryFormatError extends Error {
  override name = 'HistoryFormatError';
}

/* ---------------- persistence (the only I/O in the monitor core) ---------------- */

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** Writes the history gzipped, atomically (temp file + rename), so a crash mid-write never leaves half a file. */
export async function saveHistory(path: string, history: History): Promise<void> {
  const body = await gzipAsync(Buffer.from(JSON.stringify(history.serialize()), 'utf8'));
  await writeFileAtomic(path, body, { mode: 0o600 });
}

export interface LoadedHistory {
  history: History;
  /** Set when the file could not be used: one sentence for the log or the UI. */
  notice?: string;
  /** Where an unreadable file was moved, so nothing is lost for good. */
  setAsidePath?: string;
}

/**
 * Reads a history saved by `saveHistory`. A missing file gives an empty history;
 * an unreadable one is renamed to `<path>.corrupt-<time>` and an empty history
 * is returned with a notice — never a throw, the app must start anyway.
 */
export async function loadHistory(
  path: string,
  options: { clock?: Clock; history?: HistoryOptions; readOnly?: boolean } = {},
): Promise<LoadedHistory> {
  const clock = options.clock ?? systemClock;
  // Temp files of a save a crash interrupted (history.json.<n>) would stay forever otherwise.
  if (!options.readOnly) await removeStaleTempFiles(dirname(path), basename(path), Date.now());
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { history: new History(options.history) };
    return { history: new History(options.history), notice: `History could not be read (${describeError(err)}); starting empty.` };
  }
  try {
    // Accept plain JSON too (hand-edited or older files); gzip starts with 1f 8b.
    const text = bytes[0] === 0x1f && bytes[1] === 0x8b ? (await gunzipAsync(bytes)).toString('utf8') : bytes.toString('utf8');
    const data: unknown = JSON.parse(text);
    if (isRecord(data) && data.format === FORMAT && typeof data.version === 'number' && data.version > FORMAT_VERSION) {
      if (options.readOnly) return { history: new History(options.history), notice: `History was written by a newer version of Pulsebar (format ${data.version}).` };
      return await setAsideNewer(path, data.version, clock, options.history);
    }
    const history = History.fromJSON(data, options.history);
    history.prune(clock.now());
    return { history };
  } catch (err) {
    if (options.readOnly) return { history: new History(options.history), notice: `History could not be read (${describeError(err)}).` };
    const setAsidePath = `${path}.corrupt-${clock.now()}`;
    let moved = true;
    try {
      await rename(path, setAsidePath);
    } catch {
      moved = false;
    }
    return {
      history: new History(options.history),
      notice: moved
        ? `History file was unreadable (${describeError(err)}); it was set aside as ${setAsidePath} and history starts empty.`
        : `History file was unreadable (${describeError(err)}) and could not be set aside; history starts empty.`,
      ...(moved ? { setAsidePath } : {}),
    };
  }
}

/**
 * History from a newer Pulsebar: kept aside intact and named as such (not "unreadable"); history
 * starts empty here. The file name stays `<path>.corrupt-<time>` like any set-aside history.
 */
async function setAsideNewer(path: string, version: number, clock: Clock, history?: HistoryOptions): Promise<LoadedHistory> {
  const setAsidePath = `${path}.corrupt-${clock.now()}`;
  const moved = await rename(path, setAsidePath).then(
    () => true,
    () => false,
  );
  return {
    history: new History(history),
    notice:
      `History was written by a newer version of Pulsebar (format ${version}); ` +
      `${moved ? `it was set aside as ${setAsidePath} and` : 'it could not be set aside and'} history starts empty here. Update Pulsebar to see it again.`,
    ...(moved ? { setAsidePath } : {}),
  };
}

export function describeError(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function numberArray(x: unknown): number[] | undefined {
  return Array.isArray(x) && x.every((v) => typeof v === 'number' && Number.isFinite(v)) ? (x as number[]) : undefined;
}

function countArray(x: unknown): number[] | undefined {
  return Array.isArray(x) && x.every((v) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_U32)
    ? (x as number[])
    : undefined;
}
