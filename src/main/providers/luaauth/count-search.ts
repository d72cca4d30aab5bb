/**
 * How the poller counts the live sessions of one LuaAuth script with the fewest requests.
 *
 * LuaAuth gives no live count (total_sessions may be lifetime [U]); its only exact source is the
 * offset-paged list `POST /scripts/:id/sessions {from, limit}`. Paging it whole costs count/limit
 * requests (50 at 5,000 sessions). Instead each request is a probe: a page at offset `o` that comes
 * back with `r` items says the count N is ≥ o + r, and an empty page says N ≤ o. A page that
 * straddles the end (0 < r < page size) gives N = o + r exactly.
 *
 * - Steady state: the first probe is a page centred on the last known count, so one request
 *   answers while the count moved by less than half a page since the last poll.
 * - When it misses: exponential probing away from it (1, 2, 4, ... pages), then a binary search
 *   between the bounds, each probe a page centred in the gap.
 *
 * A short page alone never proves the end: the server may cap `limit` below what was asked
 * (ASSUMPTION: a cap, if any, is the same for every script and offset of an account). A short page
 * is only conclusive when some earlier page of the account came back longer (so it was not cut by
 * a cap). Otherwise the next offset is probed: empty means it was the end; not empty proves the
 * cap (= the short page's size), which the account then remembers.
 */

/** Page size asked for when counting (the simulator's and our assumed server maximum). */
export const LUAAUTH_COUNT_PAGE = 100;

/** What an account has learnt about the server's paging, shared by all its scripts' searches. */
export interface LuaAuthPaging {
  /** Most items any page of this account came back with. */
  largestPage: number;
  /** A cap below LUAAUTH_COUNT_PAGE the server was seen to apply, or null. */
  cap: number | null;
}

export function newLuaAuthPaging(): LuaAuthPaging {
  return { largestPage: 0, cap: null };
}

type Phase = 'first' | 'up' | 'down' | 'between' | 'verify';

export class PageCountSearch {
  /** N ≥ lo and N ≤ hi. */
  private lo = 0;
  private hi = Infinity;
  private phase: Phase = 'first';
  /** Distance of the next exponential probe, in items. */
  private step: number;
  private nextOffset: number;
  private result: number | null = null;
  /** Offset of the short page being verified. */
  private lastOffset = 0;
  /** Requests this search has made. */
  requests = 0;

  constructor(
    private readonly paging: LuaAuthPaging,
    /** The count found last time, if any. */
    hint: number | undefined,
    readonly limit = LUAAUTH_COUNT_PAGE,
  ) {
    this.step = this.full();
    // Centred on the last count, within the longest page seen (a page no longer than that is conclusive
    // when it comes back short, even while a cap is not proven either way).
    const width = paging.largestPage >= 2 ? Math.min(this.full(), paging.largestPage) : this.full();
    this.nextOffset = hint === undefined ? 0 : Math.max(0, hint - Math.floor(width / 2));
  }

  /** The count, once known. */
  get count(): number | null {
    return this.result;
  }

  /** Offset of the next page to ask for (`limit` items), or null when the count is known. */
  next(): number | null {
    return this.result === null ? this.nextOffset : null;
  }

  /** The page at `offset` came back with `size` items. */
  answer(offset: number, size: number): void {
    this.requests++;
    const largestBefore = this.paging.largestPage;
    if (size > this.paging.largestPage) this.paging.largestPage = size;
    // A page longer than the cap believed in: that "cap" was sessions joining between two probes.
    if (this.paging.cap !== null && size > this.paging.cap) this.paging.cap = null;
    if (this.phase === 'verify' && size > 0) {
      // The short page before this one was cut by the server, not by the end of the list.
      const cap = offset - this.lastOffset;
      if (cap < this.limit) this.paging.cap = cap;
    }
    const full = this.full();

    if (size === 0) {
      this.hi = Math.min(this.hi, offset);
      // Missed low (the count fell since last time): probe downwards, unless a lower bound is already near.
      this.phase = this.phase === 'first' || this.phase === 'down' ? 'down' : 'between';
    } else {
      this.lo = Math.max(this.lo, offset + size);
      if (size < full && size < largestBefore) {
        // A page that stopped short though the server gave more before: the list ends here.
        this.hi = offset + size;
      } else if (size < full && size >= largestBefore) {
        // Short, but maybe only cut by a cap: look right after it.
        this.phase = 'verify';
        this.lastOffset = offset;
      } else {
        this.phase = this.hi === Infinity ? 'up' : 'between';
      }
    }

    if (this.lo >= this.hi) {
      this.result = this.lo;
      return;
    }
    switch (this.phase) {
      case 'verify':
        this.nextOffset = this.lo;
        break;
      case 'up':
        // From the first full page on: the next page, then 2, 4, ... pages further.
        this.nextOffset = this.lo + this.step - full;
        this.step *= 2;
        break;
      case 'down':
        this.nextOffset = Math.max(this.lo, this.hi - this.step);
        this.step *= 2;
        break;
      default:
        // A page centred in the gap.
        this.nextOffset = this.lo + Math.max(0, Math.floor((this.hi - this.lo - full) / 2));
    }
  }

  /** Items a page holds when the list goes on past it. */
  private full(): number {
    return Math.min(this.limit, this.paging.cap ?? this.limit);
  }
}
