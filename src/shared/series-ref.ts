/**
 * What a count series is about: the grand total, one account's total, or one target of one
 * account. The one shape for history queries (monitor:history, monitor:insights), tray items,
 * alert scopes (AlertScope is this type) and the series kept in history. Ids travel as they are,
 * so an account or target id may hold any character (':' and '/' included); nothing is ever
 * parsed back out of a string.
 *
 * The discriminant is `type`, as AlertScope has always had it in settings.json: one shape, and
 * saved alert rules load unchanged.
 */
export type SeriesRef =
  | { type: 'total' }
  | { type: 'account'; accountId: string }
  | { type: 'target'; accountId: string; targetId: string };

export const TOTAL_SERIES: SeriesRef = Object.freeze({ type: 'total' });

export function accountSeries(accountId: string): SeriesRef {
  return { type: 'account', accountId };
}

export function targetSeries(accountId: string, targetId: string): SeriesRef {
  return { type: 'target', accountId, targetId };
}


/**
 * A string naming the series for React keys and <select> values (JSON of its parts, so it is
 * unambiguous whatever the ids hold). An identity only: look the series up by it, never parse it.
 */
export function seriesIdentity(ref: SeriesRef): string {
  return JSON.stringify(ref.type === 'total' ? [ref.type] : ref.type === 'account' ? [ref.type, ref.accountId] : [ref.type, ref.accountId, ref.targetId]);
}
