import path from 'node:path';
import type { Clock } from '../../shared/clock';
import type { AccountConfig } from '../../shared/model';
import { RulesAlertEngine } from '../alerts/alert-engine';
import { ChannelService, type ChannelServiceOptions } from '../alerts/channels/channel-service';
import { createAlertNotifier, type AlertNotifier, type NotificationTarget } from '../alerts/notifications';
import type { LocalMinutes } from '../monitor/quiet-hours';
import type { SecretStore } from '../secrets';
import type { SettingsStore } from '../settings';
import type { EventListener, NotifierPort } from './ports';

export interface AlertSideOptions {
  configDir: string;
  clock: Clock;
  settingsStore: SettingsStore;
  secrets: SecretStore;
  accounts: () => AccountConfig[];
  pausedUntil: () => number | null;
  localMinutes?: LocalMinutes;
  channelDelivery?: ChannelServiceOptions['delivery'];
  notifier: NotifierPort;
  /** A notification was clicked: open the window on its subject. */
  navigate: (target: NotificationTarget | undefined) => void;
  emit: EventListener;
}

/** The alert rules over history (alerts.json), the outside channels and desktop notifications, wired to settings. */
export function createAlertSide(o: AlertSideOptions): { alertEngine: RulesAlertEngine; channels: ChannelService; notifier: AlertNotifier } {
  const settings = () => o.settingsStore.get();
  const alertEngine = new RulesAlertEngine({
    rules: () => settings().alerts.rules,
    accounts: o.accounts,
    quietHours: () => settings().alerts.quietHours,
    pausedUntil: o.pausedUntil,
    ...(o.localMinutes ? { localMinutes: o.localMinutes } : {}),
    file: path.join(o.configDir, 'alerts.json'),
  });
  // Alerts beyond the desktop (Discord, webhook, ntfy): queued in the background, never awaited here.
  const channels = new ChannelService({
    channels: () => settings().channels,
    save: async (next) => void (await o.settingsStore.update((s) => ({ ...s, channels: next }))),
    secrets: o.secrets,
    now: () => o.clock.now(),
    ...(o.channelDelivery ? { delivery: o.channelDelivery } : {}),
    onStatus: (id, status) => o.emit('channels:status', { id, status }),
  });
  const notifier = createAlertNotifier({ notifier: o.notifier, enabled: () => settings().notifications, onClick: o.navigate });
  return { alertEngine, channels, notifier };
}
