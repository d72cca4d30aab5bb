import type { ProviderId } from '../../shared/model';
import { JUNKIE_RATE_WINDOWS } from '../providers/junkie/rate-limits';
import { LUAAUTH_RATE_WINDOWS } from '../providers/luaauth/rate-limits';
import { LUAPROT_RATE_WINDOWS } from '../providers/luaprot/rate-limits';

/**
 * Request budget of one provider account: one or more sliding windows that must
 * all hold. Background polling may only use `share` of each window so the user's
 * own actions (message, disconnect, paging a session list) always find room;
 * user actions may use the full limit through `tryTakeUser`.
 *
 * Network delay: the provider counts a request when it *arrives*, which may be any time
 * between sending and the answer. A request taken with `tryStart` counts as in the window
 * from the moment it is sent until one window after its answer came back (`Ticket.done`),
 * so however unevenly requests travel, no window at the provider can hold more than the
 * budget allowed. Requests taken with `tryTake`/`tryTakeUser` (no answer reported) count
 * from sending until one window plus `delayMarginMs` later.
 *
 * Spreading (`spread`): background requests are also paced (a GCRA, i.e. a token bucket)
 * at the share's average rate of each window, with a burst of at most a quarter of the
 * share, so a cycle never fires its whole share at once and then sits idle.
 *
 * Pure bookkeeping: time is always passed in, nothing is scheduled here.
 */

export interface RateWindow {
  /** Requests allowed per window. */
  max: number;
  windowMs: number;
}

/* Each provider's documented (or assumed) limits live in its folder (providers/<id>/rate-limits.ts). */
export { JUNKIE_RATE_WINDOWS, LUAAUTH_RATE_WINDOWS, LUAPROT_RATE_WINDOWS };

export const PROVIDER_RATE_WINDOWS: Readonly<Record<ProviderId, readonly RateWindow[]>> = Object.freeze({
  junkie: JUNKIE_RATE_WINDOWS,
  luaprot: LUAPROT_RATE_WINDOWS,
  luaauth: LUAAUTH_RATE_WINDOWS,
});

/** Fraction of each window background polling may use. */
export const DEFAULT_BACKGROUND_SHARE = 0.5;

/**
 * Background requests sent back to back at most, as a fraction of the window's background share
 * (at least 1): LuaProt 2 per 10 s window / 7 per minute window, LuaAuth 6, Junkie 7.
 */
export const BURST_FRACTION = 0.25;

/**
 * ASSUMPTION (no provider documents its network delay): a request whose answer is not reported
 * (`tryTake`/`tryTakeUser`, e.g. user actions) reaches the provider within 1 s of being sent, so it
 * is counted for one window plus this margin. Requests taken with `tryStart` need no assumption.
 */
export const DEFAULT_DELAY_MARGIN_MS = 1_000;

/**
 * A ticket nobody reported `done` for (a caller that forgot, a promise that never settled) stops
 * counting as in flight this long after it was sent, and then counts one window more. 100 s is
 * LuaAuth's documented server-side limit for any request; every client timeout here is shorter (90 s).
 */
export const MAX_IN_FLIGHT_MS = 100_000;

export interface BudgetOptions {
  share?: number;
  /** Pace background requests (see BURST_FRACTION). Default false here; provider budgets turn it on. */
  spread?: boolean;
  /** Extra time a request taken without a ticket stays counted. Default 0 here; provider budgets use DEFAULT_DELAY_MARGIN_MS. */
  delayMarginMs?: number;
}

/** A request in flight: report when its answer (or failure) came back. */
export interface Ticket {
  /** The answer arrived at `at` (or the request failed or was given up then): counted one window from there. */
  done(at: number): void;
}

export interface WindowUsage {
  windowMs: number;
  /** The provider's limit for this window. */
  max: number;
  /** What background polling may use of it (max × share, at least 1). */
  backgroundMax: number;
  /** Requests in the window ending at `now`, all kinds. */
  used: number;
  /** Background requests in that window. */
  backgroundUsed: number;
}

export interface BudgetUsage {
  windows: WindowUsage[];
  /** Set while a Retry-After is in force. */
  blockedUntil?: number;
}

interface Taken {
  /** When it was sent. */
  at: number;
  /**
   * From when the window counts it: the answer's arrival (or the send time plus the delay margin);
   * Infinity while a ticketed request is in flight. It counts while `countFrom > now - windowMs`.
   */
  countFrom: number;
  n: number;
  background: boolean;
}

/** Pacing state of one window (GCRA): the theoretical time the next background request is due. */
interface Pace {
  /** ms between background requests on average: windowMs / background share. */
  intervalMs: number;
  /** How far ahead of schedule a request may go: (burst - 1) × interval. */
  toleranceMs: number;
  dueAt: number;
}

