import type { Clock } from '../../shared/clock';
import type { AccountConfig } from '../../shared/model';
import type { AccountsService } from '../app/accounts';
import type { History } from '../history/history';
import { MemorySecretStore } from '../secrets';
import { demoEvents } from '../simulator/demo';
import type { RunningSimulator, StartSimulator } from '../simulator/types';
import { demoAccountConfigs, DEMO_SPIKE_EVERY_MS } from './demo-accounts';
import { backfillDemoHistory } from './demo-history';
import { dropDemoTotal, keepOwnTotal } from './demo-total';

export interface DemoModeOptions {
  clock: Clock;
  accounts: Pick<AccountsService, 'setDemo'>;
  /** Starts the simulator (default: the in-process simulator module, loaded only when demo mode starts). */
  startSimulator?: StartSimulator;
  /** Scripted spikes and drops (default on; tests that count alerts turn them off). */
  events?: boolean;
  /** The history to backfill with a believable past, once loaded. */
  history: () => History | null;
  /** Whether the user has real accounts (then the demo's past is not backfilled into the grand total). */
  hasRealAccounts: () => boolean;
  /** A demo account goes away: stop polling it; `forget` its series and alert state too. */
  onAccountGone: (accountId: string, forget: boolean) => void;
  /** Demo was turned off and the grand total's history is now the real accounts' own (demo-total.ts). */
  onTotalReplaced: () => void;
}

/** Demo mode's lifecycle: the simulator, its accounts (keys in memory only) and its backfilled history. */
export class DemoMode {
  private running: { simulator: RunningSimulator; accounts: AccountConfig[] } | null = null;
  /** Starts and stops run one at a time: two overlapping starts (the app starting in demo mode while the
   * window turns it on) would otherwise both start a simulator, one of them never closed. */
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly options: DemoModeOptions) {}

  get active(): boolean {
    return this.running !== null;
  }

  get simulator(): RunningSimulator | null {
    return this.running?.simulator ?? null;
  }

  /** `turnedOn`: the user turns demo on now (not a start with demo left on), so the grand total so far is theirs. */
  start(turnedOn = false): Promise<void> {
    return this.serially(() => this.startNow(turnedOn));
  }

  /** `forget`: the user turned demo off, so its series and alert state go; on quit they are kept for next time. */
  stop(forget = true): Promise<void> {
    return this.serially(() => this.stopNow(forget));
  }

  private serially(step: () => Promise<void>): Promise<void> {
    const done = this.queue.then(step);
    this.queue = done.catch(() => undefined);
    return done;
  }

  private async startNow(turnedOn: boolean): Promise<void> {
    if (this.running) return;
    const { clock, accounts } = this.options;
    const start = this.options.startSimulator ?? (await import('../simulator')).startSimulator;
    const simulator = await start({ clock, events: this.options.events === false ? [] : demoEvents(DEMO_SPIKE_EVERY_MS) });
    const demoAccounts = demoAccountConfigs(simulator);
    const history = this.options.history();
    if (history && turnedOn) keepOwnTotal(history);
    if (history) backfillDemoHistory(history, simulator, demoAccounts, !this.options.hasRealAccounts(), clock.now());
    // Demo keys live in memory only, never in the keychain.
    const secrets = new MemorySecretStore(demoAccounts.map((a) => [a.id, simulator.keys[a.provider]] as const));
    accounts.setDemo({ accounts: demoAccounts, secrets });
    this.running = { simulator, accounts: demoAccounts };
  }

  private async stopNow(forget: boolean): Promise<void> {
    if (!this.running) return;
    const { simulator, accounts: demoAccounts } = this.running;
    this.running = null;
    this.options.accounts.setDemo(null);
    for (const a of demoAccounts) this.options.onAccountGone(a.id, forget);
    const history = this.options.history();
    if (forget && history) {
      dropDemoTotal(history);
      this.options.onTotalReplaced();
    }
    await simulator.close();
  }
}
