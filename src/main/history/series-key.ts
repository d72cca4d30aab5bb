import type { AlertScope } from '../../shared/alerts';

/**
 * Keys of the count series kept in history and watched by alert rules.
 * A target is `${accountId}/${targetId}`, an account total is its id, the grand total is `*`.
 */
export const TOTAL_KEY = '*';

export function targetKey(accountId: string, targetId: string): string {
  return `${accountId}/${targetId}`;
}

export function accountKey(accountId: string): string {
  return accountId;
}

export function scopeKey(scope: AlertScope): string {
  switch (scope.type) {
    case 'target':
      return targetKey(scope.accountId, scope.targetId);
    case 'account':
      return accountKey(scope.accountId);
    case 'total':
      return TOTAL_KEY;
  }
}
