import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../monitor/seeded-random';
import { LUAAUTH_COUNT_PAGE, newLuaAuthPaging, PageCountSearch, type LuaAuthPaging } from './count-search';

/** A LuaAuth list of `n` sessions whose server returns at most `cap` items per page. */
function count(n: number, cap: number, paging: LuaAuthPaging, hint?: number): { count: number; requests: number } {
  const search = new PageCountSearch(paging, hint);
  for (let guard = 0; guard < 200; guard++) {
    const offset = search.next();
    if (offset === null) return { count: search.count!, requests: search.requests };
    expect(offset).toBeGreaterThanOrEqual(0);
    expect(Number.isInteger(offset)).toBe(true);
    search.answer(offset, Math.max(0, Math.min(search.limit, cap, n - offset)));
  }
  throw new Error('search did not end');
}

describe('PageCountSearch (LuaAuth counting)', () => {
  it('is never fooled by a server capping the page: 120 live sessions, cap 50, counts 120', () => {
    const paging = newLuaAuthPaging();
    expect(count(120, 50, paging)).toEqual({ count: 120, requests: 4 });
    expect(paging.cap).toBe(50);
    // Next cycle, same count: one request, the page straddling the end.
    expect(count(120, 50, paging, 120)).toEqual({ count: 120, requests: 1 });
    expect(count(97, 50, paging, 120)).toEqual({ count: 97, requests: 1 });
  });

  it('proves the end of a short first page only by looking past it (no cap known yet)', () => {
    const paging = newLuaAuthPaging();
    expect(count(30, 1_000, paging)).toEqual({ count: 30, requests: 2 });
    expect(paging.cap).toBeNull();
    // Once any page came back longer, a shorter page is conclusive.
    expect(count(250, 1_000, paging).count).toBe(250);
    expect(count(30, 1_000, paging, 30)).toEqual({ count: 30, requests: 1 });
    expect(count(0, 1_000, paging, 30)).toEqual({ count: 0, requests: 1 });
  });

  it('counts 0 and exact multiples of the page size', () => {
    for (const n of [0, 100, 200, 1_000, 5_000]) {
      const paging = newLuaAuthPaging();
      expect(count(n, 1_000, paging).count).toBe(n);
      expect(count(n, 1_000, paging, n).count).toBe(n);
      expect(count(n, 60, newLuaAuthPaging()).count).toBe(n);
    }
  });

  it('costs one request per script in steady state and a few when the count jumped', () => {
    const paging = newLuaAuthPaging();
    expect(count(5_000, 1_000, paging)).toEqual({ count: 5_000, requests: 12 });
    expect(count(5_000, 1_000, paging, 5_000).requests).toBe(1);
    expect(count(5_049, 1_000, paging, 5_000).requests).toBe(1);
    expect(count(4_951, 1_000, paging, 5_000).requests).toBe(1);
    expect(count(5_120, 1_000, paging, 5_000)).toEqual({ count: 5_120, requests: 2 });
    expect(count(4_800, 1_000, paging, 5_000)).toEqual({ count: 4_800, requests: 4 });
    // Spike to ten times: exponential then binary, far fewer than paging the 50,000.
    expect(count(50_000, 1_000, paging, 5_000).requests).toBeLessThanOrEqual(20);
    expect(count(3, 1_000, paging, 50_000).requests).toBeLessThanOrEqual(20);
  });

  it('property: exact for any count, cap and hint', () => {
    const rnd = seededRandom(42);
    for (let i = 0; i < 2_000; i++) {
      const paging = newLuaAuthPaging();
      const cap = rnd() < 0.5 ? 1_000 : 1 + Math.floor(rnd() * 150);
      const n = Math.floor(rnd() ** 2 * 20_000);
      const hint = rnd() < 0.2 ? undefined : Math.max(0, Math.round(n * (0.5 + rnd())));
      expect(count(n, cap, paging, hint).count).toBe(n);
      // And again with what the account learnt.
      const again = count(n, cap, paging, n);
      expect(again.count).toBe(n);
      // Steady state is one request once the account has seen a full page (a page of 1 can never straddle the end).
      if (n > 0 && cap >= 2 && paging.largestPage >= Math.min(cap, LUAAUTH_COUNT_PAGE)) expect(again.requests).toBe(1);
    }
  });
});
