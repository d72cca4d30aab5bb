/**
 * What the tray and the window print as totals: the one home of "nothing live ⇒ a dash, not a zero".
 * Computed once per snapshot by main's monitor service (MonitorSnapshot.live); the tray and the renderer
 * only format that field. It sits in shared so renderer test fixtures build snapshots by the same rule.
 */
import type { AccountLive, LiveTotals, MonitorSnapshot } from './ipc-contract';
import type { ProviderId } from './model';

/**
 * `total` is null when every account that has a count is stale (nothing live is not a zero); with no count
 * at all yet it stays the (zero) sum. A provider's total is null when none of its accounts is live, and is
 * left out when it has no account (the window lists providers that have accounts only).
 */
export function liveTotals(parts: Pick<MonitorSnapshot, 'total' | 'byProvider' | 'accounts'>): LiveTotals {
  const withCount = parts.accounts.filter((a) => a.total !== null);
  const total = withCount.length > 0 && withCount.every((a) => a.stale) ? null : parts.total;
  const byProvider: Partial<Record<ProviderId, number | null>> = {};
  for (const provider of Object.keys(parts.byProvider) as ProviderId[]) {
    const mine: AccountLive[] = parts.accounts.filter((a) => a.account.provider === provider);
    if (mine.length === 0) continue;
    byProvider[provider] = mine.some((a) => !a.stale) ? parts.byProvider[provider] : null;
  }
  return { total, byProvider };
}
