import type { SeriesRef } from '../../shared/series-ref';

/**
 * The key a series is stored under: in history (history.bin, its journal, an old history.json),
 * in the alert engine's saved state (alerts.json) and in default alert rule ids. "*" is the grand
 * total, an account's total is its id, a target is "<account id>/<target id>".
 *
 * Files written before typed references hold these same keys, so they load as they are. Account
 * ids are escaped ('%', '/' and '*' become %25, %2F, %2A) so that any id, whatever it holds, gets a
 * key of its own; the ids Pulsebar generates hold none of these characters, so their keys are what
 * they always were. A key is only ever built from a SeriesRef, never parsed back into one.
 */
export function seriesKey(ref: SeriesRef): string {
  switch (ref.type) {
    case 'total':
      return '*';
    case 'account':
      return escapeAccountId(ref.accountId);
    case 'target':
      return `${escapeAccountId(ref.accountId)}/${ref.targetId}`;
  }
}

/** Whether `key` is the account's total or one of its targets (the series to forget with the account). */
export function isAccountSeriesKey(key: string, accountId: string): boolean {
  const own = escapeAccountId(accountId);
  return key === own || key.startsWith(`${own}/`);
}

function escapeAccountId(accountId: string): string {
  return accountId.replace(/[%/*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * While demo mode is on, the grand total ("*") is what the window shows, demo accounts included;
 * this series follows the user's own accounts alone and becomes the grand total when demo is
 * turned off (demo-total.ts). '*' never appears unescaped in an account's key, so it is no account's.
 */
export const OWN_TOTAL_KEY = '*own';
