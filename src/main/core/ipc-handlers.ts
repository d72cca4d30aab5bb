/**
 * The IPC handler table: every channel of the contract (src/shared/ipc-contract.ts) mapped to the
 * collaborator that answers it. No decisions here beyond which collaborator, in which order.
 */
import { providerAssumptions } from '../providers/assumption-registry';
import type { MonitorSnapshot, ResponseOf } from '../../shared/ipc-contract';
import type { RulesAlertEngine } from '../alerts/alert-engine';
import { ChannelError, type ChannelService } from '../alerts/channels/channel-service';
import type { AccountsService } from '../app/accounts';
import type { MessageTemplatesService } from '../app/message-templates-service';
import type { AccountBudgets } from '../polling/account-budgets';
import type { Poller } from '../polling/poller';
import type { ActionService } from '../actions/action-service';
import type { DemoMode } from '../demo/demo-mode';
import type { InsightsZone } from '../monitor/insights';
import type { ProviderRegistry } from '../providers/registry';
import type { SettingsStore } from '../settings';
import type { AccountRuntime } from './account-runtime';
import type { LearnedNames } from './learned-names';
import { CoreError, invalidRequest } from './core-errors';
import type { MonitorService } from './monitor-service';
import type { Handlers, SystemPort, WindowPort } from './ports';
import type { RunState } from './run-state';
import type { SettingsEffects } from './settings-effects';
import type { UserRequests } from './user-requests';

const APP_VERSION_FALLBACK = '0.1.0';

export interface HandlerDeps {
  accounts: AccountsService;
  runtime: AccountRuntime;
  poller: Pick<Poller, 'refresh'>;
  budgets: Pick<AccountBudgets, 'noteUserSent'>;
  monitor: () => MonitorService | null;
  snapshot: () => MonitorSnapshot;
  notices: readonly string[];
  insightsZone: InsightsZone;
  run: RunState;
  actions: ActionService;
  registry: ProviderRegistry;
  names: LearnedNames;
  templates: MessageTemplatesService;
  requests: UserRequests;
  settings: SettingsEffects;
  settingsStore: SettingsStore;
  alertEngine: RulesAlertEngine;
  channels: ChannelService;
  demo: DemoMode;
  window?: WindowPort;
  system?: SystemPort;
}

/** A channel refusal (bad URL, unknown id) is the request's fault: said in words, as invalid_request. */
async function channelCall<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ChannelError) throw invalidRequest(error.message);
    throw error;
  }
}

type HandlerGroup<C extends keyof Handlers> = Pick<Handlers, C>;

function accountHandlers(d: HandlerDeps): HandlerGroup<'accounts:list' | 'accounts:test' | 'accounts:add' | 'accounts:update' | 'accounts:remove' | 'accounts:discover'> {
  return {
    'accounts:list': async () => d.accounts.views(),
    'accounts:test': async (request) => d.names.learn(request.provider, await d.accounts.test(request)),
    'accounts:add': async (request) => {
      const added = await d.accounts.add(request);
      const result = { ...added, test: d.names.learn(request.provider, added.test) };
      await d.runtime.sync();
      // The key test went out before the account had a budget: it still counts against the limits.
      d.budgets.noteUserSent(result.account.id);
      return result;
    },
    'accounts:update': async (request) => {
      const view = await d.accounts.update(request);
      if (request.key !== undefined) d.runtime.forgetClient(request.id);
      await d.runtime.sync();
      // A new key lifts an unauthorized halt at once.
      if (request.key !== undefined) d.poller.refresh(request.id);
      return view;
    },
    'accounts:remove': async ({ id }) => {
      await d.accounts.remove(id);
      d.runtime.drop(id);
      d.monitor()?.forget(id);
      await d.runtime.sync();
    },
    'accounts:discover': async ({ id }) => d.names.learn(d.accounts.get(id).provider, await d.accounts.discover(id)),
  };
}

