import type { ProviderId } from '../../shared/model';

/**
 * Request budget of one provider account: one or more sliding windows that must
 * all hold. Background polling may only use `share` of each window so the user's
 * own actions (message, disconnect, paging a session list) always find room;
 * user actions may use the full limit through `tryTakeUser`.
 *
 * Pure bookkeeping: time is always passed in, nothing is scheduled here.
 */

export interface RateWindow {
  /** Requests allowed per window. */
  max: number;
  windowMs: number;
}

/** LuaProt documents 20 requests per 10 s AND 60 per minute. */
export const LUAPROT_RATE_WINDOWS: readonly RateWindow[] = Object.freeze([
  { max: 20, windowMs: 10_000 },
  { max: 60, windowMs: 60_000 },
]);

/** LuaAuth documents 50 requests per second (some routes stricter; the 429 back-off covers those). */
export const LUAAUTH_RATE_WINDOWS: readonly RateWindow[] = Object.freeze([{ max: 50, windowMs: 1_000 }]);

/** Junkie answers 429 but publishes no numbers: stay conservative until told otherwise (configurable). */
export const JUNKIE_RATE_WINDOWS: readonly RateWindow[] = Object.freeze([{ max: 60, windowMs: 60_000 }]);

export const PROVIDER_RATE_WINDOWS: Readonly<Record<ProviderId, readonly RateWindow[]>> = Object.freeze({
  junkie: JUNKIE_RATE_WINDOWS,
  luaprot: LUAPROT_RATE_WINDOWS,
  luaauth: LUAAUTH_RATE_WINDOWS,
});

/** Fraction of each window background polling may use. */
export const DEFAULT_BACKGROUND_SHARE = 0.5;

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
  at: number;
  n: number;
  background: boolean;
}

export class RateBudget {
  readonly windows: readonly RateWindow[];
  readonly share: number;
  private readonly backgroundMax: readonly number[];
  private readonly longestMs: number;
  /** Takes in time order (after a clock step backwards, `clockSteppedBack` moves them with it). */
  private taken: Taken[] = [];
  private blockedUntilMs = -Infinity;

  constructor(windows: readonly RateWindow[], options: { share?: number } = {}) {
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
  }

  /** Budget with the documented (or conservative) limits of a provider. */
  static forProvider(provider: ProviderId, options: { share?: number; windows?: readonly RateWindow[] } = {}): RateBudget {
    return new RateBudget(options.windows ?? PROVIDER_RATE_WINDOWS[provider], { share: options.share });
  }

  /** Background (polling) request(s): taken only if they fit every window's share. */
  tryTake(n: number, now: number): boolean {
    return this.take(n, now, true);
  }

  /** User-initiated request(s): may use each window's full limit. */
  tryTakeUser(n: number, now: number): boolean {
    return this.take(n, now, false);
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
      }
    }
    return at;
  }

  /** Records user request(s) already sent without asking (e.g. the key test made before the account existed). */
  noteSent(n: number, now: number): void {
    checkCount(n);
    if (n > 0) this.taken.push({ at: now, n, background: false });
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
    for (const t of this.taken) t.at += deltaMs;
    this.taken = this.taken.filter((t) => t.at <= now);
    if (Number.isFinite(this.blockedUntilMs)) this.blockedUntilMs += deltaMs;
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
        if (t.at > now - w.windowMs) {
          used += t.n;
          if (t.background) backgroundUsed += t.n;
        }
      }
      return { windowMs: w.windowMs, max: w.max, backgroundMax: this.backgroundMax[i]!, used, backgroundUsed };
    });
    return now < this.blockedUntilMs ? { windows, blockedUntil: this.blockedUntilMs } : { windows };
  }

  private take(n: number, now: number, background: boolean): boolean {
    checkCount(n);
    if (n === 0) return true;
    if (now < this.blockedUntilMs) return false;
    this.expire(now);
    for (let i = 0; i < this.windows.length; i++) {
      const w = this.windows[i]!;
      const from = now - w.windowMs;
      let used = 0;
      let backgroundUsed = 0;
      for (const t of this.taken) {
        if (t.at > from) {
          used += t.n;
          if (t.background) backgroundUsed += t.n;
        }
      }
      // Background requests also count against the full limit: the provider sees one stream.
      if (used + n > w.max) return false;
      if (background && backgroundUsed + n > this.backgroundMax[i]!) return false;
    }
    this.taken.push({ at: now, n, background });
    return true;
  }

  /**
   * When the requests matching `counts` inside a window of `windowMs` leave room
   * for n more under `limit`. A take at `at` stops counting at `at + windowMs`.
   */
  private freeAtFor(windowMs: number, limit: number, n: number, now: number, counts: (t: Taken) => boolean): number {
    if (n > limit) return Infinity;
    const inWindow = this.taken.filter((t) => counts(t) && t.at > now - windowMs).sort((a, b) => a.at - b.at);
    let excess = inWindow.reduce((s, t) => s + t.n, 0) + n - limit;
    if (excess <= 0) return now;
    for (const t of inWindow) {
      excess -= t.n;
      if (excess <= 0) return t.at + windowMs;
    }
    return Infinity; // unreachable: n ≤ limit
  }

  private expire(now: number): void {
    const from = now - this.longestMs;
    let drop = 0;
    while (drop < this.taken.length && this.taken[drop]!.at <= from) drop++;
    if (drop > 0) this.taken.splice(0, drop);
  }
}

function checkCount(n: number): void {
  if (!(Number.isInteger(n) && n >= 0)) throw new RangeError(`request count must be a non-negative integer, got ${n}`);
}
