import type { NotificationTarget } from '../alerts/notifications';
import { parseTrayItem, TRAY_ACTIONS } from '../tray/tray-model';

/** How long "Pause alerts" in the tray pauses them. */
export const ALERT_PAUSE_TRAY_MINUTES = 60;

export interface TrayRoutes {
  navigate(target: NotificationTarget): void;
  refresh(): void;
  pauseAlerts(minutes: number | null): void;
  openWindow(): void;
  quit(): void;
}

/** A tray menu click: an account or target opens the window on it; the rest are commands. */
export function routeTrayAction(id: string, routes: TrayRoutes): void {
  const item = parseTrayItem(id);
  if (item.type === 'account') return routes.navigate({ accountId: item.accountId });
  if (item.type === 'target') return routes.navigate({ accountId: item.accountId, targetId: item.targetId });
  switch (item.action) {
    case TRAY_ACTIONS.refresh:
      return routes.refresh();
    case TRAY_ACTIONS.pauseAlerts:
      return routes.pauseAlerts(ALERT_PAUSE_TRAY_MINUTES);
    case TRAY_ACTIONS.resumeAlerts:
      return routes.pauseAlerts(null);
    case TRAY_ACTIONS.open:
      return routes.openWindow();
    case TRAY_ACTIONS.quit:
      return routes.quit();
  }
}
