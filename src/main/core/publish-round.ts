import type { AlertEvent } from '../../shared/alerts';
import type { MonitorSnapshot } from '../../shared/ipc-contract';
import type { ChannelService } from '../alerts/channels/channel-service';
import type { AlertNotifier } from '../alerts/notifications';
import { buildTrayModel } from '../tray/tray-model';
import type { EventListener, TrayPort } from './ports';

export interface RoundOutputs {
  emit: EventListener;
  notifier: AlertNotifier;
  channels: Pick<ChannelService, 'deliver'>;
  tray?: TrayPort;
  /** Where alerts stand at this moment: paused (until a time) and inside quiet hours. */
  alertMood: () => { paused: boolean; quiet: boolean };
  recentAlerts: () => readonly AlertEvent[];
  now: () => number;
}

/**
 * The last step of a poll round (MonitorService.commit hands it over): the snapshot to the window,
 * fired alerts to the window, the desktop and the alert channels, and the tray rebuilt.
 */
export function publishRound(out: RoundOutputs, snapshot: MonitorSnapshot, fired: AlertEvent[]): void {
  out.emit('monitor:update', snapshot);
  if (fired.length > 0) {
    out.emit('alerts:fired', fired);
    out.notifier.notify(fired);
    out.channels.deliver(fired, out.alertMood());
  }
  out.tray?.update(buildTrayModel(snapshot, { recentAlerts: out.recentAlerts(), now: out.now() }));
}
