/**
 * The application core every host runs (Electron shell, browser bridge, CLI): wiring only.
 * Each collaborator owns its state: AccountRuntime (clients, poller and monitor in line with the
 * accounts), AccountStatuses (the one way account status reaches the monitor), AccountBudgets (every
 * account's rate budget, taken from by polling and user actions alike), UserRequests (user actions
 * waiting for that budget, cancellation), DemoMode, RunState (running, pause reasons), SettingsEffects, SettingsPushes,
 * HistoryKeeper, the IPC table (ipc-handlers.ts), tray routing and publishRound (what a committed
 * poll round sets off). The accounts and their polling are wired in poll-side.ts, the alerts in
 * alert-side.ts. Plain Node; no Electron import anywhere below here.
 */
import { systemClock, type Clock } from '../../shared/clock';
import type { MonitorSnapshot } from '../../shared/ipc-contract';
import type { ChannelServiceOptions } from '../alerts/channels/channel-service';
import type { NotificationTarget } from '../alerts/notifications';
import type { ClientFactory } from '../app/accounts';
import { MessageTemplatesService } from '../app/message-templates-service';
import { realTimers, type TimerPort } from '../polling/poll-driver';
import { ActionService } from '../actions/action-service';
import { DemoMode } from '../demo/demo-mode';
import { systemZone, type InsightsZone } from '../monitor/insights';
import { isQuietTime, systemLocalMinutes, type LocalMinutes } from '../monitor/quiet-hours';
import { defaultProviderRegistry, type ProviderRegistry } from '../providers/registry';
import type { SecretStore } from '../secrets';
import { SettingsStore } from '../settings';
import type { RunningSimulator, StartSimulator } from '../simulator/types';
import { createAlertSide } from './alert-side';
import { CoreError } from './core-errors';
import { CoreEvents } from './core-events';
import { HistoryKeeper } from './history-keeper';
import { LearnedNames } from './learned-names';
import { startCore, stopCore, type LifecycleParts } from './lifecycle';
import { createHandlers } from './ipc-handlers';
import { MonitorService } from './monitor-service';
import { createPollSide } from './poll-side';
import type { AppCore, NotifierPort, SystemPort, TrayPort, WindowPort } from './ports';
import { publishRound } from './publish-round';
import { alertsPausedUntil, SettingsEffects } from './settings-effects';
import { SettingsPushes } from './settings-pushes';
import { routeTrayAction } from './tray-routing';
import { rememberWindowBounds } from './window-bounds';

export interface CreateAppCoreOptions {
  configDir: string;
  secrets: SecretStore;
  clock?: Clock;
  ports: { notifier: NotifierPort; tray?: TrayPort; window?: WindowPort; system?: SystemPort };
  /** true: start in demo mode; false: never; undefined: demo when no account is configured and the user did not turn it off. */
  demo?: boolean;
  /** Scripted spikes and drops in demo mode (default on; tests that count alerts turn them off). */
  demoEvents?: boolean;
  /** Starts the simulator for demo mode (default: the in-process simulator module). */
  startSimulator?: StartSimulator;
  /** The providers (default: the shipped three); tests may register their own. */
  registry?: ProviderRegistry;
  /** Provider clients (default: the registry's); tests may wrap them. */
  createClient?: ClientFactory;
  /** Ordinary request timeout for provider calls (default the clients' 15 s). */
  timeoutMs?: number;
  /**
   * Real timers drive polling by default. `false` disables the driver: the caller runs
   * `core.runDue()` itself (tests on a ManualClock).
   */
  timers?: TimerPort | false;
  /** Local wall clock for quiet hours (default the machine's zone). */
  localMinutes?: LocalMinutes;
  /** Time zone of Insights' "today" and heatmap (default the machine's). */
  insightsZone?: InsightsZone;
  /** Alert channel delivery settings (tests pass a sleep without real waits between retries). */
  channelDelivery?: ChannelServiceOptions['delivery'];
  /** Jitter source for back-off (seeded in tests). */
  random?: () => number;
  /** How often history is written to disk while running. Default 5 minutes. */
  historySaveIntervalMs?: number;
  log?: (message: string) => void;
}

/** The core plus what tests and the CLI need to drive it without real time. */
export interface PulsebarCore extends AppCore {
  /** Runs every poll job due now and commits the round (fake-clock tests and the CLI's watch). */
  runDue(): Promise<void>;
  nextDueAt(): number | null;
  snapshot(): MonitorSnapshot;
  readonly demoSimulator: RunningSimulator | null;
}

