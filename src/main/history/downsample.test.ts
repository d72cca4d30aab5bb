import { describe, expect, it } from 'vitest';
import { downsample, type RangeSources } from './downsample';

/* Folding chart sources into at most maxPoints points. */

const src = (rows: [t: number, mean: number, min: number, max: number, weight: number][]): RangeSources => ({
  t: rows.map((r) => r[0]),
  mean: rows.map((r) => r[1]),
  mins: rows.map((r) => r[2]),
  maxs: rows.map((r) => r[3]),
  weight: rows.map((r) => r[4]),
});

describe('downsample', () => {
  it('passes sources through as points when they fit', () => {
    const s = src([
      [1, 5, 4, 6, 2],
      [2, 7, 7, 7, 1],
    ]);
    expect(downsample(s, 0, 10, 2)).toEqual([
      { t: 1, value: 5, min: 4, max: 6 },
      { t: 2, value: 7, min: 7, max: 7 },
    ]);
    expect(downsample(src([]), 0, 10, 1)).toEqual([]);
  });

  it('folds into equal-width bins: newest time, weighted mean, lowest low, highest high; empty bins left out', () => {
    const s = src([
      [0, 10, 8, 12, 3], // bin 0
      [4, 20, 20, 20, 1], // bin 0
      [9, 1, 1, 1, 1], // bin 1 (width 5)
      [25, 3, 2, 9, 2], // past toMs: the last bin
      [-3, 4, 4, 4, 1], // before fromMs: the first bin
    ]);
    expect(downsample(s, 0, 10, 2)).toEqual([
      { t: -3, value: (10 * 3 + 20 + 4) / 5, min: 4, max: 20 },
      { t: 25, value: (1 + 3 * 2) / 3, min: 1, max: 9 },
    ]);
    const gap = src([
      [0, 1, 1, 1, 1],
      [1, 1, 1, 1, 1],
      [29, 5, 5, 5, 1],
    ]);
    expect(downsample(gap, 0, 30, 2.7)).toEqual([
      { t: 1, value: 1, min: 1, max: 1 },
      { t: 29, value: 5, min: 5, max: 5 },
    ]);
  });

  it('a range of zero width puts everything in one bin per millisecond', () => {
    const s = src([
      [5, 1, 1, 1, 1],
      [5.5, 3, 3, 3, 1],
      [7, 9, 9, 9, 1],
    ]);
    expect(downsample(s, 5, 5, 2)).toEqual([
      { t: 5.5, value: 2, min: 1, max: 3 },
      { t: 7, value: 9, min: 9, max: 9 },
    ]);
  });
});
