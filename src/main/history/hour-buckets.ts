import { unring } from './ring-copy';

/**
 * The long tier of a series' history: one bucket per hour (sum, sample count, min, max) kept for
 * 90 days beyond the minute buckets' 7, so peaks, averages and the weekly heatmap reach back three
 * months at ~20 bytes an hour (≈ 43 kB per series) instead of 166 MB of minutes for 154 series.
 */

export const HOUR_MS = 3_600_000;
const INITIAL_CAPACITY = 32;

export interface HourBucket {
  /** Epoch hour (ms / 3 600 000). */
  hour: number;
  n: number;
  sum: number;
  min: number;
  max: number;
}

export class HourBuckets {
  first = 0;
  len = 0;
  private start = 0;
  private sum: Float64Array;
  private n: Uint32Array;
  private min: Uint32Array;
  private max: Uint32Array;

  constructor(private readonly maxHours: number, capacity = Math.min(INITIAL_CAPACITY, maxHours)) {
    this.sum = new Float64Array(capacity);
    this.n = new Uint32Array(capacity);
    this.min = new Uint32Array(capacity);
    this.max = new Uint32Array(capacity);
  }

  private idx(i: number): number {
    return (this.start + i) % this.n.length;
  }

  get empty(): boolean {
    return this.len === 0;
  }

  /** Adds one sample at epoch hour `hour`; older hours than the newest are ignored (append order). */
  add(hour: number, v: number, count = 1, lo = v, hi = v): void {
    if (this.maxHours === 0) return;
    if (this.len > 0 && hour < this.first + this.len - 1) return;
    if (this.len === 0) this.first = hour;
    const needed = hour - this.first + 1;
    if (needed > this.maxHours) this.drop(needed - this.maxHours);
    if (this.len === 0) this.first = hour;
    const newLen = hour - this.first + 1;
    if (newLen > this.n.length) this.grow(Math.min(this.maxHours, Math.max(this.n.length * 2, newLen)));
    for (let i = this.len; i < newLen; i++) {
      const p = this.idx(i);
      this.n[p] = 0;
      this.sum[p] = 0;
    }
    this.len = newLen;
    const p = this.idx(newLen - 1);
    if (this.n[p] === 0) {
      this.min[p] = lo;
      this.max[p] = hi;
    } else {
      if (lo < this.min[p]!) this.min[p] = lo;
      if (hi > this.max[p]!) this.max[p] = hi;
    }
    this.n[p] = this.n[p]! + count;
    this.sum[p] = this.sum[p]! + v * count;
  }

  private grow(capacity: number): void {
    const copy = <T extends Float64Array | Uint32Array>(ring: T, out: T): T => unring(ring, this.start, this.len, out);
    this.sum = copy(this.sum, new Float64Array(capacity));
    this.n = copy(this.n, new Uint32Array(capacity));
    this.min = copy(this.min, new Uint32Array(capacity));
    this.max = copy(this.max, new Uint32Array(capacity));
    this.start = 0;
  }

  private drop(k: number): void {
    k = Math.min(k, this.len);
    this.start = (this.start + k) % this.n.length;
    this.len -= k;
    this.first += k;
    // The first slot is always a real bucket.
    while (this.len > 0 && this.n[this.start] === 0) {
      this.start = (this.start + 1) % this.n.length;
      this.len--;
      this.first++;
    }
  }

  dropBefore(hour: number): void {
    if (this.len > 0 && hour > this.first) this.drop(hour - this.first);
  }

  /** Forgets hours after `hour` and empties `hour` itself, to be refilled by the caller (clock stepped back). */
  truncateFrom(hour: number): void {
    if (this.len === 0 || this.first + this.len - 1 < hour) return;
    this.len = Math.max(0, hour - this.first);
    while (this.len > 0 && this.n[this.idx(this.len - 1)] === 0) this.len--;
  }

  /** Samples in hour `hour` (0 when it is not kept). */
  count(hour: number): number {
    const i = hour - this.first;
    return i >= 0 && i < this.len ? this.n[this.idx(i)]! : 0;
  }

  /** Real buckets (n > 0) with `from ≤ hour < to`, oldest first. */
  *between(fromHour: number, toHour: number): Generator<HourBucket> {
    for (let i = Math.max(0, fromHour - this.first); i < this.len && this.first + i < toHour; i++) {
      const p = this.idx(i);
      if (this.n[p]! > 0) yield { hour: this.first + i, n: this.n[p]!, sum: this.sum[p]!, min: this.min[p]!, max: this.max[p]! };
    }
  }

  byteLength(): number {
    return this.sum.byteLength + this.n.byteLength + this.min.byteLength + this.max.byteLength;
  }

  toColumns(): HourColumns {
    const copy = <T extends Float64Array | Uint32Array>(ring: T, out: T): T => unring(ring, this.start, this.len, out);
    return {
      h0: this.first,
      n: copy(this.n, new Uint32Array(this.len)),
      sum: copy(this.sum, new Float64Array(this.len)),
      min: copy(this.min, new Uint32Array(this.len)),
      max: copy(this.max, new Uint32Array(this.len)),
    };
  }

  static fromColumns(c: HourColumns, maxHours: number): HourBuckets {
    const skip = Math.max(0, c.n.length - maxHours);
    const h = new HourBuckets(maxHours, Math.min(maxHours, Math.max(INITIAL_CAPACITY, c.n.length - skip)));
    for (let i = skip; i < c.n.length; i++) {
      if (c.n[i]! > 0) h.add(c.h0 + i, c.sum[i]! / c.n[i]!, c.n[i]!, c.min[i]!, c.max[i]!);
    }
    return h;
  }
}

/** The hour tier as typed columns, oldest first (the binary codec's form). */
export interface HourColumns {
  h0: number;
  n: Uint32Array;
  sum: Float64Array;
  min: Uint32Array;
  max: Uint32Array;
}

export interface HourBucketsJSON {
  /** Epoch hour of the first entry; one entry per hour after it. */
  h0: number;
  n: number[];
  sum: number[];
  min: number[];
  max: number[];
}

/** Checks a parsed `h` block; returns a reason when it is unusable. */
export function hourBucketsProblem(x: unknown): string | undefined {
  if (typeof x !== 'object' || x === null) return 'hour buckets malformed';
  const h = x as Record<string, unknown>;
  if (typeof h['h0'] !== 'number' || !Number.isInteger(h['h0'])) return 'hour bucket start';
  const arrays = ['n', 'sum', 'min', 'max'].map((k) => h[k]);
  if (!arrays.every((a) => Array.isArray(a) && a.every((v) => typeof v === 'number' && Number.isFinite(v) && v >= 0))) return 'hour bucket values';
  const lengths = new Set(arrays.map((a) => (a as unknown[]).length));
  return lengths.size === 1 ? undefined : 'hour bucket lengths differ';
}
