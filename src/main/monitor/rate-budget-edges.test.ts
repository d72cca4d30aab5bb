import { describe, expect, it } from 'vitest';
import { RateBudget } from './rate-budget';

/* The rate budget at its edges: the options it refuses, empty takes, the moment a request stops counting, bursts. */

describe('RateBudget edges', () => {
  it('refuses windows, shares and margins that cannot work, and accepts the extremes that can', () => {
    expect(() => new RateBudget([{ max: 1.5, windowMs: 1_000 }])).toThrow(RangeError);
    expect(() => new RateBudget([{ max: 1, windowMs: 0 }])).toThrow(RangeError);
    expect(() => new RateBudget([{ max: 1, windowMs: Number.POSITIVE_INFINITY }])).toThrow(RangeError);
    expect(() => new RateBudget([{ max: 1, windowMs: 1 }], { share: 1.01 })).toThrow(RangeError);
    expect(() => new RateBudget([{ max: 1, windowMs: 1 }], { delayMarginMs: -1 })).toThrow(RangeError);
    expect(() => new RateBudget([{ max: 1, windowMs: 1 }], { delayMarginMs: Number.NaN })).toThrow(RangeError);
    expect(() => new RateBudget([{ max: 1, windowMs: 1 }], { share: 1, delayMarginMs: 0 })).not.toThrow();
    expect(() => new RateBudget([{ max: 1, windowMs: 1 }]).tryTake(1.5, 0)).toThrow(RangeError);
    expect(() => new RateBudget([{ max: 1, windowMs: 1 }]).noteSent(Number.NaN, 0)).toThrow(RangeError);
  });

  it('gives background polling at least one request of a tiny window', () => {
    const b = new RateBudget([{ max: 1, windowMs: 1_000 }]);
    expect(b.usage(0).windows[0]!.backgroundMax).toBe(1);
    expect(b.tryTake(1, 0)).toBe(true);
    expect(b.tryTakeUser(1, 0)).toBe(false);
  });

  it('takes nothing for free, even while blocked or full', () => {
    const b = new RateBudget([{ max: 1, windowMs: 1_000 }]);
    b.blockUntil(500);
    expect(b.tryTake(0, 0)).toBe(true);
    expect(b.tryStart(0, 0)).not.toBeNull();
    b.noteSent(0, 0);
    expect(b.usage(0).windows[0]!.used).toBe(0);
  });

  it('stops counting a request exactly one window after it counted from', () => {
    const b = new RateBudget([{ max: 2, windowMs: 1_000 }], { share: 1 });
    expect(b.tryTake(2, 0)).toBe(true);
    expect(b.usage(999).windows[0]!.used).toBe(2);
    expect(b.tryTake(1, 999)).toBe(false);
    expect(b.usage(1_000).windows[0]!.used).toBe(0);
    expect(b.tryTake(2, 1_000)).toBe(true);
  });

  it("counts requests noted as sent as the user's, for a window plus the delay margin", () => {
    const b = new RateBudget([{ max: 4, windowMs: 1_000 }], { delayMarginMs: 500 });
    b.noteSent(3, 0);
    expect(b.usage(1_499).windows[0]).toMatchObject({ used: 3, backgroundUsed: 0 });
    expect(b.tryTakeUser(2, 1_499)).toBe(false);
    expect(b.usage(1_500).windows[0]!.used).toBe(0);
  });

  it('lets LuaAuth polling send 6 at once, then one every 40 ms (25 a second)', () => {
    const b = RateBudget.forProvider('luaauth');
    let sent = 0;
    while (b.tryTake(1, 0)) sent++;
    expect(sent).toBe(6);
    expect(b.nextFreeAt(1, 0)).toBe(40);
    expect(b.tryTake(1, 39)).toBe(false);
    expect(b.tryTake(1, 40)).toBe(true);
  });

  it('lets Junkie polling send 7 at once, then one every 2 s (30 a minute)', () => {
    const b = RateBudget.forProvider('junkie');
    let sent = 0;
    while (b.tryTake(1, 0)) sent++;
    expect(sent).toBe(7);
    expect(b.nextFreeAt(1, 0)).toBe(2_000);
  });
});
