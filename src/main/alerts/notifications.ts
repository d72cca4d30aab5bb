/**
 * Native notifications for fired alerts: one per poll cycle, naming each scope once
 * (the strongest rule, the others briefly). Silenced events
 * (quiet hours, pause) are recorded elsewhere but never notified here.
 */
import { summarizeCycle } from '../../shared/alert-digest';
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

/**
 * The notification for one cycle's events, or null when nothing should be shown: one per cycle, one line
 * per scope, several rules of one scope told once (src/shared/alert-digest.ts, shared with the window's notice).
 */
export function notificationFor(events: readonly AlertEvent[]): NotificationRequest | null {
  const summary = summarizeCycle(events);
  if (!summary) return null;
  const request: NotificationRequest = { title: summary.title, body: summary.body };
  // One scope opens its target or account; a group about one account opens that account; a mixed group the dashboard.
  if (summary.digests.length === 1) {
    const target = scopeTarget(summary.digests[0]!.scope);
    if (target) request.target = target;
    return request;
  }
  const accounts = new Set(summary.digests.map((d) => scopeTarget(d.scope)?.accountId ?? '*'));
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
