import type { NotificationTarget } from '../alerts/notifications';
import type { TrayCommand } from './ports';

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
export function routeTrayAction(command: TrayCommand, routes: TrayRoutes): void {
  switch (command.type) {
    case 'show': {
      const { series } = command;
      return routes.navigate(series.type === 'target' ? { accountId: series.accountId, targetId: series.targetId } : { accountId: series.accountId });
    }
    case 'refresh':
      return routes.refresh();
    case 'pause-alerts':
      return routes.pauseAlerts(ALERT_PAUSE_TRAY_MINUTES);
    case 'resume-alerts':
      return routes.pauseAlerts(null);
    case 'open':
      return routes.openWindow();
    case 'quit':
      return routes.quit();
  }
}
