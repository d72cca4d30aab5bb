import { describe, expect, it } from 'vitest';
import { Backoff } from './backoff';

/* Back-off at its edges: the options it refuses, a Retry-After that is not a number, full jitter's scale. */

describe('Backoff edges', () => {
  it('refuses a zero base and a cap below the base, saying which values', () => {
    expect(() => new Backoff({ baseMs: 0, capMs: 10 })).toThrow('back-off needs 0 < baseMs ≤ capMs, got 0 / 10');
    expect(() => new Backoff({ baseMs: 10, capMs: 9 })).toThrow(RangeError);
    expect(new Backoff({ baseMs: 10, capMs: 10, jitter: 'none' }).next()).toBe(10);
  });

  it('ignores a missing or infinite Retry-After', () => {
    const b = new Backoff({ baseMs: 1_000, capMs: 10_000, jitter: 'none' });
    expect(b.next(undefined)).toBe(1_000);
    expect(b.next(Number.POSITIVE_INFINITY)).toBe(2_000);
  });

  it('full jitter scales the exponential delay by the random draw', () => {
    const b = new Backoff({ baseMs: 1_000, capMs: 60_000, jitter: 'full', random: () => 0.5 });
    expect([b.next(), b.next(), b.next()]).toEqual([500, 1_000, 2_000]);
  });
});
