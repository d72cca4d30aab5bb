import type { AccountStatus } from '../../shared/ipc-contract';
import type { MonitorService } from './monitor-service';

type Explanation = NonNullable<AccountStatus['explanation']>;

const NO_KEY: Explanation = {
  title: 'No API key is stored for this account.',
  advice: 'Edit the account and enter its key again.',
};

/**
 * The one writer of account status: the poller's statuses (each change, and every finished cycle's
 * before its result) and the accounts that cannot be polled at all (no key, a key or URL the client
 * refuses) reach the monitor only through here, and statusOf is the one rule for what an account shows.
 */
export class AccountStatuses {
  /** Accounts that cannot be polled, with the reason in words. */
  private readonly unpollable = new Map<string, Explanation>();

  constructor(private readonly options: { monitor: () => MonitorService | null }) {}

  /** A status from polling (the poller's onStatus). */
  publish(status: AccountStatus): void {
    this.options.monitor()?.setStatus(status);
  }

  /** This account cannot be polled; `why` defaults to "no key stored". */
  markUnpollable(accountId: string, why: Explanation = NO_KEY): void {
    this.unpollable.set(accountId, why);
  }

  /** Before the accounts are synced again: every account gets another chance. */
  clearUnpollable(): void {
    this.unpollable.clear();
  }

  /** Shows every unpollable account as such (after a sync). */
  publishUnpollable(): void {
    for (const id of this.unpollable.keys()) this.publish(this.statusOf(id, null, false));
  }

  /** What an account shows: unpollable, else what polling said, else idle (or paused). */
  statusOf(accountId: string, polled: AccountStatus | null, paused: boolean): AccountStatus {
    const why = this.unpollable.get(accountId);
    if (why) {
      return { accountId, state: 'unauthorized', lastSuccessAt: null, lastAttemptAt: null, nextPollAt: null, error: null, explanation: why };
    }
    return (
      polled ?? {
        accountId,
        state: paused ? 'paused' : 'idle',
        lastSuccessAt: null,
        lastAttemptAt: null,
        nextPollAt: null,
        error: null,
        explanation: null,
      }
    );
  }
}
