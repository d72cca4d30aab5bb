import type { AlertEvent, AlertScope } from './alerts';

/**
 * One poll cycle's alerts, told once. Several rules often fire together for the same scope (a spike trips
 * "rise" and "new all-time high" in the same poll); the user gets ONE notice in the window and ONE OS
 * notification that names the strongest rule and the others briefly. Main's notifier and the renderer's
 * notice both read this, so they always agree.
 */

/** The alerts of one scope in one cycle: the strongest first, the others named briefly. */
export interface ScopeDigest {
  scope: AlertScope;
  subject: string;
  strongest: AlertEvent;
  others: AlertEvent[];
}

export interface CycleSummary {
  title: string;
  /** One line per scope, at most DIGEST_LINES, then "…and N more". */
  body: string;
  digests: ScopeDigest[];
}

/** At most this many scopes are spelled out in one notification body. */
export const DIGEST_LINES = 4;

/** Most specific first: one script's spike says more than the totals it also moved. */
const SCOPE_ORDER: Record<AlertScope['type'], number> = { target: 0, account: 1, total: 2 };

const scopeId = (scope: AlertScope): string =>
  scope.type === 'total' ? 'total' : scope.type === 'account' ? `account\u0000${scope.accountId}` : `target\u0000${scope.accountId}\u0000${scope.targetId}`;

/**
 * How strong an alert is: its relative change against what it compared with (a rise from 40 to 80 is 1.0, a
 * fall to zero is 1.0, a threshold barely crossed is small). Assumption (not in the seeds): relative change
 * is the fairest common measure across rule kinds; ties keep the rules' own order.
 */
export const strength = (e: AlertEvent): number => Math.abs(e.value - e.reference) / Math.max(e.reference, 1);

/** A few words naming a rule that also fired: "(also: new all-time high, a drop)". */
export function ruleWords(e: AlertEvent): string {
  switch (e.kind) {
    case 'rise':
      return 'a rise';
    case 'drop':
      return e.value === 0 ? 'a fall to zero' : 'a drop';
    case 'threshold':
      return e.value >= e.reference ? `above ${e.reference}` : `below ${e.reference}`;
    case 'all_time_high':
      return 'new all-time high';
  }
}

/** Groups the shown (not silenced) alerts by scope, most specific scope first. */
export function digestByScope(events: readonly AlertEvent[]): ScopeDigest[] {
  const groups = new Map<string, AlertEvent[]>();
  for (const e of events) {
    if (e.silenced) continue;
    const id = scopeId(e.scope);
    const group = groups.get(id);
    if (group) group.push(e);
    else groups.set(id, [e]);
  }
  return [...groups.values()]
    .map((group) => {
      // Stable sort: equally strong rules keep the order they fired in.
      const [strongest, ...others] = [...group].sort((a, b) => strength(b) - strength(a));
      return { scope: strongest!.scope, subject: strongest!.subject, strongest: strongest!, others };
    })
    .sort((a, b) => SCOPE_ORDER[a.scope.type] - SCOPE_ORDER[b.scope.type]);
}

/** "Users rose 100 % (+40) to 80 in 10 min (also: new all-time high)". */
export function digestMessage(d: ScopeDigest): string {
  const also = [...new Set(d.others.map(ruleWords))];
  return also.length > 0 ? `${d.strongest.message} (also: ${also.join(', ')})` : d.strongest.message;
}

/** The one notification (and window notice) for a cycle's alerts; null when nothing is to be shown. */
export function summarizeCycle(events: readonly AlertEvent[]): CycleSummary | null {
  const digests = digestByScope(events);
  const first = digests[0];
  if (!first) return null;
  if (digests.length === 1) return { title: first.subject, body: digestMessage(first), digests };
  const lines = digests.slice(0, DIGEST_LINES).map((d) => `${d.subject}: ${digestMessage(d)}`);
  if (digests.length > DIGEST_LINES) lines.push(`…and ${digests.length - DIGEST_LINES} more`);
  return { title: `${digests.length} alerts`, body: lines.join('\n'), digests };
}

/** The window's one notice for a cycle: the notification's title and body on one line. */
export function noticeText(summary: CycleSummary): string {
  return `${summary.title}: ${summary.body.split('\n').join(' · ')}`;
}
