import type { AccountLive, MonitorSnapshot } from '../../shared/ipc-contract';

/** Accounts whose last count is shown but left out of the totals (main decides: AccountLive.stale). */
export function notLiveAccounts(snapshot: MonitorSnapshot): AccountLive[] {
  return snapshot.accounts.filter((a) => a.stale === true && a.total != null);
}

/** The grand total, or null when every account with a count is stale: nothing live is not a zero. */
export function liveTotal(snapshot: MonitorSnapshot): number | null {
  const withCount = snapshot.accounts.filter((a) => a.total != null);
  return withCount.length > 0 && withCount.every((a) => a.stale === true) ? null : snapshot.total;
}
