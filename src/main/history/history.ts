import type { RangePoint } from './downsample';
import { HOUR_MS } from './hour-buckets';
import { MAX_U32, MINUTE_MS, Series, type SeriesColumns, type SeriesLimits, type SeriesRetention } from './series';
import * as query from './series-queries';
import type { HistoryPoint, PeakSource } from './series-queries';

/**
 * Count history of every series (see series-key.ts), held in memory while the app runs:
 * raw samples for the last 24 h, one-minute buckets for 7 days and hourly buckets for 90
 * (storage in series.ts, reads in series-queries.ts, files in history-store.ts).
 *
 * Samples must arrive in time order per series; a sample not newer than the last
 * one is ignored (append returns false). Only real counts belong here: a failed
 * poll appends nothing, it is never a zero.
 */

export { HOUR_MS, MINUTE_MS };
export type { HistoryPoint, PeakSource, RangePoint };
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

/** One series as plain columns with its key: what the codecs write and read. */
export interface KeyedColumns extends SeriesColumns {
  key: string;
  /** The columns predate the hour tier (a JSON file from before it): start it from the minute buckets. */
  hoursFromMinutes?: boolean;
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

export class HistoryFormatError extends Error {
  override name = 'HistoryFormatError';
}

export class History {
  readonly rawRetentionMs: number;
  readonly bucketRetentionMs: number;
  readonly maxRawSamples: number;
  readonly hourRetentionMs: number;
  private readonly limits: SeriesLimits;
  private readonly retention: SeriesRetention;
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
    this.limits = {
      maxRaw: this.maxRawSamples,
      // Minutes a retention window can touch, counting the partial one at each end.
      maxBuckets: Math.ceil(this.bucketRetentionMs / MINUTE_MS) + 1,
      maxHours: this.hourRetentionMs === 0 ? 0 : Math.ceil(this.hourRetentionMs / HOUR_MS) + 1,
    };
    this.retention = { rawMs: this.rawRetentionMs, bucketMs: this.bucketRetentionMs, hourMs: this.hourRetentionMs };
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
      s = new Series(this.limits);
      this.series.set(key, s);
    }
    const v = Math.min(MAX_U32, Math.round(value));
    s.append(at, v, this.retention);
    if (this.changes) this.noteChange(key, at, v);
    return true;
  }

  /**
   * Drops raw samples older than `now − rawRetention`, buckets that ended before
   * `now − bucketRetention`, and series left empty.
   */
  prune(now: number): void {
    for (const [key, s] of this.series) {
      s.prune(now, this.retention);
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

  /**
   * `key` now holds what `from` held (a copy of its buckets and samples), or nothing when `from`
   * has none. Not an append: the next save is a whole snapshot.
   */
  replaceWith(key: string, from: string): void {
    if (this.changes) this.changes.full = true;
    const columns = this.columnsOf(from);
    this.series.delete(key);
    if (columns) this.series.set(key, Series.fromColumns(columns, this.limits));
  }

  /** Newest sample of a series. */
  latest(key: string): HistoryPoint | undefined {
    const s = this.series.get(key);
    return s && query.latest(s);
  }

  /** The count in force at `ms` (see series-queries valueAt). */
  valueAt(key: string, ms: number): number | undefined {
    const s = this.series.get(key);
    return s && query.valueAt(s, ms);
  }

  /** Raw samples at or after `sinceMs`, oldest first — what the alert rules look at. */
  valuesSince(key: string, sinceMs: number): HistoryPoint[] {
    const s = this.series.get(key);
    return s ? query.valuesSince(s, sinceMs) : [];
  }

  /** Time of the oldest sample still kept. */
  oldestAt(key: string): number | undefined {
    const s = this.series.get(key);
    return s && query.oldestAt(s);
  }

  /** Highest count in [fromMs, beforeMs) over the kept history (see series-queries allTimeHigh). */
  allTimeHigh(key: string, beforeMs = Infinity, fromMs = -Infinity): number | undefined {
    const s = this.series.get(key);
    return s && query.allTimeHigh(s, beforeMs, fromMs);
  }

  /** Points for a chart of [fromMs, toMs], at most `maxPoints` of them (see series-queries range). */
  range(key: string, fromMs: number, toMs: number, maxPoints: number): RangePoint[] {
    const s = this.series.get(key);
    return s ? query.range(s, fromMs, toMs, maxPoints) : [];
  }

  /** Every sample or bucket of [fromMs, toMs] with its highest count and how exactly its time is known (Insights' peaks). */
  peakSources(key: string, fromMs: number, toMs: number): PeakSource[] {
    const s = this.series.get(key);
    return s ? query.peakSources(s, fromMs, toMs) : [];
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

  /** Every series as plain columns in time order: the codecs' input. */
  toColumns(): KeyedColumns[] {
    return [...this.series.keys()].map((key) => this.columnsOf(key)!);
  }

  /** One series as plain columns (block copies out of the rings), or undefined when it is gone. */
  columnsOf(key: string): KeyedColumns | undefined {
    const s = this.series.get(key);
    return s && { key, ...s.toColumns() };
  }

  /** Rebuilds a history from columns (already checked by a codec). */
  static fromColumns(columns: readonly KeyedColumns[], options: HistoryOptions = {}): History {
    const h = new History(options);
    for (const c of columns) {
      const s = Series.fromColumns(c, h.limits);
      if (c.hoursFromMinutes && h.limits.maxHours > 0) s.hoursFromMinutes();
      if (!s.empty) h.series.set(c.key, s);
    }
    return h;
  }
}
