import { describe, expect, it } from 'vitest';
import { HourBuckets, hourBucketsProblem, type HourBucket } from './hour-buckets';

/* The hour tier on its own: what it keeps, drops and reports, hour by hour. */

const all = (h: HourBuckets): HourBucket[] => [...h.between(-Infinity, Infinity)];

describe('HourBuckets', () => {
  it('sums, counts and keeps the low and high of each hour; an older hour than the newest is ignored', () => {
    const h = new HourBuckets(10);
    expect(h.empty).toBe(true);
    h.add(100, 5);
    h.add(100, 9);
    h.add(100, 2);
    h.add(102, 7, 3, 6, 8);
    h.add(101, 50); // older than the newest hour: refused
    expect(h.empty).toBe(false);
    expect(all(h)).toEqual([
      { hour: 100, n: 3, sum: 16, min: 2, max: 9 },
      { hour: 102, n: 3, sum: 21, min: 6, max: 8 },
    ]);
    expect(h.first).toBe(100);
    expect(h.len).toBe(3);
    expect([100, 101, 102, 99, 103].map((x) => h.count(x))).toEqual([3, 0, 3, 0, 0]);
    expect([...h.between(101, 103)].map((b) => b.hour)).toEqual([102]);
    expect([...h.between(100, 102)].map((b) => b.hour)).toEqual([100]);
  });

  it('keeps at most maxHours hours, the first one always a real bucket', () => {
    const h = new HourBuckets(3);
    h.add(10, 1);
    h.add(11, 2);
    h.add(14, 4); // 10 and 11 fall out; 12 and 13 are empty, so 14 is first
    expect(all(h).map((b) => b.hour)).toEqual([14]);
    expect(h.first).toBe(14);
    h.add(15, 5);
    h.add(16, 6);
    h.add(17, 7);
    expect(all(h).map((b) => [b.hour, b.sum])).toEqual([
      [15, 5],
      [16, 6],
      [17, 7],
    ]);
  });

  it('grows by doubling while it fills, up to maxHours', () => {
    const h = new HourBuckets(100, 2);
    const start = h.byteLength();
    expect(start).toBe(2 * (8 + 4 + 4 + 4));
    for (let i = 0; i < 5; i++) h.add(i, i + 1);
    expect(h.byteLength()).toBe(8 * (8 + 4 + 4 + 4));
    expect(all(h).map((b) => b.sum)).toEqual([1, 2, 3, 4, 5]);
    for (let i = 5; i < 150; i++) h.add(i, i + 1);
    expect(h.byteLength()).toBe(100 * (8 + 4 + 4 + 4));
    expect(h.first).toBe(50);
    expect(all(h)).toHaveLength(100);
  });

  it('keeps nothing with maxHours 0', () => {
    const h = new HourBuckets(0);
    h.add(5, 1);
    expect(h.empty).toBe(true);
    expect(h.count(5)).toBe(0);
  });

  it('drops hours before a given one, skipping empty hours after them', () => {
    const h = new HourBuckets(50);
    for (const hour of [1, 2, 5, 6]) h.add(hour, hour);
    h.dropBefore(1);
    expect(h.first).toBe(1);
    h.dropBefore(2);
    expect(all(h).map((b) => b.hour)).toEqual([2, 5, 6]);
    h.dropBefore(3); // 3 and 4 are empty: 5 becomes first
    expect(h.first).toBe(5);
    expect(h.len).toBe(2);
    h.dropBefore(99);
    expect(h.empty).toBe(true);
    h.dropBefore(200); // nothing left: no change
    expect(h.empty).toBe(true);
  });

  it('forgets hours from a given one on (a rewind), trailing empty hours too', () => {
    const h = new HourBuckets(50);
    for (const hour of [1, 2, 5, 6]) h.add(hour, hour);
    h.truncateFrom(9); // nothing that late
    expect(h.len).toBe(6);
    h.truncateFrom(5); // 5 and 6 go; 3 and 4 were empty
    expect(all(h).map((b) => b.hour)).toEqual([1, 2]);
    expect(h.len).toBe(2);
    h.add(2, 10); // the newest hour takes samples again
    expect(all(h).at(-1)).toEqual({ hour: 2, n: 2, sum: 12, min: 2, max: 10 });
    h.truncateFrom(1);
    expect(h.empty).toBe(true);
    h.truncateFrom(0);
    expect(h.empty).toBe(true);
  });

  it('round-trips through columns, keeping the newest hours when the limit is smaller', () => {
    const h = new HourBuckets(50);
    for (const hour of [3, 4, 8, 9, 10]) h.add(hour, hour * 2, 2, hour, hour * 3);
    const c = h.toColumns();
    expect(c.h0).toBe(3);
    expect([...c.n]).toEqual([2, 2, 0, 0, 0, 2, 2, 2]);
    expect(all(HourBuckets.fromColumns(c, 50))).toEqual(all(h));
    const cut = HourBuckets.fromColumns(c, 3);
    expect(all(cut)).toEqual(all(h).filter((b) => b.hour >= 8));
    expect(cut.byteLength()).toBe(3 * (8 + 4 + 4 + 4));
  });
});

describe('hourBucketsProblem', () => {
  const good = { h0: 3, n: [1, 0], sum: [4, 0], min: [4, 0], max: [4, 0] };
  it('accepts a well-formed block', () => {
    expect(hourBucketsProblem(good)).toBeUndefined();
    expect(hourBucketsProblem({ h0: 0, n: [], sum: [], min: [], max: [] })).toBeUndefined();
  });
  it('names what is wrong', () => {
    expect(hourBucketsProblem(null)).toBe('hour buckets malformed');
    expect(hourBucketsProblem(7)).toBe('hour buckets malformed');
    expect(hourBucketsProblem({ ...good, h0: '3' })).toBe('hour bucket start');
    expect(hourBucketsProblem({ ...good, h0: 3.5 })).toBe('hour bucket start');
    for (const k of ['n', 'sum', 'min', 'max']) {
      expect(hourBucketsProblem({ ...good, [k]: 'x' }), k).toBe('hour bucket values');
      expect(hourBucketsProblem({ ...good, [k]: [1, -1] }), k).toBe('hour bucket values');
      expect(hourBucketsProblem({ ...good, [k]: [1, Infinity] }), k).toBe('hour bucket values');
      expect(hourBucketsProblem({ ...good, [k]: [1, '2'] }), k).toBe('hour bucket values');
      expect(hourBucketsProblem({ ...good, [k]: [1] }), k).toBe('hour bucket lengths differ');
    }
  });
});
