import type { History } from '../history/history';
import type { RulesAlertEngine } from '../alerts/alert-engine';
import type { ChannelService } from '../alerts/channels/channel-service';
import type { PollDriver, TimerPort } from '../polling/poll-driver';
import type { Poller } from '../polling/poller';
import type { DemoMode } from '../demo/demo-mode';
import type { SettingsStore } from '../settings';
import type { AccountRuntime } from './account-runtime';
import type { HistoryKeeper } from './history-keeper';
import type { LearnedNames } from './learned-names';
import type { MonitorService } from './monitor-service';
import type { EventListener, NotifierPort, WindowPort } from './ports';
import type { RunState } from './run-state';
import type { SettingsPushes } from './settings-pushes';
import type { UserRequests } from './user-requests';

/** How long quitting waits for alerts still on their way to channels. */
const CHANNEL_DRAIN_MS = 3_000;

/** What starting and stopping the core touches, in the order it touches it. */
export interface LifecycleParts {
  run: RunState;
  settingsStore: SettingsStore;
  /** Settings changes pushed to the window (and the window port) while the core runs. */
  pushes: SettingsPushes;
  historyKeeper: HistoryKeeper;
  names: LearnedNames;
  alertEngine: RulesAlertEngine;
  channels: ChannelService;
  demo: DemoMode;
  runtime: AccountRuntime;
  requests: UserRequests;
  poller: Pick<Poller, 'stop'>;
  driver: PollDriver | null;
  timers: TimerPort;
  /** Problems found while loading, in words; shown natively and pushed to the window. */
  notices: string[];
  notifier: NotifierPort;
  window?: WindowPort;
  emit: EventListener;
  /** The monitor over the loaded history (the core keeps it). */
  startMonitor: (history: History) => MonitorService;
  wantsDemo: () => boolean;
}

/** Loads what was saved (each problem becomes a notice), then starts monitoring, and demo mode if wanted. */
export async function startCore(p: LifecycleParts): Promise<void> {
  if (p.run.started) return;
  const loaded = await p.settingsStore.load();
  if (loaded.notice) p.notices.push(loaded.notice.message);
  const loadedHistory = await p.historyKeeper.load();
  if (loadedHistory.notice) p.notices.push(loadedHistory.notice);
  await p.names.load();
  const alertNotice = await p.alertEngine.load();
  if (alertNotice) p.notices.push(alertNotice);
  p.run.started = true;
  // The window as the user left it (detached or not, and where); later changes reach it through the pushes.
  p.window?.setDetached(loaded.settings.window.detached, loaded.settings.window.bounds);
  p.pushes.start();
  p.startMonitor(loadedHistory.history);
  if (p.wantsDemo()) {
    try {
      await p.demo.start();
    } catch (error) {
      p.notices.push(`Demo mode could not start (${error instanceof Error ? error.message : 'unknown error'}).`);
    }
  }
  await p.runtime.sync();
  // The window may stay hidden for hours: say at once, natively, when something was set aside.
  for (const notice of p.notices) {
    p.notifier.notify({ title: 'Pulsebar', body: notice }, () => p.window?.show());
    p.emit('notice', notice);
  }
  p.driver?.start();
  if (p.driver) p.historyKeeper.startSaving(p.timers);
}

/** Stops polling and saves everything; every write is awaited (the caller may delete the folder next). */
export async function stopCore(p: LifecycleParts): Promise<void> {
  if (!p.run.started) return;
  p.pushes.stop();
  p.driver?.stop();
  p.historyKeeper.stopSaving(p.timers);
  p.requests.abortAll();
  p.poller.stop();
  await p.demo.stop(false).catch(() => undefined);
  await p.historyKeeper.saveNow();
  // Alerts already on their way get a moment to arrive (a spike just before quitting), then stop.
  await Promise.race([p.channels.idle(), new Promise((resolve) => setTimeout(resolve, CHANNEL_DRAIN_MS).unref?.())]);
  p.channels.close();
  await p.alertEngine.save();
  await p.names.flush();
  await p.settingsStore.flush();
  p.run.started = false;
}
