import { describe, expect, it } from 'vitest';
import { countHint } from './count-plan';

describe('countHint', () => {
  it("starts from the script's own last count, else the median of its siblings', else nothing", () => {
    expect(countHint(new Map(), 'a')).toBeUndefined();
    expect(countHint(new Map([['a', 7], ['b', 900]]), 'a')).toBe(7);
    expect(countHint(new Map([['b', 900], ['c', 10], ['d', 5_000]]), 'a')).toBe(900);
  });
});
