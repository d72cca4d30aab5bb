import { describe, expect, it } from 'vitest';
import {
  JUNKIE_RATE_WINDOWS,
  LUAAUTH_RATE_WINDOWS,
  LUAPROT_RATE_WINDOWS,
  RateBudget,
  type RateWindow,
} from './rate-budget';
import { seededRandom } from './seeded-random';

/** Largest count of (weighted) takes inside any half-open window (t − w, t]. */
function maxInAnyWindow(takes: Array<{ at: number; n: number }>, windowMs: number): number {
  let worst = 0;
  let lo = 0;
  let sum = 0;
  for (let hi = 0; hi < takes.length; hi++) {
    sum += takes[hi]!.n;
    while (takes[lo]!.at <= takes[hi]!.at - windowMs) sum -= takes[lo++]!.n;
    worst = Math.max(worst, sum);
  }
  return worst;
}

describe('RateBudget', () => {
  it('provider defaults match the documented limits', () => {
    expect(LUAPROT_RATE_WINDOWS).toEqual([
      { max: 20, windowMs: 10_000 },
      { max: 60, windowMs: 60_000 },
    ]);
    expect(LUAAUTH_RATE_WINDOWS).toEqual([{ max: 50, windowMs: 1_000 }]);
    expect(JUNKIE_RATE_WINDOWS).toEqual([{ max: 60, windowMs: 60_000 }]);
    expect(RateBudget.forProvider('luaprot').usage(0).windows.map((w) => w.backgroundMax)).toEqual([10, 30]);
  });

  it('background polling gets the share, user actions the rest', () => {
    const b = new RateBudget([{ max: 10, windowMs: 1_000 }]);
    for (let i = 0; i < 5; i++) expect(b.tryTake(1, 0)).toBe(true);
    expect(b.tryTake(1, 0)).toBe(false);
    for (let i = 0; i < 5; i++) expect(b.tryTakeUser(1, 0)).toBe(true);
    expect(b.tryTakeUser(1, 0)).toBe(false);
    expect(b.usage(0).windows[0]).toMatchObject({ used: 10, backgroundUsed: 5 });
    // Sliding: everything taken at 0 leaves the window at 1000.
    expect(b.tryTake(1, 999)).toBe(false);
    expect(b.tryTake(1, 1_000)).toBe(true);
  });

  it('user actions fill the window and then hold back polling too', () => {
    const b = new RateBudget([{ max: 4, windowMs: 1_000 }]);
    for (let i = 0; i < 4; i++) expect(b.tryTakeUser(1, 0)).toBe(true);
    expect(b.tryTake(1, 10)).toBe(false);
    expect(b.nextFreeAt(1, 10)).toBe(1_000);
  });

  it('nextFreeAt names the moment a take succeeds, across windows', () => {
    const b = RateBudget.forProvider('luaprot'); // background: 10 per 10 s, 30 per minute
    let now = 0;
    let taken = 0;
    while (taken < 30) {
      const at = b.nextFreeAt(1, now);
      expect(at).toBeGreaterThanOrEqual(now);
      if (at > now) expect(b.tryTake(1, at - 1)).toBe(false);
      now = at;
      expect(b.tryTake(1, now)).toBe(true);
      taken++;
    }
    // 10 at t=0, 10 at t=10 s, 10 at t=20 s; the minute window then waits for t=60 s.
    expect(now).toBe(20_000);
    expect(b.nextFreeAt(1, now)).toBe(60_000);
    expect(b.nextFreeAt(11, now)).toBe(Infinity);
    // User actions may use the full limit: 10 more fit beside the 10 taken at t=20 s; 11 must wait for those to leave.
    expect(b.nextFreeAt(10, now, { user: true })).toBe(now);
    expect(b.nextFreeAt(11, now, { user: true })).toBe(30_000);
  });

  it('Retry-After blocks everything until it passes', () => {
    const b = RateBudget.forProvider('luaauth');
    b.blockUntil(5_000);
    b.blockUntil(2_000); // a shorter block never shortens the current one
    expect(b.tryTake(1, 4_999)).toBe(false);
    expect(b.tryTakeUser(1, 4_999)).toBe(false);
    expect(b.isBlocked(4_999)).toBe(true);
    expect(b.usage(100).blockedUntil).toBe(5_000);
    expect(b.nextFreeAt(1, 100)).toBe(5_000);
    expect(b.tryTake(1, 5_000)).toBe(true);
    expect(b.usage(5_000).blockedUntil).toBeUndefined();
  });

  it('rejects nonsense', () => {
    expect(() => new RateBudget([])).toThrow();
    expect(() => new RateBudget([{ max: 0, windowMs: 1 }])).toThrow();
    expect(() => new RateBudget([{ max: 1, windowMs: 1 }], { share: 0 })).toThrow();
    expect(() => new RateBudget([{ max: 1, windowMs: 1 }]).tryTake(-1, 0)).toThrow();
  });

  // Property: whatever the attempt pattern, no window ever sees more than its share
  // of background requests, nor more than its full limit of all requests.
  const cases: Array<[string, readonly RateWindow[], number]> = [
    ['luaprot', LUAPROT_RATE_WINDOWS, 0.5],
    ['luaauth', LUAAUTH_RATE_WINDOWS, 0.5],
    ['junkie', JUNKIE_RATE_WINDOWS, 0.5],
    ['luaprot share 0.8', LUAPROT_RATE_WINDOWS, 0.8],
  ];
  for (const [name, windows, share] of cases) {
    it(`property: an hour of random attempts never exceeds any window (${name})`, () => {
      for (let seed = 1; seed <= 5; seed++) {
        const rnd = seededRandom(seed * 7919);
        const b = new RateBudget(windows, { share });
        const bg: Array<{ at: number; n: number }> = [];
        const all: Array<{ at: number; n: number }> = [];
        const shortest = Math.min(...windows.map((w) => w.windowMs));
        let now = 0;
        let blockedUntil = -1;
        while (now < 3_600_000) {
          // Bursts and lulls: steps from 0 to a fifth of the shortest window.
          now += Math.floor(rnd() ** 3 * (shortest / 5));
          const n = rnd() < 0.9 ? 1 : 1 + Math.floor(rnd() * 3);
          const user = rnd() < 0.2;
          if (rnd() < 0.001) {
            blockedUntil = now + 30_000;
            b.blockUntil(blockedUntil);
          }
          const ok = user ? b.tryTakeUser(n, now) : b.tryTake(n, now);
          if (ok) {
            expect(now).toBeGreaterThanOrEqual(blockedUntil);
            all.push({ at: now, n });
            if (!user) bg.push({ at: now, n });
          }
        }
        expect(bg.length).toBeGreaterThan(100);
        for (const w of windows) {
          expect(maxInAnyWindow(bg, w.windowMs)).toBeLessThanOrEqual(Math.max(1, Math.floor(w.max * share)));
          expect(maxInAnyWindow(all, w.windowMs)).toBeLessThanOrEqual(w.max);
        }
      }
    });
  }
});

describe('RateBudget when the wall clock steps back', () => {
  it('moves its entries and Retry-After block back with the clock instead of staying full until it catches up', () => {
    const b = new RateBudget([{ max: 4, windowMs: 10_000 }], { share: 0.5 });
    const t = 1_000_000;
    expect(b.tryTake(2, t)).toBe(true);
    b.blockUntil(t + 5_000);
    const back = t - 3_600_000;
    b.clockSteppedBack(back - t, back);
    expect(b.isBlocked(back)).toBe(true);
    expect(b.nextFreeAt(1, back)).toBe(back + 10_000);
    expect(b.tryTake(1, back + 10_000)).toBe(true);
  });
});
