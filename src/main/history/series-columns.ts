import { HourBuckets } from './hour-buckets';
import { unring } from './ring-copy';
import { INITIAL_CAPACITY, Series, type SeriesColumns, type SeriesLimits } from './series';

/* A series to and from plain columns: what the binary codec and the old JSON form store. */

/** The series as plain columns (block copies out of the rings). */
export function seriesToColumns(s: Series): SeriesColumns {
  const Counts = s.wide ? Uint32Array : Uint16Array;
  const bucket = <T extends Uint8Array | Uint16Array | Uint32Array>(ring: T, out: T): T => unring(ring, s.bStart, s.bLen, out);
  return {
    lastAt: s.lastAt,
    wide: s.wide,
    rawT: unring(s.rawT, s.rawStart, s.rawLen, new Float64Array(s.rawLen)),
    rawV: unring(s.rawV, s.rawStart, s.rawLen, new Counts(s.rawLen)),
    m0: s.firstMinute,
    bN: bucket(s.bN, new Uint8Array(s.bLen)),
    bFrac: bucket(s.bFrac, new Uint8Array(s.bLen)),
    bMin: bucket(s.bMin, new Counts(s.bLen)),
    bMax: bucket(s.bMax, new Counts(s.bLen)),
    bLast: bucket(s.bLast, new Counts(s.bLen)),
    hours: s.hours.toColumns(),
  };
}

/**
 * Rebuilds a series from columns (already checked by a codec), keeping the newest samples and
 * buckets when these limits are smaller than what the columns hold.
 */
export function seriesFromColumns(c: SeriesColumns, limits: SeriesLimits): Series {
  const skip = Math.max(0, c.rawT.length - limits.maxRaw);
  const skipB = Math.max(0, c.bN.length - limits.maxBuckets);
  const s = new Series(
    limits,
    Math.min(limits.maxRaw, Math.max(INITIAL_CAPACITY, c.rawT.length - skip)),
    Math.min(limits.maxBuckets, Math.max(INITIAL_CAPACITY, c.bN.length - skipB)),
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
  if (limits.maxHours > 0) s.hours = HourBuckets.fromColumns(c.hours, limits.maxHours);
  s.lastAt = c.lastAt;
  return s;
}
