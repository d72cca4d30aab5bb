/**
 * The application core every host runs (Electron shell, browser bridge, CLI):
 * settings, keys, accounts, polling, history, alerts, tray model, notifications
 * and every IPC handler. Plain Node; no Electron import anywhere below here.
 */
import path from 'node:path';
import type { AlertEvent } from '../../shared/alerts';
import { systemClock, type Clock } from '../../shared/clock';
import type { AccountStatus, AlertSettings, AppPreferences, MonitorSnapshot } from '../../shared/ipc-contract';
import { PROVIDERS, type AccountConfig, type ProviderId } from '../../shared/model';
import { isQuietTime, systemLocalMinutes, type LocalMinutes } from '../monitor/quiet-hours';
import { ChannelError, ChannelService, type ChannelServiceOptions } from '../alerts/channels/channel-service';
import type { History } from '../history/history';
import { HistoryStore } from '../history/history-store';
import { systemZone, type InsightsZone } from '../monitor/insights';
import { createClient as defaultCreateClient } from '../providers';
import type { ProviderClient } from '../providers/types';
import { MemorySecretStore, type SecretStore } from '../secrets';
import { SettingsStore, type Settings } from '../settings';
import type { RunningSimulator, StartSimulator } from '../simulator/types';
import { AccountsService, viewOf, type ClientFactory } from '../app/accounts';
import { RulesAlertEngine } from '../alerts/alert-engine';
import { PROVIDER_CAPABILITIES } from '../app/capabilities';
import { CoreError, asProviderErrorInfo, invalidRequest, providerErrorInfo } from './core-errors';
import { MonitorService } from './monitor-service';
import { createAlertNotifier, type NotificationTarget } from '../alerts/notifications';
import { demoEvents } from '../simulator/demo';
import { demoAccountConfigs, DEMO_SPIKE_EVERY_MS } from '../demo/demo-accounts';
import { backfillDemoHistory } from '../demo/demo-history';
import { PollDriver, realTimers, type TimerPort } from '../app/poll-driver';
import { Poller } from '../app/poller';
import { DEFAULT_DELAY_MARGIN_MS, type Ticket } from '../monitor/rate-budget';
import type { AppCore, EventListener, Handlers, NotifierPort, SystemPort, SystemSignal, TrayPort, WindowPort } from './ports';
import { SessionActions } from '../app/session-actions';
import { MessageTemplatesService } from '../app/message-templates-service';
import { buildTrayModel, parseTrayItem, TRAY_ACTIONS } from '../tray/tray-model';

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
  /** Provider clients (default: the real ones); tests may wrap them. */
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

/** How long a user action may wait for room in the budget before it is refused as rate limited. */
const USER_WAIT_MAX_MS = 10_000;
const USER_WAIT_SLICE_MS = 200;
const ALERT_PAUSE_TRAY_MINUTES = 60;
const APP_VERSION_FALLBACK = '0.1.0';

