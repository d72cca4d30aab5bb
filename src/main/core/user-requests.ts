import type { Clock } from '../../shared/clock';
import type { AccountConfig } from '../../shared/model';
import type { AccountBudgets } from '../polling/account-budgets';
import type { Ticket } from '../monitor/rate-budget';
import type { AnyClient } from '../providers/module';
import { asProviderErrorInfo, CoreError, invalidRequest } from './core-errors';

/** How long a user action may wait for room in the budget before it is refused as rate limited. */
const USER_WAIT_MAX_MS = 10_000;
const USER_WAIT_SLICE_MS = 200;

/**
 * Requests the user asks for (session actions, Test, Discover): each takes room in its account's
 * budget (AccountBudgets, which polling takes from too), and one started with an operation id can be cancelled by it.
 */
export class UserRequests {
  private readonly ops = new Map<string, AbortController>();

  constructor(private readonly options: { clock: Clock; budgets: Pick<AccountBudgets, 'takeUser' | 'noteRateLimited'> }) {}

  /** Waits for room in the account's budget; refuses as rate_limited when none comes soon. */
  async waitForBudget(account: AccountConfig): Promise<Ticket> {
    const { clock, budgets } = this.options;
    // Waits in short slices and re-reads the clock each time, so a clock that moves on its own
    // (tests, a stepped wall clock) is followed; gives up after USER_WAIT_MAX_MS of either clock.
    const giveUpAt = clock.now() + USER_WAIT_MAX_MS;
    const realGiveUpAt = Date.now() + USER_WAIT_MAX_MS;
    for (;;) {
      const take = budgets.takeUser(account.id);
      if (take.ok) return take.ticket;
      if (!Number.isFinite(take.freeAt) || take.freeAt > giveUpAt || Date.now() > realGiveUpAt) break;
      await new Promise((resolve) => setTimeout(resolve, Math.min(USER_WAIT_SLICE_MS, Math.max(0, take.freeAt - clock.now()))));
    }
    const freeAt = budgets.takeUser(account.id);
    const retryAfterMs = freeAt.ok ? undefined : Math.max(0, freeAt.freeAt - clock.now());
    throw new CoreError('rate_limited', `The request budget of ${account.label} is used up for now; try again shortly.`, {
      provider: account.provider,
      ...(retryAfterMs !== undefined && Number.isFinite(retryAfterMs) ? { retryAfterMs } : {}),
    });
  }

  /** Runs one user request with `client` under the budget; cancellable by `opId` when given. */
  async run<T>(
    account: AccountConfig,
    client: AnyClient,
    fn: (client: AnyClient, signal: AbortSignal | undefined) => Promise<T>,
    opId?: string,
  ): Promise<T> {
    const { clock, budgets } = this.options;
    // The request counts against the budget until a window after its answer came back (ticket.done).
    const ticket = await this.waitForBudget(account);
    let controller: AbortController | undefined;
    if (opId !== undefined) {
      if (this.ops.has(opId)) {
        ticket.done(clock.now());
        throw invalidRequest(`opId: an operation with id "${opId}" is already running`);
      }
      controller = new AbortController();
      this.ops.set(opId, controller);
    }
    try {
      return await fn(client, controller?.signal);
    } catch (error) {
      if (controller?.signal.aborted) throw new CoreError('failed', 'Cancelled.');
      const info = asProviderErrorInfo(error);
      if (info?.kind === 'rate_limited') budgets.noteRateLimited(account.id, info.retryAfterMs);
      throw error;
    } finally {
      ticket.done(clock.now());
      if (opId !== undefined) this.ops.delete(opId);
    }
  }

  /** ops:cancel: false when no operation runs under this id. */
  cancel(opId: string): boolean {
    const controller = this.ops.get(opId);
    if (!controller) return false;
    controller.abort();
    return true;
  }

  /** Quitting: every running operation is aborted. */
  abortAll(): void {
    for (const controller of this.ops.values()) controller.abort();
  }
}
