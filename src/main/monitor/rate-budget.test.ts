import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DELAY_MARGIN_MS,
  MAX_IN_FLIGHT_MS,
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
    // Window arithmetic alone (provider budgets also spread requests: see "spreads a share" below).
    const b = new RateBudget(LUAPROT_RATE_WINDOWS); // background: 10 per 10 s, 30 per minute
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

describe('RateBudget: network delay and spreading (provider budgets)', () => {
  it('counts a request until one window after its answer arrived, not after it was sent', () => {
    // The field case: a whole background share sent at 0, answers straggling in up to 9.9 s later.
    const b = new RateBudget([{ max: 20, windowMs: 10_000 }]);
    const tickets = Array.from({ length: 10 }, () => b.tryStart(1, 0)!);
    expect(tickets.every((t) => t !== null)).toBe(true);
    tickets.forEach((t, i) => t.done(i === 9 ? 9_900 : 500));
    // Counted from sending, all ten would have left the window at 10 s and ten more gone out:
    // the provider, which counts at arrival, would have seen up to 20 background requests in 0.1 s.
    expect(b.tryStart(1, 10_000)).toBeNull();
    expect(b.usage(10_000).windows[0]).toMatchObject({ backgroundUsed: 10 });
    expect(b.nextFreeAt(9, 10_000)).toBe(10_500);
    expect(b.nextFreeAt(10, 10_000)).toBe(19_900);
    expect(b.usage(10_500).windows[0]).toMatchObject({ backgroundUsed: 1 });
    expect(b.tryStart(10, 10_500)).toBeNull();
    expect(b.tryStart(9, 10_500)).not.toBeNull();
  });

  it('keeps a request in flight counted for as long as no answer came, and reports done only once', () => {
    const b = new RateBudget([{ max: 2, windowMs: 1_000 }], { share: 1 });
    const first = b.tryStart(1, 0)!;
    const second = b.tryStart(1, 0)!;
    expect(b.tryTake(1, 60_000)).toBe(false);
    expect(b.tryTakeUser(1, 60_000)).toBe(false);
    // While in flight the wait is estimated from now (a lower bound: asked again then).
    expect(b.nextFreeAt(1, 60_000)).toBe(61_000);
    first.done(60_000);
    first.done(0); // a second report changes nothing
    expect(b.tryTake(1, 60_999)).toBe(false);
    expect(b.tryTake(1, 61_000)).toBe(true);
    second.done(61_000);
    expect(b.usage(61_500).windows[0]!.used).toBe(2);
  });

  it('stops counting a ticket nobody reported done MAX_IN_FLIGHT_MS after sending, plus a window', () => {
    const b = new RateBudget([{ max: 1, windowMs: 1_000 }], { share: 1 });
    b.tryStart(1, 0, { user: true }); // never reported
    expect(b.tryTakeUser(1, MAX_IN_FLIGHT_MS + 999)).toBe(false);
    expect(b.nextFreeAt(1, MAX_IN_FLIGHT_MS, { user: true })).toBe(MAX_IN_FLIGHT_MS + 1_000);
    expect(b.tryTakeUser(1, MAX_IN_FLIGHT_MS + 1_000)).toBe(true);
  });

  it('counts requests taken without a ticket (user actions) for a window plus the delay margin', () => {
    const b = RateBudget.forProvider('luaauth'); // 50 per second, background 25
    expect(b.delayMarginMs).toBe(DEFAULT_DELAY_MARGIN_MS);
    for (let i = 0; i < 50; i++) expect(b.tryTakeUser(1, 0)).toBe(true);
    expect(b.nextFreeAt(1, 500, { user: true })).toBe(1_000 + DEFAULT_DELAY_MARGIN_MS);
    expect(b.tryTakeUser(1, 1_000)).toBe(false);
    expect(b.nextFreeAt(1, 1_000, { user: true })).toBe(1_000 + DEFAULT_DELAY_MARGIN_MS);
    expect(b.tryTakeUser(1, 1_000 + DEFAULT_DELAY_MARGIN_MS)).toBe(true);
  });

  it('spreads a share over the window: LuaProt polling never sends more than 2 at once, then one per 2 s', () => {
    const b = RateBudget.forProvider('luaprot'); // background 10 per 10 s, 30 per minute
    const sent: number[] = [];
    let now = 0;
    while (sent.length < 40) {
      now = b.nextFreeAt(1, now);
      if (now > 0) expect(b.tryTake(1, now - 1)).toBe(false);
      expect(b.tryTake(1, now)).toBe(true);
      sent.push(now);
    }
    // Without spreading the whole share (10) left at 0 and the next 10 at 10 s.
    expect(sent.slice(0, 3)).toEqual([0, 0, 1_000]);
    expect(maxInAnyWindow(sent.map((at) => ({ at, n: 1 })), 1_000)).toBe(2);
    expect(maxInAnyWindow(sent.map((at) => ({ at, n: 1 })), 10_000)).toBeLessThanOrEqual(10);
    expect(maxInAnyWindow(sent.map((at) => ({ at, n: 1 })), 60_000)).toBeLessThanOrEqual(30);
    // In the long run, no faster than the minute window's share: one request per 2 s.
    expect(sent.at(-1)! - sent.at(-11)!).toBeGreaterThanOrEqual(20_000);
    expect(sent.at(-1)!).toBeLessThanOrEqual(120_000);
  });

  it('never lets a user action wait on the pacing, and pacing follows the clock stepping back', () => {
    const b = RateBudget.forProvider('luaauth'); // background 25 per second: one per 40 ms, 6 at once
    for (let i = 0; i < 6; i++) expect(b.tryTake(1, 0)).toBe(true);
    expect(b.tryTake(1, 0)).toBe(false);
    expect(b.nextFreeAt(1, 0)).toBe(40);
    expect(b.tryTakeUser(1, 0)).toBe(true);
    b.clockSteppedBack(-3_600_000, -3_600_000);
    expect(b.nextFreeAt(1, -3_600_000)).toBe(-3_600_000 + 40);
  });

  it('lets a poll the user asked for go out at once after restartPacing, still within the share', () => {
    const b = RateBudget.forProvider('luaprot');
    expect(b.tryTake(1, 0) && b.tryTake(1, 0)).toBe(true);
    expect(b.tryTake(1, 0)).toBe(false); // paced: next at 1 s
    b.restartPacing();
    expect(b.tryTake(1, 0) && b.tryTake(1, 0)).toBe(true);
    b.restartPacing();
    for (let i = 0; i < 3; i++) {
      expect(b.tryTake(1, 0) && b.tryTake(1, 0)).toBe(true);
      b.restartPacing();
    }
    // The 10 s window's share (10) still holds whatever the refreshes.
    expect(b.tryTake(1, 0)).toBe(false);
    expect(b.usage(0).windows[0]!.backgroundUsed).toBe(10);
  });

  // Property: requests reach the provider at any moment between sending and the answer
  // (uneven network delay, up to 3 windows); the provider's own sliding windows, counted at
  // arrival, never exceed the documented limits — background and user requests together.
  for (const provider of ['luaprot', 'luaauth', 'junkie'] as const) {
    it(`property: with uneven delays the provider never counts more than its limit (${provider})`, () => {
      for (let seed = 1; seed <= 3; seed++) {
        const rnd = seededRandom(seed * 104_729);
        const b = RateBudget.forProvider(provider);
        const windows = b.windows;
        const shortest = Math.min(...windows.map((w) => w.windowMs));
        const arrivals: Array<{ at: number; n: number }> = [];
        const pending: Array<{ answerAt: number; ticket: { done(at: number): void } }> = [];
        let now = 0;
        let sent = 0;
        while (now < 30 * Math.max(...windows.map((w) => w.windowMs))) {
          now += Math.floor(rnd() ** 2 * (shortest / 10));
          for (const p of pending.filter((x) => x.answerAt <= now)) p.ticket.done(p.answerAt);
          pending.splice(0, pending.length, ...pending.filter((x) => x.answerAt > now));
          const user = rnd() < 0.3;
          const ticket = b.tryStart(1, now, { user });
          if (!ticket) continue;
          sent++;
          const answerAt = now + Math.floor(rnd() ** 3 * 3 * shortest);
          arrivals.push({ at: now + Math.floor(rnd() * (answerAt - now)), n: 1 });
          pending.push({ answerAt, ticket });
        }
        expect(sent).toBeGreaterThan(50);
        arrivals.sort((a, c) => a.at - c.at);
        for (const w of windows) expect(maxInAnyWindow(arrivals, w.windowMs)).toBeLessThanOrEqual(w.max);
      }
    });
  }
});
