import { plural } from '../../shared/plural';

/**
 * Who a bulk action reaches. `ids`: the sessions the user selected (LuaAuth acts on exactly these).
 * `scope`: a LuaProt hub or key — LuaProt acts on everyone in it, whatever the list is filtered to, so
 * `shown` (the rows the filtered list shows, when that differs) is quoted next to the real count.
 */
export type BulkScope =
  | { kind: 'ids'; count: number }
  | { kind: 'scope'; label: string; count: number | null; shown?: number | null };

/** "the 43 selected sessions" · "everyone in hub X — 5,000 sessions (the list shows a filter of 501)". */
export function scopeInWords(s: BulkScope): string {
  if (s.kind === 'ids') return `the ${s.count.toLocaleString()} selected session${s.count === 1 ? '' : 's'}`;
  if (s.count == null) return `every session in ${s.label}`;
  return `everyone in ${s.label} — ${plural(s.count, 'session')}${filterNote(s) ?? ''}`;
}

function filterNote(s: Extract<BulkScope, { kind: 'scope' }>): string | null {
  return s.shown != null && s.shown !== s.count ? ` (the list shows a filter of ${s.shown.toLocaleString()})` : null;
}

/**
 * The list is filtered to fewer rows than the action reaches: the user must say they mean everyone
 * before sending (a checkbox in the review with this label), since LuaProt cannot act on the filter.
 */
export function scopeAcknowledgement(s: BulkScope): string | null {
  if (s.kind !== 'scope' || s.shown == null || s.count == null || s.shown === s.count) return null;
  return `Yes, everyone in ${s.label} (${s.count.toLocaleString()}), not only the ${s.shown.toLocaleString()} shown`;
}