export function createAppCore(options: CreateAppCoreOptions): PulsebarCore {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? (() => undefined);
  // The one place provider clients come from (AccountsService.client → AccountRuntime.makeClient).
  const registry = options.registry ?? defaultProviderRegistry;
  const createClient: ClientFactory = options.createClient ?? ((provider, clientOptions) => registry.get(provider).createClient(clientOptions));
  const ports = options.ports;
  const timers = options.timers || realTimers;
  const localMinutes = options.localMinutes ?? systemLocalMinutes;
  const settingsStore = new SettingsStore({ dir: options.configDir, now: () => clock.now() });
  const settings = () => settingsStore.get();
  const events = new CoreEvents();
  const notices: string[] = [];
  const historyKeeper = new HistoryKeeper(options.configDir, { clock, log, saveEveryMs: options.historySaveIntervalMs });

  // Set at start(), once history is loaded.
  let monitor: MonitorService | null = null;
  const commit = (force = false): void => void monitor?.commit(force);
  const { budgets, poller, driver, run, requests, accounts, runtime } = createPollSide({
    clock,
    log,
    registry,
    createClient,
    settingsStore,
    secrets: options.secrets,
    timers: options.timers === false ? false : timers,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.random ? { random: options.random } : {}),
    monitor: () => monitor,
    commit,
  });

  const pausedUntil = (): number | null => alertsPausedUntil(settings(), clock.now(), run.started);
  const navigate = (target: NotificationTarget | undefined): void => {
    ports.window?.show(target);
    if (target) events.emit('navigate', target);
  };
  const { alertEngine, channels, notifier } = createAlertSide({
    configDir: options.configDir,
    clock,
    settingsStore,
    secrets: options.secrets,
    accounts: () => accounts.all(),
    pausedUntil,
    ...(options.localMinutes ? { localMinutes: options.localMinutes } : {}),
    ...(options.channelDelivery ? { channelDelivery: options.channelDelivery } : {}),
    notifier: ports.notifier,
    navigate,
    emit: events.emit,
  });

  const demo = new DemoMode({
    clock,
    accounts,
    ...(options.startSimulator ? { startSimulator: options.startSimulator } : {}),
    ...(options.demoEvents !== undefined ? { events: options.demoEvents } : {}),
    history: () => historyKeeper.history,
    hasRealAccounts: () => settings().accounts.length > 0,
    onAccountGone: (accountId, forget) => {
      runtime.drop(accountId);
      if (forget) monitor?.forget(accountId);
    },
    onTotalReplaced: () => monitor?.totalReplaced(),
  });
  const settingsEffects = new SettingsEffects({
    store: settingsStore,
    clock,
    running: () => run.started,
    ...(ports.system ? { system: ports.system } : {}),
    effectiveRules: () => alertEngine.effectiveRules(),
    commit,
    rescheduled: () => driver?.kick(),
  });
  const names = new LearnedNames(options.configDir, () => {
    monitor?.namesLearned();
    commit();
  });
  const actions = new ActionService({
    account: (id) => accounts.get(id),
    async call(accountId, fn, opId) {
      const client = await runtime.clientFor(accountId);
      return requests.run(accounts.get(accountId), client, fn, opId);
    },
    noteListRead: (accountId, lines) => poller.noteListRead(accountId, lines),
  }, registry);

  const snapshot = (): MonitorSnapshot => {
    if (!monitor) throw new CoreError('failed', 'Pulsebar is still starting.');
    return monitor.snapshot();
  };
  const handlers = createHandlers({
    accounts,
    runtime,
    poller,
    budgets,
    monitor: () => monitor,
    snapshot,
    notices,
    insightsZone: options.insightsZone ?? systemZone,
    run,
    actions,
    registry,
    names,
    templates: new MessageTemplatesService(settingsStore),
    requests,
    settings: settingsEffects,
    settingsStore,
    alertEngine,
    channels,
    demo,
    ...(ports.window ? { window: ports.window } : {}),
    ...(ports.system ? { system: ports.system } : {}),
  });
  const roundOutputs = {
    emit: events.emit,
    notifier,
    channels,
    ...(ports.tray ? { tray: ports.tray } : {}),
    alertMood: () => ({ paused: pausedUntil() !== null, quiet: isQuietTime(settings().alerts.quietHours, localMinutes(clock.now())) }),
    recentAlerts: () => alertEngine.recent(),
    now: () => clock.now(),
  };

  const lifecycle: LifecycleParts = {
    run,
    settingsStore,
    pushes: new SettingsPushes({ store: settingsStore, views: settingsEffects, emit: events.emit, ...(ports.window ? { window: ports.window } : {}) }),
    historyKeeper,
    names,
    alertEngine,
    channels,
    demo,
    runtime,
    requests,
    poller,
    driver,
    timers,
    notices,
    notifier: ports.notifier,
    ...(ports.window ? { window: ports.window } : {}),
    emit: events.emit,
    startMonitor: (history) =>
      (monitor = new MonitorService({
        clock,
        history,
        alerts: alertEngine,
        onCommit: (snap, fired) => publishRound(roundOutputs, snap, fired),
        alertsPausedUntil: pausedUntil,
        demo: () => demo.active,
        paused: () => run.paused,
        keyStore: () => options.secrets.kind,
        intervalMs: (accountId) => poller.effectiveIntervalMs(accountId),
        registry,
        learnedName: (provider, kind, id) => names.nameOf(provider, kind, id),
      })),
    wantsDemo: () => wantsDemo(options.demo, settings()),
  };

  return {
    handlers,
    subscribe: (listener) => events.subscribe(listener),
    trayAction: (command) =>
      routeTrayAction(command, {
        navigate,
        refresh: () => poller.refresh(),
        pauseAlerts: (minutes) => void settingsEffects.pauseAlerts(minutes),
        openWindow: () => ports.window?.show(),
        quit: () => ports.system?.quit(),
      }),
    signal: (signal) => run.signal(signal),
    windowMoved: (bounds) => {
      // The settings are loaded only while the core runs.
      if (run.started) rememberWindowBounds(settingsStore, bounds, log);
    },
    start: () => startCore(lifecycle),
    stop: () => stopCore(lifecycle),
    async runDue() {
      await poller.runDue();
      commit();
    },
    nextDueAt: () => poller.nextDueAt(),
    snapshot,
    get demoSimulator() {
      return demo.simulator;
    },
  };
}

/** true: demo mode; false: never; undefined: demo when no account is configured and the user did not turn it off. */
function wantsDemo(option: boolean | undefined, settings: { demoMode: boolean; demoDeclined: boolean; accounts: readonly unknown[] }): boolean {
  return option === true || (option === undefined && (settings.demoMode || (settings.accounts.length === 0 && !settings.demoDeclined)));
}

