import { describe, expect, it } from 'vitest';
import { HOUR_MS, History, MINUTE_MS } from './history';

/* History.rewind and append's clamping across several series. */

const T0 = Date.UTC(2026, 0, 5);

describe('History.rewind', () => {
  it('leaves alone a series with nothing after the new now, even when only its minute bucket is left', () => {
    const h = new History({ rawRetentionMs: 10_000 });
    h.append('old', T0, 4);
    h.append('old', T0 + 20_000, 6); // the first raw sample expires; its minute bucket keeps both
    h.prune(T0 + 40_000);
    expect(h.valuesSince('old', -Infinity)).toEqual([]);
    h.append('new', T0 + 50_000, 1);
    h.rewind(T0 + 45_000);
    expect(h.keys()).toEqual(['old']);
    expect(h.allTimeHigh('old')).toBe(6);
    expect(h.range('old', T0, T0 + MINUTE_MS, 1)[0]).toMatchObject({ min: 4, max: 6 });
  });

  it('ignores a time that is not finite', () => {
    const h = new History();
    h.trackChanges();
    h.append('a', T0, 4);
    h.rewind(Number.NaN);
    h.rewind(-Infinity);
    expect(h.latest('a')).toEqual({ at: T0, value: 4 });
    expect(h.takeChanges().full).toBe(false);
  });

  it('keeps the hours before the new now and refills its hour from the minutes', () => {
    const h = new History();
    h.append('a', T0 + 10 * MINUTE_MS, 4);
    h.append('a', T0 + 50 * MINUTE_MS, 9);
    h.append('a', T0 + 2 * HOUR_MS, 30);
    h.rewind(T0 + 30 * MINUTE_MS);
    expect(h.allTimeHigh('a')).toBe(4);
    expect(h.oldestAt('a')).toBe(T0 + 10 * MINUTE_MS);
    expect(h.append('a', T0 + 31 * MINUTE_MS, 2)).toBe(true);
    expect(h.range('a', T0, T0 + 3 * HOUR_MS, 1)[0]).toMatchObject({ min: 2, max: 4, value: 3 });
  });
});

describe('History.append clamping', () => {
  it('rounds to whole counts and clamps at 2^32 − 1', () => {
    const h = new History();
    h.trackChanges();
    h.append('a', T0, 2.5);
    h.append('a', T0 + 1, 5e12);
    expect(h.valuesSince('a', -Infinity).map((p) => p.value)).toEqual([3, 4_294_967_295]);
    expect([...h.takeChanges().value]).toEqual([3, 4_294_967_295]);
    expect(h.memoryBytes()).toBeGreaterThan(0);
    expect(new History().memoryBytes()).toBe(0);
    expect(h.columnsOf('nope')).toBeUndefined();
    expect(h.columnsOf('a')!.key).toBe('a');
  });
});
