import { History, HistoryFormatError, type HistoryOptions, type KeyedColumns } from './history';
import { hourBucketsProblem, type HourBucketsJSON, type HourColumns } from './hour-buckets';
import { MAX_U16, MAX_U32 } from './series';

/**
 * The history's JSON form (history.json of earlier versions, still read once and replaced by
 * history-store.ts): compact, versioned, times delta-encoded. It goes through the same plain
 * columns as the binary codec (history-codec.ts), so the series' rings stay private to series.ts.
 */

export const HISTORY_JSON_FORMAT = 'pulsebar-history';
export const HISTORY_JSON_VERSION = 1;

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
  format: typeof HISTORY_JSON_FORMAT;
  version: typeof HISTORY_JSON_VERSION;
  rawRetentionMs: number;
  bucketRetentionMs: number;
  series: Record<string, SeriesJSON>;
}

/** Compact, versioned, JSON-safe snapshot of a history. */
export function historyToJSON(history: History): HistoryJSON {
  const series: Record<string, SeriesJSON> = {};
  for (const c of history.toColumns()) {
    const rawLength = c.rawT.length;
    const rt = new Array<number>(rawLength);
    const rv = new Array<number>(rawLength);
    let prev = 0;
    for (let i = 0; i < rawLength; i++) {
      const at = c.rawT[i]!;
      rt[i] = i === 0 ? at : at - prev;
      rv[i] = c.rawV[i]!;
      prev = at;
    }
    series[c.key] = {
      lastAt: c.lastAt,
      rt,
      rv,
      b: { m0: c.m0, n: plain(c.bN), min: filled(c.bMin, c.bN), max: filled(c.bMax, c.bN), last: filled(c.bLast, c.bN), frac: filled(c.bFrac, c.bN) },
      h: { h0: c.hours.h0, n: plain(c.hours.n), sum: filled(c.hours.sum, c.hours.n), min: filled(c.hours.min, c.hours.n), max: filled(c.hours.max, c.hours.n) },
    };
  }
  return {
    format: HISTORY_JSON_FORMAT,
    version: HISTORY_JSON_VERSION,
    rawRetentionMs: history.rawRetentionMs,
    bucketRetentionMs: history.bucketRetentionMs,
    series,
  };
}

function plain(column: ArrayLike<number>): number[] {
  const out = new Array<number>(column.length);
  for (let i = 0; i < column.length; i++) out[i] = column[i]!;
  return out;
}

/** The column with empty slots (n = 0) as zeros: a ring may hold stale values there, and long gaps compress to almost nothing. */
function filled(column: ArrayLike<number>, n: ArrayLike<number>): number[] {
  const out = new Array<number>(column.length);
  for (let i = 0; i < column.length; i++) out[i] = n[i] ? column[i]! : 0;
  return out;
}

/** Rebuilds a history from `historyToJSON()` output. Throws HistoryFormatError on anything malformed. */
export function historyFromJSON(data: unknown, options: HistoryOptions = {}): History {
  if (!isRecord(data) || data.format !== HISTORY_JSON_FORMAT) throw new HistoryFormatError('not a Pulsebar history');
  if (data.version !== HISTORY_JSON_VERSION) throw new HistoryFormatError(`unsupported history version ${String(data.version)}`);
  if (!isRecord(data.series)) throw new HistoryFormatError('history has no series');
  // Retention comes from the running configuration, not the file: the file only holds data.
  return History.fromColumns(
    Object.entries(data.series).map(([key, raw]) => seriesFromJSON(key, raw)),
    options,
  );
}

function seriesFromJSON(key: string, raw: unknown): KeyedColumns {
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

  const rawT = new Float64Array(times.length);
  let at = 0;
  let prev = -Infinity;
  for (let i = 0; i < times.length; i++) {
    at = i === 0 ? times[0]! : at + times[i]!;
    if (!(at > prev)) return bad('raw samples out of order');
    prev = at;
    rawT[i] = at;
  }
  const wide = [values, min, max, last].some((a) => a.some((v) => v > MAX_U16));
  const Counts = wide ? Uint32Array : Uint16Array;
  let hours: HourColumns = { h0: 0, n: new Uint32Array(0), sum: new Float64Array(0), min: new Uint32Array(0), max: new Uint32Array(0) };
  if (raw.h !== undefined) {
    const problem = hourBucketsProblem(raw.h);
    if (problem) return bad(problem);
    const h = raw.h as HourBucketsJSON;
    hours = { h0: h.h0, n: Uint32Array.from(h.n), sum: Float64Array.from(h.sum), min: Uint32Array.from(h.min), max: Uint32Array.from(h.max) };
  }
  return {
    key,
    lastAt: Math.max(lastAt, prev),
    wide,
    rawT,
    rawV: Counts.from(values),
    m0,
    bN: Uint8Array.from(n),
    bFrac: Uint8Array.from(frac),
    bMin: Counts.from(min),
    bMax: Counts.from(max),
    bLast: Counts.from(last),
    hours,
    // A file from before the hour tier: start it from the minute buckets it has (7 days).
    hoursFromMinutes: raw.h === undefined,
  };
}

export function isRecord(x: unknown): x is Record<string, unknown> {
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
