/**
 * Folding a series' sources (raw samples, minute and hour buckets) into at most `maxPoints`
 * chart points: equal-width time bins keeping min, max and the sample-weighted mean, so spikes
 * stay visible on 24 h and 7 d charts.
 */

/** One chart point: a raw sample (min = max = value) or the aggregate of a bin. */
export interface RangePoint {
  /** Time of the newest sample folded into this point. */
  t: number;
  /** Mean of the samples in the point. */
  value: number;
  min: number;
  max: number;
}

/** Parallel columns of what a range covers, in time order; weight is the number of samples behind each entry. */
export interface RangeSources {
  t: number[];
  mean: number[];
  mins: number[];
  maxs: number[];
  weight: number[];
}

export function downsample(src: RangeSources, fromMs: number, toMs: number, maxPoints: number): RangePoint[] {
  const { t, mean, mins, maxs, weight } = src;
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
