import type { AccountLive, MonitorSnapshot } from '../../shared/ipc-contract';

/** Accounts whose last count is shown but left out of the totals (main decides: AccountLive.stale). */
export function notLiveAccounts(snapshot: MonitorSnapshot): AccountLive[] {
  return snapshot.accounts.filter((a) => a.stale === true && a.total != null);
}