function monitorHandlers(d: HandlerDeps): HandlerGroup<'monitor:refresh' | 'monitor:pause' | 'monitor:history' | 'monitor:insights' | 'providers:list' | 'providers:capabilities' | 'providers:assumptions'> {
  return {
    'monitor:refresh': async ({ accountId }) => {
      if (accountId !== undefined) d.accounts.get(accountId);
      d.poller.refresh(accountId);
    },
    'monitor:pause': async ({ paused }) => d.run.setUserPaused(paused),
    'monitor:history': async ({ series, range, every }) => d.monitor()?.historyRange(series, range, every === true) ?? [],
    'monitor:insights': async ({ series }) => {
      const monitor = d.monitor();
      if (!monitor) throw new CoreError('failed', 'Pulsebar is still starting; try again in a moment.');
      return monitor.insights(series, d.insightsZone);
    },
    'providers:list': async () => d.registry.descriptors().map((descriptor) => structuredClone(descriptor)),
    'providers:capabilities': async () =>
      Object.fromEntries(d.registry.descriptors().map((descriptor) => [descriptor.id, { ...descriptor.capabilities }])) as ResponseOf<'providers:capabilities'>,
    // Each registered module's list (<id>/assumptions.ts), read through the registry.
    'providers:assumptions': async () => providerAssumptions(d.registry) as ResponseOf<'providers:assumptions'>,
  };
}

function sessionHandlers(
  d: HandlerDeps,
): HandlerGroup<
  | 'sessions:list' | 'sessions:info' | 'sessions:groups' | 'sessions:message' | 'sessions:disconnect' | 'sessions:messageMany' | 'sessions:disconnectMany'
  | 'templates:get' | 'templates:save' | 'templates:remove' | 'templates:recordSent' | 'ops:cancel' | 'scripts:get' | 'scripts:toggle' | 'scripts:edit'
> {
  const { actions, templates } = d;
  return {
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
    'ops:cancel': async ({ opId }) => d.requests.cancel(opId),
    // A script's info names it: the Scripts view and the cards then say the same (an edited name too).
    'scripts:get': async (q) => d.names.learnScript(d.accounts.get(q.accountId).provider, await actions.scriptGet(q)),
    'scripts:toggle': async (q) => d.names.learnScript(d.accounts.get(q.accountId).provider, await actions.scriptToggle(q)),
    'scripts:edit': async (q) => d.names.learnScript(d.accounts.get(q.accountId).provider, await actions.scriptEdit(q)),
  };
}

function alertHandlers(
  d: HandlerDeps,
): HandlerGroup<'alerts:get' | 'alerts:setRules' | 'alerts:setQuietHours' | 'alerts:pause' | 'alerts:log' | 'channels:list' | 'channels:add' | 'channels:update' | 'channels:remove' | 'channels:test'> {
  const { channels } = d;
  return {
    'alerts:get': async () => d.settings.alertSettings(),
    'alerts:setRules': async ({ rules }) => d.settings.setRules(rules),
    'alerts:setQuietHours': async (quietHours) => d.settings.setQuietHours(quietHours),
    'alerts:pause': async ({ minutes }) => d.settings.pauseAlerts(minutes),
    'alerts:log': async () => [...d.alertEngine.recent()],
    'channels:list': () => channels.list(),
    'channels:add': (request) => channelCall(() => channels.add(request)),
    'channels:update': (request) => channelCall(() => channels.update(request)),
    'channels:remove': ({ id }) => channelCall(() => channels.remove(id)),
    'channels:test': ({ id }) => channelCall(() => channels.test(id)),
  };
}

function appHandlers(
  d: HandlerDeps,
): HandlerGroup<'app:version' | 'app:snapshot' | 'app:notices' | 'settings:get' | 'settings:update' | 'demo:set' | 'window:hide' | 'window:state' | 'window:detach'> {
  return {
    'app:version': async () => d.system?.appVersion() ?? APP_VERSION_FALLBACK,
    'app:snapshot': async () => d.snapshot(),
    'app:notices': async () => [...d.notices],
    'settings:get': async () => d.settings.preferences(),
    'settings:update': async (patch) => d.settings.updatePreferences(patch),
    'demo:set': async ({ enabled }) => {
      if (enabled) await d.demo.start(true);
      else await d.demo.stop();
      await d.settingsStore.update({ demoMode: enabled, demoDeclined: !enabled });
      await d.runtime.sync();
      return d.snapshot();
    },
    'window:hide': async () => d.window?.hide(),
    'window:state': async () => ({ detached: d.settingsStore.get().window.detached }),
    // The setting is the one source: the store's subscription (settings-pushes.ts) applies it to the window.
    'window:detach': async ({ detached }) => void (await d.settingsStore.update({ window: { detached } })),
  };
}

export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    ...appHandlers(deps),
    ...accountHandlers(deps),
    ...monitorHandlers(deps),
    ...sessionHandlers(deps),
    ...alertHandlers(deps),
  };
}