export function createAppCore(options: CreateAppCoreOptions): PulsebarCore {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? (() => undefined);
  const createClient = options.createClient ?? (defaultCreateClient as ClientFactory);
  const ports = options.ports;
  const settingsStore = new SettingsStore({ dir: options.configDir, now: () => clock.now() });
  // Snapshot + journal: a save every 5 minutes appends a few kB instead of rewriting the whole history.
  const historyStore = new HistoryStore(options.configDir, { clock });
  const listeners = new Set<EventListener>();
  const notices: string[] = [];
  const ops = new Map<string, AbortController>();

  let started = false;
  let history: History | null = null;
  let monitor: MonitorService | null = null;
  let userPaused = false;
  // Separate reasons to stop polling: resuming from sleep while still offline must not poll.
  let suspended = false;
  let offline = false;
  const systemPaused = (): boolean => suspended || offline;
  let demo: { simulator: RunningSimulator; accounts: AccountConfig[] } | null = null;
  let historyTimer: unknown = null;
  const clients = new Map<string, { client: ProviderClient; baseUrl: string; key: string }>();
  const missingKey = new Set<string>();

  const emit: EventListener = (event, payload) => {
    for (const listener of listeners) {
      try {
        listener(event, payload);
      } catch {
        // A broken subscriber (closed window) must not stop the others.
      }
    }
  };

  const settings = (): Settings => settingsStore.get();

  const accounts = new AccountsService({
    settings: settingsStore,
    secrets: options.secrets,
    createClient,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    // Test and Discover on an existing account spend its budget like any user action. Their answers are
    // not reported back here: each request counts as answered within the budget's delay margin.
    throttle: async (accountId) => (await waitForBudget(accountId)).done(clock.now() + DEFAULT_DELAY_MARGIN_MS),
    onRateLimited: (accountId, retryAfterMs) => poller.noteRateLimited(accountId, retryAfterMs),
  });

  const alertEngine = new RulesAlertEngine({
    rules: () => settings().alerts.rules,
    accounts: () => accounts.all(),
    quietHours: () => settings().alerts.quietHours,
    pausedUntil: () => alertsPausedUntil(),
    ...(options.localMinutes ? { localMinutes: options.localMinutes } : {}),
    file: path.join(options.configDir, 'alerts.json'),
  });

  const alertsPausedUntil = (): number | null => {
    const until = started ? settings().alerts.pausedUntil : null;
    return until !== null && until > clock.now() ? until : null;
  };

  // Alerts beyond the desktop (Discord, webhook, ntfy): queued in the background, never awaited here.
  const channels = new ChannelService({
    channels: () => settings().channels,
    save: async (next) => void (await settingsStore.update((s) => ({ ...s, channels: next }))),
    secrets: options.secrets,
    now: () => clock.now(),
    ...(options.channelDelivery ? { delivery: options.channelDelivery } : {}),
    onStatus: (id, status) => emit('channels:status', { id, status }),
  });

  /** How long quitting waits for alerts still on their way to channels. */
  const CHANNEL_DRAIN_MS = 3_000;

  /** A channel refusal (bad URL, unknown id) is the request's fault: said in words, as invalid_request. */
  async function channelCall<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof ChannelError) throw invalidRequest(error.message);
      throw error;
    }
  }

  const notifier = createAlertNotifier({
    notifier: ports.notifier,
    enabled: () => settings().notifications,
    onClick: (target) => navigate(target),
  });

  function navigate(target: NotificationTarget | undefined): void {
    ports.window?.show(target);
    if (target) emit('navigate', target);
  }

  const poller = new Poller({
    clock,
    intervalMs: (account) => settings().pollIntervalSeconds[account.provider] * 1000,
    luaauthCountMode: () => settings().luaauthCountMode,
    onResult: (result) => monitor?.accept(result),
    onStatus: (status) => monitor?.setStatus(status),
    onScheduleChange: () => driver?.kick(),
    ...(options.random ? { random: options.random } : {}),
  });

  const driver =
    options.timers === false
      ? null
      : new PollDriver(poller, clock, () => commit(), options.timers ?? realTimers, (error) =>
          log(`pulsebar: a poll round failed (${error instanceof Error ? error.name : 'error'}); polling continues`),
        );

  function commit(force = false): void {
    monitor?.commit(force);
  }

  function onCommit(snapshot: MonitorSnapshot, fired: AlertEvent[]): void {
    emit('monitor:update', snapshot);
    if (fired.length > 0) {
      emit('alerts:fired', fired);
      notifier.notify(fired);
      channels.deliver(fired, {
        paused: alertsPausedUntil() !== null,
        quiet: isQuietTime(settings().alerts.quietHours, (options.localMinutes ?? systemLocalMinutes)(clock.now())),
      });
    }
    ports.tray?.update(buildTrayModel(snapshot, { recentAlerts: alertEngine.recent(), now: clock.now() }));
  }

  /** Accounts that cannot be polled at all, with the reason in words. */
  const unusable = new Map<string, { title: string; advice: string }>();

  function keylessStatus(accountId: string): AccountStatus {
    return {
      accountId,
      state: 'unauthorized',
      lastSuccessAt: null,
      lastAttemptAt: null,
      nextPollAt: null,
      error: null,
      explanation: unusable.get(accountId) ?? {
        title: 'No API key is stored for this account.',
        advice: 'Edit the account and enter its key again.',
      },
    };
  }

  function idleStatus(accountId: string): AccountStatus {
    return {
      accountId,
      state: systemPaused() || userPaused ? 'paused' : 'idle',
      lastSuccessAt: null,
      lastAttemptAt: null,
      nextPollAt: null,
      error: null,
      explanation: null,
    };
  }

  /** Brings the poller and the monitor in line with the accounts (settings + demo). */
  async function syncAccounts(): Promise<void> {
    const all = accounts.all();
    const ids = new Set(all.map((a) => a.id));
    for (const id of poller.ids()) {
      if (!ids.has(id)) {
        poller.remove(id);
        clients.delete(id);
      }
    }
    missingKey.clear();
    unusable.clear();
    for (const account of all) {
      const key = await accounts.keyOf(account.id).catch(() => null);
      if (!key) {
        missingKey.add(account.id);
        poller.remove(account.id);
        clients.delete(account.id);
        continue;
      }
      const cached = clients.get(account.id);
      let client = cached?.client;
      if (!cached || cached.key !== key || cached.baseUrl !== account.baseUrl) {
        try {
          client = accounts.client(account, key);
        } catch (error) {
          // One account with a key or URL the client refuses (e.g. saved by an older version) must not stop the rest.
          const info = providerErrorInfo(error);
          unusable.set(account.id, {
            title: info ? `This account cannot be used: ${info.message}` : 'This account cannot be used.',
            advice: 'Edit the account: check its base URL and enter its key again.',
          });
          missingKey.add(account.id);
          poller.remove(account.id);
          clients.delete(account.id);
          continue;
        }
        clients.set(account.id, { client, key, baseUrl: account.baseUrl });
      }
      poller.upsert(account, client!);
    }
    const views = await Promise.all(all.map((a) => accounts.view(a)));
    monitor?.setAccounts(views, (id) =>
      missingKey.has(id) ? keylessStatus(id) : (poller.status(id) ?? idleStatus(id)),
    );
    for (const id of missingKey) monitor?.setStatus(keylessStatus(id));
    if (userPaused || systemPaused()) poller.pause();
    commit(true);
  }

  function applyPause(): void {
    if (userPaused || systemPaused()) poller.pause();
    else poller.resume();
    commit(true);
  }

  /* ---------------- demo mode ---------------- */

  async function startDemo(): Promise<void> {
    if (demo) return;
    const start = options.startSimulator ?? (await import('../simulator')).startSimulator;
    const simulator = await start({ clock, events: options.demoEvents === false ? [] : demoEvents(DEMO_SPIKE_EVERY_MS) });
    const demoAccounts = demoAccountConfigs(simulator);
    if (history) backfillDemoHistory(history, simulator, demoAccounts, settings().accounts.length === 0, clock.now());
    // Demo keys live in memory only, never in the keychain.
    const secrets = new MemorySecretStore(demoAccounts.map((a) => [a.id, simulator.keys[a.provider]] as const));
    accounts.setDemo({ accounts: demoAccounts, secrets });
    demo = { simulator, accounts: demoAccounts };
  }

  /** `forget`: the user turned demo off, so its series and alert state go; on quit they are kept for next time. */
  async function stopDemo(forget = true): Promise<void> {
    if (!demo) return;
    const { simulator, accounts: demoAccounts } = demo;
    demo = null;
    accounts.setDemo(null);
    for (const a of demoAccounts) {
      poller.remove(a.id);
      clients.delete(a.id);
      if (forget) monitor?.forget(a.id);
    }
    await simulator.close();
  }

  /* ---------------- user actions under the budget ---------------- */

  async function waitForBudget(accountId: string): Promise<Ticket> {
    // Waits in short slices and re-reads the clock each time, so a clock that moves on its own
    // (tests, a stepped wall clock) is followed; gives up after USER_WAIT_MAX_MS of either clock.
    const giveUpAt = clock.now() + USER_WAIT_MAX_MS;
    const realGiveUpAt = Date.now() + USER_WAIT_MAX_MS;
    for (;;) {
      const take = poller.takeUser(accountId);
      if (take.ok) return take.ticket;
      if (!Number.isFinite(take.freeAt) || take.freeAt > giveUpAt || Date.now() > realGiveUpAt) break;
      await new Promise((resolve) => setTimeout(resolve, Math.min(USER_WAIT_SLICE_MS, Math.max(0, take.freeAt - clock.now()))));
    }
    const account = accounts.get(accountId);
    const freeAt = poller.takeUser(accountId);
    const retryAfterMs = freeAt.ok ? undefined : Math.max(0, freeAt.freeAt - clock.now());
    throw new CoreError('rate_limited', `The request budget of ${account.label} is used up for now; try again shortly.`, {
      provider: account.provider,
      ...(retryAfterMs !== undefined && Number.isFinite(retryAfterMs) ? { retryAfterMs } : {}),
    });
  }

  async function clientFor(accountId: string): Promise<ProviderClient> {
    const account = accounts.get(accountId);
    const cached = clients.get(accountId);
    if (cached) return cached.client;
    const key = await accounts.keyOf(accountId);
    if (!key) throw invalidRequest(`accountId: account "${account.label}" has no key stored; edit it to enter the key again`);
    const client = accounts.client(account, key);
    clients.set(accountId, { client, key, baseUrl: account.baseUrl });
    return client;
  }

  const templates = new MessageTemplatesService(settingsStore);
  const actions = new SessionActions({
    account: (id) => accounts.get(id),
    async call(accountId, fn, opId) {
      const client = await clientFor(accountId);
      // The request counts against the budget until a window after its answer came back (ticket.done).
      const ticket = await waitForBudget(accountId);
      let controller: AbortController | undefined;
      if (opId !== undefined) {
        if (ops.has(opId)) {
          ticket.done(clock.now());
          throw invalidRequest(`opId: an operation with id "${opId}" is already running`);
        }
        controller = new AbortController();
        ops.set(opId, controller);
      }
      try {
        return await fn(client, controller?.signal);
      } catch (error) {
        if (controller?.signal.aborted) throw new CoreError('failed', 'Cancelled.');
        const info = asProviderErrorInfo(error);
        if (info?.kind === 'rate_limited') poller.noteRateLimited(accountId, info.retryAfterMs);
        throw error;
      } finally {
        ticket.done(clock.now());
        if (opId !== undefined) ops.delete(opId);
      }
    },
    noteListRead: (accountId, lines) => poller.noteListRead(accountId, lines),
  });

  /* ---------------- settings views ---------------- */

  function preferences(): AppPreferences {
    const s = settings();
    return {
      pollIntervalSeconds: { ...s.pollIntervalSeconds },
      notifications: s.notifications,
      launchAtLogin: s.launchAtLogin,
      theme: s.theme,
      globalShortcut: s.globalShortcut,
      luaauthCountMode: s.luaauthCountMode,
    };
  }

  function alertSettings(): AlertSettings {
    const s = settings();
    return {
      rules: alertEngine.effectiveRules(),
      quietHours: { ...s.alerts.quietHours },
      pausedUntil: alertsPausedUntil(),
    };
  }

  async function pauseAlerts(minutes: number | null): Promise<AlertSettings> {
    const pausedUntil = minutes === null ? null : clock.now() + minutes * 60_000;
    await settingsStore.update({ alerts: { pausedUntil } });
    commit(true);
    return alertSettings();
  }

  function snapshot(): MonitorSnapshot {
    if (!monitor) throw new CoreError('failed', 'Pulsebar is still starting.');
    return monitor.snapshot();
  }

  /* ---------------- handlers ---------------- */

  const handlers: Handlers = {
    'app:version': async () => ports.system?.appVersion() ?? APP_VERSION_FALLBACK,
    'app:snapshot': async () => snapshot(),
    'app:notices': async () => [...notices],

    'accounts:list': async () => accounts.views(),
    'accounts:test': async (request) => accounts.test(request),
    'accounts:add': async (request) => {
      const result = await accounts.add(request);
      await syncAccounts();
      // The key test went out before the account had a budget: it still counts against the limits.
      poller.noteUserSent(result.account.id);
      return result;
    },
    'accounts:update': async (request) => {
      const view = await accounts.update(request);
      if (request.key !== undefined) clients.delete(request.id);
      await syncAccounts();
      // A new key lifts an unauthorized halt at once.
      if (request.key !== undefined) poller.refresh(request.id);
      return view;
    },
    'accounts:remove': async ({ id }) => {
      await accounts.remove(id);
      poller.remove(id);
      clients.delete(id);
      monitor?.forget(id);
      await syncAccounts();
    },
    'accounts:discover': async ({ id }) => accounts.discover(id),

    'monitor:refresh': async ({ accountId }) => {
      if (accountId !== undefined) accounts.get(accountId);
      poller.refresh(accountId);
    },
    'monitor:pause': async ({ paused }) => {
      userPaused = paused;
      applyPause();
    },
    'monitor:history': async ({ key, range, every }) => monitor?.historyRange(key, range, every === true) ?? [],
    'monitor:insights': async ({ key }) => {
      const insights = monitor?.insights(key, options.insightsZone ?? systemZone);
      if (!insights) throw invalidRequest(`key: no history series "${key}"`);
      return insights;
    },
    'providers:capabilities': async () =>
      Object.fromEntries(PROVIDERS.map((p) => [p, { ...PROVIDER_CAPABILITIES[p] }])) as Record<ProviderId, (typeof PROVIDER_CAPABILITIES)[ProviderId]>,

    'sessions:list': (q) => actions.list(q),
    'sessions:info': (q) => actions.info(q),
    'sessions:groups': (q) => actions.groups(q),
    'templates:get': async () => templates.get(),
    'templates:save': (q) => templates.save(q.template),
    'templates:remove': (q) => templates.remove(q.id),
    'templates:recordSent': (q) => templates.recordSent(q),
    'sessions:message': (q) => actions.message(q),
    'sessions:disconnect': (q) => actions.disconnect(q),
    'sessions:messageMany': (q) => actions.messageMany(q),
    'sessions:disconnectMany': (q) => actions.disconnectMany(q),
    'ops:cancel': async ({ opId }) => {
      const controller = ops.get(opId);
      if (!controller) return false;
      controller.abort();
      return true;
    },

    'scripts:get': (q) => actions.scriptGet(q),
    'scripts:toggle': (q) => actions.scriptToggle(q),
    'scripts:edit': (q) => actions.scriptEdit(q),

    'alerts:get': async () => alertSettings(),
    'alerts:setRules': async ({ rules }) => {
      await settingsStore.update({ alerts: { rules } });
      return alertSettings();
    },
    'alerts:setQuietHours': async (quietHours) => {
      await settingsStore.update({ alerts: { quietHours } });
      return alertSettings();
    },
    'alerts:pause': async ({ minutes }) => pauseAlerts(minutes),
    'alerts:log': async () => [...alertEngine.recent()],
    'channels:list': () => channels.list(),
    'channels:add': (request) => channelCall(() => channels.add(request)),
    'channels:update': (request) => channelCall(() => channels.update(request)),
    'channels:remove': ({ id }) => channelCall(() => channels.remove(id)),
    'channels:test': ({ id }) => channelCall(() => channels.test(id)),

    'settings:get': async () => preferences(),
    'settings:update': async (patch) => {
      const current = settings();
      if (patch.globalShortcut !== undefined && patch.globalShortcut !== current.globalShortcut && ports.system) {
        if (!ports.system.setGlobalShortcut(patch.globalShortcut)) {
          throw new CoreError(
            'failed',
            `The shortcut ${patch.globalShortcut ?? ''} could not be registered (taken by another app or not a valid accelerator).`,
          );
        }
      }
      if (patch.launchAtLogin !== undefined && patch.launchAtLogin !== current.launchAtLogin) {
        ports.system?.setLaunchAtLogin(patch.launchAtLogin);
      }
      const change: Parameters<SettingsStore['update']>[0] = {};
      if (patch.pollIntervalSeconds !== undefined) change.pollIntervalSeconds = patch.pollIntervalSeconds;
      if (patch.notifications !== undefined) change.notifications = patch.notifications;
      if (patch.launchAtLogin !== undefined) change.launchAtLogin = patch.launchAtLogin;
      if (patch.theme !== undefined) change.theme = patch.theme;
      if (patch.globalShortcut !== undefined) change.globalShortcut = patch.globalShortcut;
      if (patch.luaauthCountMode !== undefined) change.luaauthCountMode = patch.luaauthCountMode;
      await settingsStore.update(change);
      // New intervals apply from the next cycle.
      driver?.kick();
      const next = preferences();
      emit('settings:changed', next);
      return next;
    },

    'demo:set': async ({ enabled }) => {
      if (enabled) await startDemo();
      else await stopDemo();
      await settingsStore.update({ demoMode: enabled, demoDeclined: !enabled });
      await syncAccounts();
      return snapshot();
    },

    'window:hide': async () => ports.window?.hide(),
    'window:detach': async ({ detached }) => {
      ports.window?.setDetached(detached);
      await settingsStore.update({ window: { detached } });
    },
  };

  /* ---------------- lifecycle ---------------- */

  async function saveHistoryNow(): Promise<void> {
    if (!history) return;
    try {
      history.prune(clock.now());
      await historyStore.save(history);
    } catch (error) {
      log(`pulsebar: history could not be saved (${error instanceof Error ? error.name : 'error'})`);
    }
  }

  const core: PulsebarCore = {
    handlers,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    trayAction(id) {
      const item = parseTrayItem(id);
      if (item.type === 'account') return navigate({ accountId: item.accountId });
      if (item.type === 'target') return navigate({ accountId: item.accountId, targetId: item.targetId });
      switch (item.action) {
        case TRAY_ACTIONS.refresh:
          poller.refresh();
          return;
        case TRAY_ACTIONS.pauseAlerts:
          void pauseAlerts(ALERT_PAUSE_TRAY_MINUTES);
          return;
        case TRAY_ACTIONS.resumeAlerts:
          void pauseAlerts(null);
          return;
        case TRAY_ACTIONS.open:
          ports.window?.show();
          return;
        case TRAY_ACTIONS.quit:
          ports.system?.quit();
          return;
      }
    },
    signal(signal: SystemSignal) {
      if (signal === 'suspend') suspended = true;
      else if (signal === 'offline') offline = true;
      else if (signal === 'resume') suspended = false;
      else offline = false;
      applyPause();
      if ((signal === 'resume' || signal === 'online') && !userPaused && !systemPaused()) poller.refresh();
    },
    async start() {
      if (started) return;
      const loaded = await settingsStore.load();
      if (loaded.notice) notices.push(loaded.notice.message);
      const loadedHistory = await historyStore.load();
      if (loadedHistory.notice) notices.push(loadedHistory.notice);
      history = loadedHistory.history;
      const alertNotice = await alertEngine.load();
      if (alertNotice) notices.push(alertNotice);
      started = true;
      monitor = new MonitorService({
        clock,
        history,
        alerts: alertEngine,
        onCommit,
        alertsPausedUntil,
        demo: () => demo !== null,
        paused: () => userPaused || systemPaused(),
        keyStore: () => options.secrets.kind,
        intervalMs: (accountId) => poller.effectiveIntervalMs(accountId),
      });
      const s = settings();
      const wantDemo =
        options.demo === true ||
        (options.demo === undefined && (s.demoMode || (s.accounts.length === 0 && !s.demoDeclined)));
      if (wantDemo) {
        try {
          await startDemo();
        } catch (error) {
          notices.push(`Demo mode could not start (${error instanceof Error ? error.message : 'unknown error'}).`);
        }
      }
      await syncAccounts();
      // The window may stay hidden for hours: say at once, natively, when something was set aside.
      for (const notice of notices) {
        ports.notifier.notify({ title: 'Pulsebar', body: notice }, () => ports.window?.show());
        emit('notice', notice);
      }
      driver?.start();
      if (driver) {
        historyTimer = (options.timers || realTimers).setTimeout(function tick() {
          void saveHistoryNow();
          historyTimer = (options.timers || realTimers).setTimeout(tick, options.historySaveIntervalMs ?? 5 * 60_000);
        }, options.historySaveIntervalMs ?? 5 * 60_000);
      }
    },
    async stop() {
      if (!started) return;
      driver?.stop();
      if (historyTimer !== null) (options.timers || realTimers).clearTimeout(historyTimer);
      historyTimer = null;
      for (const controller of ops.values()) controller.abort();
      poller.stop();
      await stopDemo(false).catch(() => undefined);
      // Every write is awaited here (save() chains after any still in flight): the caller may delete the folder next.
      await saveHistoryNow();
      // Alerts already on their way get a moment to arrive (a spike just before quitting), then stop.
      await Promise.race([channels.idle(), new Promise((resolve) => setTimeout(resolve, CHANNEL_DRAIN_MS).unref?.())]);
      channels.close();
      await alertEngine.save();
      await settingsStore.flush();
      started = false;
    },
    async runDue() {
      await poller.runDue();
      commit();
    },
    nextDueAt: () => poller.nextDueAt(),
    snapshot,
    get demoSimulator() {
      return demo?.simulator ?? null;
    },
  };
  return core;
}

export { viewOf };
