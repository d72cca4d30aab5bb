import type { AlertEvent } from '../../../shared/alerts';
import type { ChannelConfig } from './channel-config';

/**
 * Which of one cycle's alerts each channel gets. Pure: kinds and scopes the user chose, quiet
 * hours unless the channel ignores them, nothing at all while alerts are paused.
 */

export interface RouteContext {
  /** Alerts are paused (tray "Pause alerts"): channels stay silent too. */
  paused: boolean;
  /** It is quiet hours now: `silenced` events reach only channels that ignore quiet hours. */
  quiet: boolean;
}

function accountOf(event: AlertEvent): string | undefined {
  return event.scope.type === 'total' ? undefined : event.scope.accountId;
}

export function wants(channel: ChannelConfig, event: AlertEvent): boolean {
  if (!channel.kinds.includes(event.kind)) return false;
  if (!channel.scopeTypes.includes(event.scope.type)) return false;
  const account = accountOf(event);
  return account === undefined || channel.accountIds.length === 0 || channel.accountIds.includes(account);
}

export function routeAlerts(channels: readonly ChannelConfig[], events: readonly AlertEvent[], context: RouteContext): Map<string, AlertEvent[]> {
  const routes = new Map<string, AlertEvent[]>();
  if (context.paused) return routes;
  for (const channel of channels) {
    if (!channel.enabled) continue;
    const mine = events.filter((e) => wants(channel, e) && (!e.silenced || (context.quiet && !channel.respectQuietHours)));
    if (mine.length > 0) routes.set(channel.id, mine);
  }
  return routes;
}
