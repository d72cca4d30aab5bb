import { downsample, type RangePoint, type RangeSources } from './downsample';
import { HOUR_MS } from './hour-buckets';
import { MINUTE_MS, type Series } from './series';

/** Reads of one series (series.ts): what the alert rules, charts and Insights ask of it. */

/** One real sample. */
export interface HistoryPoint {
  at: number;
  value: number;
}

/** Newest sample of a series. */
export function latest(s: Series): HistoryPoint | undefined {
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
export function valueAt(s: Series, ms: number): number | undefined {
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
export function valuesSince(s: Series, sinceMs: number): HistoryPoint[] {
  const out: HistoryPoint[] = [];
  for (let i = s.rawLowerBound(sinceMs); i < s.rawLen; i++) out.push({ at: s.rawTime(i), value: s.rawValue(i) });
  return out;
}

/** Time of the oldest sample still kept. */
export function oldestAt(s: Series): number | undefined {
  const firstRaw = s.rawLen > 0 ? s.rawTime(0) : Infinity;
  const firstHour = s.hours.empty ? Infinity : s.hours.first * HOUR_MS;
  if (s.hours.first < s.hourTierEnd()) return firstHour;
  if (s.bLen === 0) return Number.isFinite(firstRaw) ? firstRaw : undefined;
  // Every sample also went into a bucket; prefer the exact raw time when it is in the first minute.
  return Math.floor(firstRaw / MINUTE_MS) === s.firstMinute ? firstRaw : s.firstMinute * MINUTE_MS;
}

/**
 * Highest count over the kept history, counting only samples before `beforeMs`
 * (so the alert engine can ask "the high before this poll") and, when given, at or after `fromMs`
 * (a series restarted: see alert-rules restartSeries).
 */
export function allTimeHigh(s: Series, beforeMs = Infinity, fromMs = -Infinity): number | undefined {
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
  // Whole hours of the hour tier (series.ts hourTierEnd) inside [fromMs, beforeMs); minutes after them.
  const hourFrom = Number.isFinite(fromMs) ? Math.ceil(fromMs / HOUR_MS) : -Infinity;
  const hourTo = Math.min(s.hourTierEnd(), Number.isFinite(beforeMs) ? Math.floor(beforeMs / HOUR_MS) : Infinity);
  for (const b of s.hours.between(hourFrom, hourTo)) if (b.max > high) high = b.max;
  const minuteFrom = hourTo > hourFrom ? Math.max(fromMinute, hourTo * 60) : fromMinute;
  for (let i = Math.max(0, minuteFrom - s.firstMinute); i < s.bLen && s.firstMinute + i < cutMinute; i++) {
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
export function range(s: Series, fromMs: number, toMs: number, maxPoints: number): RangePoint[] {
  if (!(toMs >= fromMs) || !(maxPoints >= 1)) return [];
  return downsample(sources(s, fromMs, toMs), fromMs, toMs, maxPoints);
}

/** Where a count was highest, as the tiers still hold it (Insights' peaks). */
export interface PeakSource {
  /** A raw sample's time, a minute bucket's start, or (`hour`) an hour bucket's start. */
  t: number;
  max: number;
  /** Only an hour bucket holds it: the time is known to the hour. */
  hour: boolean;
}

/** Every sample or bucket of [fromMs, toMs] with its highest count, unfolded (see range). */
export function peakSources(s: Series, fromMs: number, toMs: number): PeakSource[] {
  if (!(toMs >= fromMs)) return [];
  const src = sources(s, fromMs, toMs);
  return src.t.map((t, i) => (i < src.hours ? { t: Math.floor(t / HOUR_MS) * HOUR_MS, max: src.maxs[i]!, hour: true } : { t, max: src.maxs[i]!, hour: false }));
}

/** What a range covers, in time order: hour buckets first (`hours` of them), then minute buckets, then raw samples. */
function sources(s: Series, fromMs: number, toMs: number): RangeSources & { hours: number } {
  const t: number[] = [];
  const mean: number[] = [];
  const mins: number[] = [];
  const maxs: number[] = [];
  const weight: number[] = [];

  const rawFrom = s.rawLen > 0 ? s.rawTime(0) : Infinity;
  // Hours of the hour tier (older than 7 days, series.ts hourTierEnd), then minutes, then raw
  // samples, each from where the one before it ends, so every sample is read once.
  const hourFrom = Math.floor(fromMs / HOUR_MS);
  const hourTo = Math.min(s.hourTierEnd(), Math.floor(toMs / HOUR_MS) + 1);
  const finerFrom = hourTo > hourFrom ? Math.max(fromMs, hourTo * HOUR_MS) : fromMs;
  for (const b of s.hours.between(hourFrom, hourTo)) {
    t.push(Math.max(b.hour * HOUR_MS, fromMs));
    mean.push(b.sum / b.n);
    mins.push(b.min);
    maxs.push(b.max);
    weight.push(b.n);
  }
  const hours = t.length;
  // Buckets for whole minutes before the raw samples begin, then raw samples. The raw retention
  // drops samples part-way through a minute: when it did so in the minute holding the first raw
  // sample and the range reaches before that sample, the bucket alone holds the dropped ones, so
  // that minute is read from its bucket and raw samples from the next minute (each sample once).
  let minutesEnd = Math.floor(rawFrom / MINUTE_MS) * MINUTE_MS;
  if (finerFrom < rawFrom && bucketHoldsMoreThanRaw(s, minutesEnd)) minutesEnd += MINUTE_MS;
  const firstLi = Math.max(0, Math.floor(finerFrom / MINUTE_MS) - s.firstMinute);
  for (let li = firstLi; li < s.bLen; li++) {
    const start = (s.firstMinute + li) * MINUTE_MS;
    if (start > toMs || start + MINUTE_MS > minutesEnd) break;
    const p = s.bIdx(li);
    if (s.bN[p]! === 0) continue;
    t.push(Math.max(start, fromMs));
    mean.push(s.bucketMean(p));
    mins.push(s.bMin[p]!);
    maxs.push(s.bMax[p]!);
    weight.push(s.bN[p]!);
  }
  const rawEnd = s.rawUpperBound(toMs);
  for (let i = s.rawLowerBound(Math.max(finerFrom, minutesEnd)); i < rawEnd; i++) {
    const v = s.rawValue(i);
    t.push(s.rawTime(i));
    mean.push(v);
    mins.push(v);
    maxs.push(v);
    weight.push(1);
  }
  return { t, mean, mins, maxs, weight, hours };
}

/**
 * Whether the minute bucket starting at `start` holds samples the raw tier no longer has (the raw
 * retention dropped them part-way through that minute). A bucket's count saturates at 255; a
 * minute with that many raw samples is taken as whole in the raw tier.
 */
function bucketHoldsMoreThanRaw(s: Series, start: number): boolean {
  const li = start / MINUTE_MS - s.firstMinute;
  if (!(li >= 0 && li < s.bLen)) return false;
  const inRaw = s.rawLowerBound(start + MINUTE_MS) - s.rawLowerBound(start);
  return s.bN[s.bIdx(li)]! > Math.min(255, inRaw);
}
