/**
 * Native notifications for fired alerts: one per alert, or one grouped
 * notification when several fire in the same poll cycle. Silenced events
 * (quiet hours, pause) are recorded elsewhere but never notified here.
 */
import type { AlertEvent, AlertScope } from '../../shared/alerts';
import type { NotificationRequest, NotifierPort } from '../core/ports';

export type NotificationTarget = { accountId: string; targetId?: string };

export function scopeTarget(scope: AlertScope): NotificationTarget | undefined {
  switch (scope.type) {
    case 'target':
      return { accountId: scope.accountId, targetId: scope.targetId };
    case 'account':
      return { accountId: scope.accountId };
    case 'total':
      return undefined;
  }
}

/** At most this many alerts are spelled out in a grouped notification body. */
const GROUP_LINES = 4;

/** The notification for one cycle's events, or null when nothing should be shown. */
/** Most specific first: one script's spike says more than the totals it also moved. */
const SCOPE_ORDER: Record<AlertScope['type'], number> = { target: 0, account: 1, total: 2 };

export function notificationFor(events: readonly AlertEvent[]): NotificationRequest | null {
  const shown = events.filter((e) => !e.silenced).sort((a, b) => SCOPE_ORDER[a.scope.type] - SCOPE_ORDER[b.scope.type]);
  const first = shown[0];
  if (!first) return null;
  if (shown.length === 1) {
    const request: NotificationRequest = { title: first.subject, body: first.message };
    const target = scopeTarget(first.scope);
    if (target) request.target = target;
    return request;
  }
  const lines = shown.slice(0, GROUP_LINES).map((e) => `${e.subject}: ${e.message}`);
  if (shown.length > GROUP_LINES) lines.push(`…and ${shown.length - GROUP_LINES} more`);
  const request: NotificationRequest = {
    title: `${shown.length} alerts`,
    body: lines.join('\n'),
  };
  // A group about one account opens that account; a mixed group opens the dashboard.
  const accounts = new Set(shown.map((e) => scopeTarget(e.scope)?.accountId ?? '*'));
  const only = [...accounts][0];
  if (accounts.size === 1 && only !== undefined && only !== '*') request.target = { accountId: only };
  return request;
}

export interface AlertNotifier {
  /** Called once per poll cycle with that cycle's events. */
  notify(events: readonly AlertEvent[]): void;
}

export function createAlertNotifier(options: {
  notifier: NotifierPort;
  /** Read on every call: turning notifications off in settings takes effect at once. */
  enabled: () => boolean;
  onClick: (target: NotificationTarget | undefined) => void;
}): AlertNotifier {
  return {
    notify(events) {
      if (!options.enabled()) return;
      const request = notificationFor(events);
      if (!request) return;
      const target = request.target;
      options.notifier.notify(request, () => options.onClick(target));
    },
  };
}
