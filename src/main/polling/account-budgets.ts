import type { Clock } from '../../shared/clock';
import type { AccountConfig } from '../../shared/model';
import { RateBudget, type Ticket } from '../monitor/rate-budget';
import { rateWindowsOf, sameRateWindows } from '../providers/assumption-registry';
import type { ProviderModule } from '../providers/module';

/** How long a user action's 429 without a Retry-After blocks the account. */
const DEFAULT_RETRY_AFTER_MS = 5_000;

export interface AccountBudgetsOptions {
  clock: Clock;
  /** Background share of each rate window (default 0.5). */
  share?: number;
  /** A Retry-After block moved an account's schedule: whoever drives polling looks again. */
  onBlocked?: (accountId: string) => void;
}

/**
 * Every account's RateBudget, the one object polling and user actions both take requests from:
 * the poller takes its job tickets here, user actions (UserRequests, Test/Discover, the key test
 * of accounts:add) take and note theirs here, so a window counts both.
 *
 * It also follows the wall clock for the budgets: a step back moves every budget's entries back
 * with it, whichever side looks first (the poller passes its readings in through followClock).
 */
export class AccountBudgets {
  private readonly budgets = new Map<string, RateBudget>();
  /** The latest clock reading, to notice the wall clock stepping back. */
  private lastSeen: number | null = null;

  constructor(private readonly options: AccountBudgetsOptions) {}

  /**
   * The account's budget from its own rate limits (a setting) or its provider module's. A budget with
   * the same limits is kept (what it counted still counts); changed limits replace it.
   */
  set(config: AccountConfig, module: ProviderModule): RateBudget {
    const windows = rateWindowsOf(config, module);
    const existing = this.budgets.get(config.id);
    if (existing && sameRateWindows(existing.windows, windows)) return existing;
    const share = this.options.share;
    const budget = RateBudget.forProvider(config.provider, { ...(share !== undefined ? { share } : {}), windows });
    this.budgets.set(config.id, budget);
    return budget;
  }

  get(accountId: string): RateBudget | undefined {
    return this.budgets.get(accountId);
  }

  /** The account is gone: what it counted goes with it. */
  drop(accountId: string): void {
    this.budgets.delete(accountId);
  }

  /**
   * The clock reads `now`. Stepping back (NTP, a manual change) would leave every entry and
   * Retry-After block in the future, holding the windows full until the clock caught up, so they
   * move back with it.
   */
  followClock(now: number): number {
    const last = this.lastSeen;
    this.lastSeen = now;
    if (last !== null && now < last) for (const budget of this.budgets.values()) budget.clockSteppedBack(now - last, now);
    return now;
  }

  /**
   * A user action: may use the whole budget (the other half is theirs). Takes it when it fits now,
   * else says when it will. The ticket says when the answer came back (`done(clock.now())`), so the
   * request counts until a window after that; one never reported stops counting MAX_IN_FLIGHT_MS later.
   * An account without a budget (not polled) is not limited here.
   */
  takeUser(accountId: string, n = 1): { ok: true; ticket: Ticket } | { ok: false; freeAt: number } {
    const now = this.followClock(this.options.clock.now());
    const budget = this.budgets.get(accountId);
    if (!budget) return { ok: true, ticket: { done: () => undefined } };
    const ticket = budget.tryStart(n, now, { user: true });
    if (ticket) return { ok: true, ticket };
    return { ok: false, freeAt: budget.nextFreeAt(n, now, { user: true }) };
  }

  /** User request(s) already sent outside the budget (the key test when adding): they still count. */
  noteUserSent(accountId: string, n = 1): void {
    const now = this.followClock(this.options.clock.now());
    this.budgets.get(accountId)?.noteSent(n, now);
  }

  /** A user action got a 429: the whole account, polling too, respects the Retry-After. */
  noteRateLimited(accountId: string, retryAfterMs: number | undefined): void {
    const budget = this.budgets.get(accountId);
    if (!budget) return;
    const now = this.followClock(this.options.clock.now());
    budget.blockUntil(now + (retryAfterMs ?? DEFAULT_RETRY_AFTER_MS));
    this.options.onBlocked?.(accountId);
  }
}