export class RateBudget {
  readonly windows: readonly RateWindow[];
  readonly share: number;
  private readonly backgroundMax: readonly number[];
  private readonly longestMs: number;
  readonly delayMarginMs: number;
  /** Takes in send order (after a clock step backwards, `clockSteppedBack` moves them with it). */
  private taken: Taken[] = [];
  private blockedUntilMs = -Infinity;
  /** One per window when background requests are spread; null when they are not. */
  private readonly paces: Pace[] | null;

  constructor(windows: readonly RateWindow[], options: BudgetOptions = {}) {
    if (windows.length === 0) throw new RangeError('a rate budget needs at least one window');
    for (const w of windows) {
      if (!(Number.isInteger(w.max) && w.max >= 1 && w.windowMs > 0 && Number.isFinite(w.windowMs))) {
        throw new RangeError(`invalid rate window ${JSON.stringify(w)}`);
      }
    }
    const share = options.share ?? DEFAULT_BACKGROUND_SHARE;
    if (!(share > 0 && share <= 1)) throw new RangeError(`share must be in (0, 1], got ${share}`);
    this.windows = windows.map((w) => ({ ...w }));
    this.share = share;
    // At least one request per window, or a tiny limit would never poll at all.
    this.backgroundMax = windows.map((w) => Math.max(1, Math.floor(w.max * share)));
    this.longestMs = Math.max(...windows.map((w) => w.windowMs));
    const margin = options.delayMarginMs ?? 0;
    if (!(margin >= 0 && Number.isFinite(margin))) throw new RangeError(`delayMarginMs must be 0 or more, got ${margin}`);
    this.delayMarginMs = margin;
    this.paces = options.spread
      ? windows.map((w, i) => {
          const share = this.backgroundMax[i]!;
          const intervalMs = w.windowMs / share;
          const burst = Math.max(1, Math.floor(share * BURST_FRACTION));
          return { intervalMs, toleranceMs: (burst - 1) * intervalMs, dueAt: -Infinity };
        })
      : null;
  }

  /**
   * Budget with the documented (or conservative) limits of a provider: background requests spread
   * over the window, and untracked requests counted with the delay margin.
   */
  static forProvider(provider: ProviderId, options: { share?: number; windows?: readonly RateWindow[] } = {}): RateBudget {
    return new RateBudget(options.windows ?? PROVIDER_RATE_WINDOWS[provider], {
      share: options.share,
      spread: true,
      delayMarginMs: DEFAULT_DELAY_MARGIN_MS,
    });
  }

  /** Background (polling) request(s): taken only if they fit every window's share. */
  tryTake(n: number, now: number): boolean {
    return this.take(n, now, true, false) !== null;
  }

  /** User-initiated request(s): may use each window's full limit. */
  tryTakeUser(n: number, now: number): boolean {
    return this.take(n, now, false, false) !== null;
  }

  /**
   * Request(s) about to be sent, counted from now until one window after `done` reports the answer.
   * Background unless `user`. Null when they do not fit now.
   */
  tryStart(n: number, now: number, options: { user?: boolean } = {}): Ticket | null {
    return this.take(n, now, !options.user, true);
  }

  /**
   * Earliest time ≥ now at which `tryTake(n)` (or `tryTakeUser(n)` with `user`)
   * would succeed if nothing else is taken meanwhile. Infinity if n can never fit.
   */
  nextFreeAt(n: number, now: number, options: { user?: boolean } = {}): number {
    checkCount(n);
    const background = !options.user;
    this.expire(now);
    let at = Math.max(now, this.blockedUntilMs);
    for (let i = 0; i < this.windows.length; i++) {
      const w = this.windows[i]!;
      at = Math.max(at, this.freeAtFor(w.windowMs, w.max, n, now, () => true));
      if (background) {
        at = Math.max(at, this.freeAtFor(w.windowMs, this.backgroundMax[i]!, n, now, (t) => t.background));
        if (this.paces) at = Math.max(at, paceFreeAt(this.paces[i]!, n));
      }
    }
    return at;
  }

  /** Records user request(s) already sent without asking (e.g. the key test made before the account existed). */
  noteSent(n: number, now: number): void {
    checkCount(n);
    if (n > 0) this.taken.push({ at: now, countFrom: now + this.delayMarginMs, n, background: false });
  }

  /** The provider said Retry-After: nothing (background or user) is taken before `untilMs`. */
  blockUntil(untilMs: number): void {
    if (untilMs > this.blockedUntilMs) this.blockedUntilMs = untilMs;
  }

  /**
   * The wall clock stepped back by `deltaMs` (< 0) to `now`: every take and the Retry-After block move
   * back with it, so what was taken 5 s ago still counts as 5 s ago — instead of entries dated in the
   * future holding the windows full (and a block in force) until the clock catches up.
   * Anything still dated after `now` is dropped.
   */
  clockSteppedBack(deltaMs: number, now: number): void {
    if (!(deltaMs < 0)) return;
    for (const t of this.taken) {
      t.at += deltaMs;
      t.countFrom += deltaMs;
    }
    this.taken = this.taken.filter((t) => t.at <= now);
    if (Number.isFinite(this.blockedUntilMs)) this.blockedUntilMs += deltaMs;
    for (const pace of this.paces ?? []) pace.dueAt += deltaMs;
  }

