/**
 * The panel's "at a glance": which targets moved most over the last hour, which alerts fired in it,
 * and whether demo (simulated) users are inside a total. Computed once per snapshot in main, so the
 * window, and any other view of the snapshot, shows the same facts (issue 10: display state in main).
 */
import type { AlertEvent } from '../../shared/alerts';
import type { AccountLive, Glance, GlanceChange } from '../../shared/ipc-contract';
import { PROVIDERS, type ProviderId } from '../../shared/model';

/** "What changed" looks this far back. */
export const GLANCE_WINDOW_MS = 60 * 60_000;
/** At most this many targets in "what changed" (the panel has room for a few lines, our choice)... */
export const GLANCE_MAX_CHANGES = 5;
/** ...and this many alerts, newest first. */
export const GLANCE_MAX_ALERTS = 5;

export interface GlanceInput {
  now: number;
  accounts: readonly AccountLive[];
  /** A target's count an hour ago (the last sample at or before it), undefined when history has none that old. */
  countAt: (accountId: string, targetId: string, at: number) => number | undefined;
  alerts: readonly AlertEvent[];
}

export function computeGlance({ now, accounts, countAt, alerts }: GlanceInput): Glance {
  const since = now - GLANCE_WINDOW_MS;
  const changes: GlanceChange[] = [];
  const demoInProvider = Object.fromEntries(PROVIDERS.map((p) => [p, false])) as Record<ProviderId, boolean>;
  for (const a of accounts) {
    // A stale account is not live: its last count is no change "now", and it is out of the totals.
    if (a.stale || a.total === null) continue;
    if (a.account.demo) demoInProvider[a.account.provider] = true;
    const own = new Set(a.targets.map((t) => t.id));
    // A project's scripts move on their own (a script also watched on its own is listed once).
    const targets = a.targets.flatMap((t) => [t, ...(t.children ?? []).filter((c) => !own.has(c.id))]);
    for (const t of targets) {
      if (t.count === null) continue;
      // No sample an hour old (a new target, a fresh start): the oldest of the last hour stands in.
      const before = countAt(a.account.id, t.id, since) ?? t.sparkline[0];
      if (before === undefined || before === t.count) continue;
      changes.push({
        accountId: a.account.id,
        accountLabel: a.account.label,
        targetId: t.id,
        label: t.label,
        demo: a.account.demo,
        before,
        now: t.count,
        delta: t.count - before,
      });
    }
  }
  changes.sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || x.label.localeCompare(y.label));
  const fired = alerts
    .filter((e) => e.at >= since && e.at <= now)
    .sort((x, y) => y.at - x.at)
    .slice(0, GLANCE_MAX_ALERTS)
    .map((e) => ({ id: e.id, at: e.at, subject: e.subject, message: e.message, silenced: e.silenced }));
  return {
    since,
    changes: changes.slice(0, GLANCE_MAX_CHANGES),
    alerts: fired,
    demoInTotal: PROVIDERS.some((p) => demoInProvider[p]),
    demoInProvider,
  };
}
