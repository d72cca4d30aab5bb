import { describe, expect, it } from 'vitest';
import { Backoff } from './backoff';
import { seededRandom } from './seeded-random';

describe('Backoff', () => {
  it('without jitter doubles from base up to the cap and resets on success', () => {
    const b = new Backoff({ baseMs: 1_000, capMs: 10_000, jitter: 'none' });
    expect([b.next(), b.next(), b.next(), b.next(), b.next(), b.next()]).toEqual([1_000, 2_000, 4_000, 8_000, 10_000, 10_000]);
    expect(b.attempts).toBe(6);
    b.reset();
    expect(b.attempts).toBe(0);
    expect(b.next()).toBe(1_000);
  });

  it('full jitter stays within [0, base·2^n] capped, and is reproducible with a seed', () => {
    const run = () => {
      const b = new Backoff({ baseMs: 500, capMs: 8_000, jitter: 'full', random: seededRandom(42) });
      return Array.from({ length: 12 }, () => b.next());
    };
    const delays = run();
    delays.forEach((d, i) => {
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThanOrEqual(Math.min(8_000, 500 * 2 ** i));
    });
    expect(run()).toEqual(delays);
  });

  it('decorrelated jitter stays within [base, cap] and grows from the previous delay', () => {
    const b = new Backoff({ baseMs: 1_000, capMs: 60_000, jitter: 'decorrelated', random: seededRandom(7) });
    let prev = 1_000; // the scheme starts from base
    for (let i = 0; i < 50; i++) {
      const d = b.next();
      expect(d).toBeGreaterThanOrEqual(1_000);
      expect(d).toBeLessThanOrEqual(Math.min(60_000, prev * 3));
      prev = d;
    }
    // Extremes of the random source reach the bounds.
    const lo = new Backoff({ baseMs: 1_000, capMs: 60_000, random: () => 0 });
    expect([lo.next(), lo.next()]).toEqual([1_000, 1_000]);
    const hi = new Backoff({ baseMs: 1_000, capMs: 60_000, random: () => 0.999999 });
    // The first failure may already wait up to 3 × base (the usual decorrelated scheme).
    expect([hi.next(), hi.next(), hi.next(), hi.next(), hi.next()]).toEqual([3_000, 9_000, 27_000, 60_000, 60_000]);
    hi.reset();
    expect(hi.next()).toBe(3_000);
  });

  it('Retry-After wins when longer, even beyond the cap, and not when shorter', () => {
    const b = new Backoff({ baseMs: 1_000, capMs: 10_000, jitter: 'none' });
    expect(b.next(30_000)).toBe(30_000);
    expect(b.next(500)).toBe(2_000);
    expect(b.next(Number.NaN)).toBe(4_000);
  });

  it('rejects base above cap', () => {
    expect(() => new Backoff({ baseMs: 10, capMs: 5 })).toThrow(RangeError);
  });
});