  /**
   * A poll the user asked for (refresh, a changed key or target list, resume): background pacing starts
   * afresh, so it goes out at once (up to the burst) instead of queueing behind the last cycle's pace.
   * The windows and their share still hold.
   */
  restartPacing(): void {
    for (const pace of this.paces ?? []) pace.dueAt = -Infinity;
  }

  isBlocked(now: number): boolean {
    return now < this.blockedUntilMs;
  }

  usage(now: number): BudgetUsage {
    this.expire(now);
    const windows = this.windows.map((w, i) => {
      let used = 0;
      let backgroundUsed = 0;
      for (const t of this.taken) {
        if (countsFrom(t) > now - w.windowMs) {
          used += t.n;
          if (t.background) backgroundUsed += t.n;
        }
      }
      return { windowMs: w.windowMs, max: w.max, backgroundMax: this.backgroundMax[i]!, used, backgroundUsed };
    });
    return now < this.blockedUntilMs ? { windows, blockedUntil: this.blockedUntilMs } : { windows };
  }

  private take(n: number, now: number, background: boolean, ticketed: boolean): Ticket | null {
    checkCount(n);
    if (n === 0) return NO_TICKET;
    if (now < this.blockedUntilMs) return null;
    this.expire(now);
    for (let i = 0; i < this.windows.length; i++) {
      const w = this.windows[i]!;
      const from = now - w.windowMs;
      let used = 0;
      let backgroundUsed = 0;
      for (const t of this.taken) {
        if (countsFrom(t) > from) {
          used += t.n;
          if (t.background) backgroundUsed += t.n;
        }
      }
      // Background requests also count against the full limit: the provider sees one stream.
      if (used + n > w.max) return null;
      if (background && backgroundUsed + n > this.backgroundMax[i]!) return null;
      if (background && this.paces && paceFreeAt(this.paces[i]!, n) > now) return null;
    }
    if (background && this.paces) {
      for (const pace of this.paces) pace.dueAt = Math.max(pace.dueAt, now) + n * pace.intervalMs;
    }
    const entry: Taken = { at: now, countFrom: ticketed ? Infinity : now + this.delayMarginMs, n, background };
    this.taken.push(entry);
    if (!ticketed) return NO_TICKET;
    return {
      done: (at) => {
        // Once only; an answer can never arrive before its request left.
        if (entry.countFrom === Infinity) entry.countFrom = Math.max(at, entry.at);
      },
    };
  }

  /**
   * When the requests matching `counts` inside a window of `windowMs` leave room
   * for n more under `limit`. A take at `at` stops counting at `at + windowMs`.
   */
  private freeAtFor(windowMs: number, limit: number, n: number, now: number, counts: (t: Taken) => boolean): number {
    if (n > limit) return Infinity;
    // A request still in flight is estimated to be answered now: a lower bound, so the caller
    // looks again then (and the poller is woken anyway when the answer comes).
    const end = (t: Taken) => (t.countFrom === Infinity ? Math.min(countsFrom(t), now) : t.countFrom);
    const inWindow = this.taken.filter((t) => counts(t) && countsFrom(t) > now - windowMs).sort((a, b) => end(a) - end(b));
    let excess = inWindow.reduce((s, t) => s + t.n, 0) + n - limit;
    if (excess <= 0) return now;
    for (const t of inWindow) {
      excess -= t.n;
      if (excess <= 0) return end(t) + windowMs;
    }
    return Infinity; // unreachable: n ≤ limit
  }

  private expire(now: number): void {
    // Entries are in send order but may be answered out of order: drop every one that no window counts.
    const from = now - this.longestMs;
    if (this.taken.some((t) => countsFrom(t) <= from)) this.taken = this.taken.filter((t) => countsFrom(t) > from);
  }
}

/** From when a take counts: its answer, or at the latest MAX_IN_FLIGHT_MS after sending. */
function countsFrom(t: Taken): number {
  return Math.min(t.countFrom, t.at + MAX_IN_FLIGHT_MS);
}

/** A take that needs no report (nothing sent, or counted with the delay margin). */
const NO_TICKET: Ticket = Object.freeze({ done: () => undefined });

/** When a window's pacing lets n more background requests go (GCRA: at most `burst` ahead of schedule). */
function paceFreeAt(pace: Pace, n: number): number {
  return pace.dueAt + (n - 1) * pace.intervalMs - pace.toleranceMs;
}

function checkCount(n: number): void {
  if (!(Number.isInteger(n) && n >= 0)) throw new RangeError(`request count must be a non-negative integer, got ${n}`);
}
