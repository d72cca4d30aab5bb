import type { Clock } from '../../shared/clock';
import { AccountsService, type ClientFactory } from '../app/accounts';
import { DEFAULT_DELAY_MARGIN_MS } from '../monitor/rate-budget';
import { AccountBudgets } from '../polling/account-budgets';
import { PollDriver, type TimerPort } from '../polling/poll-driver';
import { Poller } from '../polling/poller';
import type { ProviderRegistry } from '../providers/registry';
import type { SecretStore } from '../secrets';
import type { SettingsStore } from '../settings';
import { AccountRuntime } from './account-runtime';
import { AccountStatuses } from './account-status';
import type { MonitorService } from './monitor-service';
import { RunState } from './run-state';
import { UserRequests } from './user-requests';

export interface PollSideOptions {
  clock: Clock;
  log: (message: string) => void;
  registry: ProviderRegistry;
  createClient: ClientFactory;
  settingsStore: SettingsStore;
  secrets: SecretStore;
  /** The timers that drive polling; false: no driver, the caller runs the poller itself (tests on a ManualClock). */
  timers: TimerPort | false;
  timeoutMs?: number;
  random?: () => number;
  /** The monitor once start() has loaded history (null before). */
  monitor: () => MonitorService | null;
  /** Commits the monitor's round (forced: even when nothing changed). */
  commit: (force?: boolean) => void;
}

/**
 * The accounts and their polling, wired together: the accounts service, the account budgets that
 * polling and user actions both take from, the poller and the driver that runs its rounds,
 * AccountStatuses (the poller's statuses reach the monitor only through it; results carry counts),
 * run state, user requests and the runtime that keeps clients and poller in line with the accounts.
 */
export function createPollSide(o: PollSideOptions) {
  const { clock, log, registry, createClient, commit } = o;
  const settings = () => o.settingsStore.get();
  // The driver is created right after the poller it drives (the poller's schedule changes kick it).
  let driver: PollDriver | null = null;
  const statuses = new AccountStatuses({ monitor: o.monitor });
  // A user action's 429 blocks polling too: the driver looks at the schedule again.
  const budgets = new AccountBudgets({ clock, onBlocked: () => driver?.kick() });
  const poller = new Poller({
    clock,
    budgets,
    registry,
    intervalMs: (account) => settings().pollIntervalSeconds[account.provider] * 1000,
    luaauthCountMode: () => settings().luaauthCountMode,
    onResult: (result) => o.monitor()?.accept(result),
    onStatus: (status) => statuses.publish(status),
    onScheduleChange: () => driver?.kick(),
    ...(o.random ? { random: o.random } : {}),
  });
  driver =
    o.timers === false
      ? null
      : new PollDriver(poller, clock, () => commit(), o.timers, (error) =>
          log(`pulsebar: a poll round failed (${error instanceof Error ? error.name : 'error'}); polling continues`),
        );
  const run = new RunState({ poller, commit });
  const requests = new UserRequests({ clock, budgets });
  const accounts = new AccountsService({
    settings: o.settingsStore,
    secrets: o.secrets,
    createClient,
    registry,
    ...(o.timeoutMs !== undefined ? { timeoutMs: o.timeoutMs } : {}),
    // Test and Discover on an existing account spend its budget like any user action. Their answers are
    // not reported back here: each request counts as answered within the budget's delay margin.
    throttle: async (account) => (await requests.waitForBudget(account)).done(clock.now() + DEFAULT_DELAY_MARGIN_MS),
    onRateLimited: (accountId, retryAfterMs) => budgets.noteRateLimited(accountId, retryAfterMs),
  });
  const runtime = new AccountRuntime({
    accounts,
    poller,
    statuses,
    monitor: o.monitor,
    paused: () => run.paused,
    afterSync: () => run.holdIfPaused(),
  });
  return { budgets, poller, driver, run, requests, accounts, runtime };
}
