/**
 * Background polling of live counts, one scheduler per account, on an injected
 * clock. Nothing here sleeps: `runDue()` starts whatever is due at `clock.now()`
 * and `nextDueAt()` says when to call it again; a small driver (poll-driver.ts)
 * does that with real timers, tests do it by moving a ManualClock.
 *
 * A poll cycle is a queue of single-request jobs. Each job takes one request
 * from the account's RateBudget (held by AccountBudgets, which user actions take
 * from too) before it runs, so a cycle with more requests than a window allows
 * (LuaProt with 15 hubs) simply spreads over time instead of exceeding the
 * provider's limit. The jobs come from the provider's count plan;
 * cycle-outcome.ts says what a finished cycle means, status-text.ts says it in words.
 */
import type { ProviderErrorInfo } from '../../shared/errors';
import type { AccountStatus } from '../../shared/ipc-contract';
import type { AccountConfig, AccountState } from '../../shared/model';
import type { RateBudget, Ticket } from '../monitor/rate-budget';
import type { RandomSource } from '../monitor/seeded-random';
import type { AnyClient } from '../providers/module';
import { defaultProviderRegistry, type ProviderRegistry } from '../providers/registry';
import { asProviderErrorInfo } from '../core/core-errors';
import { addAutoTargets, cycleResult, followClockBack, HALTING, minIntervalMs, newCycle, recordFailure, settleCycle } from './cycle-outcome';
import { CLOCK_JUMP_FORWARD_MS, newRuntime, type AccountRuntime, type Cycle, type Job, type PollerOptions, type TargetAccumulator } from './poll-types';
import { statusOf } from './status-text';

export type { LuaAuthCountMode } from '../providers/luaauth/count-plan';
export type { PollerOptions, PollResult } from './poll-types';

export class Poller {
  private readonly accounts = new Map<string, AccountRuntime>();
  /** Each account's status when stop() was called, for reading after it. */
  private readonly stoppedStatuses = new Map<string, AccountStatus>();
  private pausedAll = false;
  /** The latest clock reading, to notice the wall clock stepping back or leaping ahead. */
  private lastSeen: number | null = null;
  private readonly random: RandomSource;
  private readonly registry: ProviderRegistry;

  constructor(private readonly options: PollerOptions) {
    this.random = options.random ?? Math.random;
    this.registry = options.registry ?? defaultProviderRegistry;
  }

  private get now(): number {
    return this.options.clock.now();
  }

  /**
   * Reads the clock at a public entry point and copes with jumps. Stepping back (NTP, a manual change)
   * would leave every schedule in the future — polling would stop until the clock caught up — so they
   * move back with the clock (and the budgets, told of every reading). A leap forward of hours (sleep
   * without a resume event) polls everything afresh, like a resume.
   */
  private observeClock(): number {
    const now = this.options.budgets.followClock(this.now);
    const last = this.lastSeen;
    this.lastSeen = now;
    if (last === null) return now;
    const delta = now - last;
    if (delta < 0) {
      for (const runtime of this.accounts.values()) followClockBack(runtime, delta, now, this.intervalOf(runtime));
    } else if (delta > CLOCK_JUMP_FORWARD_MS) {
      for (const runtime of this.accounts.values()) {
        runtime.backoff.reset();
        if (!runtime.cycle) runtime.nextCycleAt = Math.min(runtime.nextCycleAt, now);
      }
    }
    return now;
  }

  private mode(): string {
    return this.options.luaauthCountMode?.() ?? 'sessions';
  }

  /** Adds or replaces an account. A new client (changed key or URL) lifts an unauthorized halt. */
  upsert(config: AccountConfig, client: AnyClient): void {
    this.observeClock();
    const existing = this.accounts.get(config.id);
    if (existing && existing.client === client) {
      // Rate limits are a setting: changed ones take effect without a new client.
      this.options.budgets.set(config, existing.module);
      const targetsChanged =
        JSON.stringify(existing.config.targets) !== JSON.stringify(config.targets) ||
        existing.config.autoTargets !== config.autoTargets;
      existing.config = config;
      if (targetsChanged) this.restart(existing);
      this.changed();
      return;
    }
    if (existing) {
      // The old runtime's in-flight cycle dies with it: its jobs must not finish it into a result.
      existing.abort.abort();
      existing.cycle = null;
    }
    const runtime = newRuntime(config, client, this.registry.get(config.provider), existing, {
      now: this.now,
      paused: this.pausedAll,
      random: this.random,
      ...(this.options.backoff ? { backoff: this.options.backoff } : {}),
    });
    // The same limits keep the budget (requests already sent still count).
    this.options.budgets.set(config, runtime.module).restartPacing();
    this.accounts.set(config.id, runtime);
    this.emitStatus(runtime);
    this.changed();
  }

  remove(accountId: string): void {
    const runtime = this.accounts.get(accountId);
    if (!runtime) return;
    runtime.abort.abort();
    runtime.cycle = null;
    this.accounts.delete(accountId);
    this.options.budgets.drop(accountId);
    this.changed();
  }

  ids(): string[] {
    return [...this.accounts.keys()];
  }

  /** Poll now (within the budget): lifts an unauthorized halt and skips any back-off wait. */
  refresh(accountId?: string): void {
    this.observeClock();
    for (const runtime of this.accounts.values()) {
      if (accountId !== undefined && runtime.config.id !== accountId) continue;
      runtime.halted = false;
      this.budgetOf(runtime).restartPacing();
      if (!runtime.cycle) runtime.nextCycleAt = this.now;
      if (runtime.state === 'unauthorized') {
        runtime.state = 'idle';
        this.emitStatus(runtime);
      }
    }
    this.changed();
  }

  /** Stops all polling (sleep, offline, user pause); in-flight requests are cancelled. */
  pause(): void {
    if (this.pausedAll) return;
    this.pausedAll = true;
    for (const runtime of this.accounts.values()) {
      runtime.abort.abort();
      runtime.abort = new AbortController();
      runtime.cycle = null;
      runtime.state = 'paused';
      this.emitStatus(runtime);
    }
    this.changed();
  }

  /** Resumes polling with an immediate refresh of every account. */
  resume(): void {
    this.observeClock();
    if (!this.pausedAll) return;
    this.pausedAll = false;
    for (const runtime of this.accounts.values()) {
      runtime.state = runtime.halted ? 'unauthorized' : 'idle';
      this.budgetOf(runtime).restartPacing();
      runtime.nextCycleAt = this.now;
      this.emitStatus(runtime);
    }
    this.changed();
  }

  /**
   * Cancels every request and forgets the accounts (an upsert afterwards starts afresh), but each
   * account's last status stays readable through status(): the CLI's `live` reads them after
   * stopping, and losing them made a rate-limited account look like "offline, no error".
   */
  stop(): void {
    for (const runtime of this.accounts.values()) {
      runtime.abort.abort();
      this.stoppedStatuses.set(runtime.config.id, { ...this.statusOf(runtime), nextPollAt: null });
      this.options.budgets.drop(runtime.config.id);
    }
    this.accounts.clear();
  }

  status(accountId: string): AccountStatus | null {
    const runtime = this.accounts.get(accountId);
    return runtime ? this.statusOf(runtime) : (this.stoppedStatuses.get(accountId) ?? null);
  }

  /** The effective interval: the settings value, never below what the budget allows for this many targets. */
  effectiveIntervalMs(accountId: string): number | null {
    const runtime = this.accounts.get(accountId);
    return runtime ? this.intervalOf(runtime) : null;
  }

  /** When runDue() next has something to do; null when nothing is scheduled. */
  nextDueAt(): number | null {
    const now = this.observeClock();
    if (this.pausedAll) return null;
    let next = Infinity;
    for (const runtime of this.accounts.values()) {
      if (runtime.halted) continue;
      if (runtime.cycle) {
        if (runtime.cycle.queue.length > 0) next = Math.min(next, this.budgetOf(runtime).nextFreeAt(1, now));
      } else {
        const budget = this.budgetOf(runtime);
        next = Math.min(next, Math.max(runtime.nextCycleAt, budget.isBlocked(now) ? budget.nextFreeAt(1, now) : 0));
      }
    }
    return Number.isFinite(next) ? next : null;
  }

  /** Starts every job that is due and fits the budget at clock.now(); resolves when those jobs finished. */
  async runDue(): Promise<void> {
    const now = this.observeClock();
    if (this.pausedAll) return;
    const running: Promise<void>[] = [];
    for (const runtime of this.accounts.values()) {
      if (runtime.halted) continue;
      if (!runtime.cycle && now >= runtime.nextCycleAt) runtime.cycle = this.startCycle(runtime, now);
      const cycle = runtime.cycle;
      if (!cycle) continue;
      // Each job is one request: it counts against the budget from now until a window after its
      // answer came back (whenever the network delivered it), and the budget paces the jobs.
      const budget = this.budgetOf(runtime);
      for (let ticket: Ticket | null; cycle.queue.length > 0 && (ticket = budget.tryStart(1, now)); ) {
        const job = cycle.queue.shift()!;
        running.push(this.runJob(runtime, cycle, job, ticket));
      }
      if (cycle.queue.length === 0 && cycle.running === 0) this.finishCycle(runtime, cycle);
    }
    await Promise.all(running);
  }

  /** What the items of a session list of this account lacked ([] for a clean list): shown in its status. */
  noteListRead(accountId: string, lines: string[]): void {
    const runtime = this.accounts.get(accountId);
    if (!runtime) return;
    const before = JSON.stringify(runtime.listDiagnostics ?? []);
    if (lines.length > 0) runtime.listDiagnostics = [...lines];
    else delete runtime.listDiagnostics;
    if (JSON.stringify(runtime.listDiagnostics ?? []) !== before) this.emitStatus(runtime);
  }

  /* ---------------- internals ---------------- */

  private intervalOf(runtime: AccountRuntime): number {
    const perCycle = runtime.module.countPlan.requestsPerCycle(runtime.config);
    return Math.max(this.options.intervalMs(runtime.config), minIntervalMs(this.budgetOf(runtime), perCycle));
  }

  /** The account's budget in AccountBudgets (upsert made it; made from the config again if it went missing). */
  private budgetOf(runtime: AccountRuntime): RateBudget {
    return this.options.budgets.get(runtime.config.id) ?? this.options.budgets.set(runtime.config, runtime.module);
  }

  private restart(runtime: AccountRuntime): void {
    runtime.abort.abort();
    runtime.abort = new AbortController();
    runtime.cycle = null;
    runtime.halted = false;
    this.budgetOf(runtime).restartPacing();
    runtime.nextCycleAt = this.now;
  }

  private changed(): void {
    this.options.onScheduleChange?.();
  }

  private statusOf(runtime: AccountRuntime): AccountStatus {
    return statusOf(runtime, this.now, this.pausedAll);
  }

  private emitStatus(runtime: AccountRuntime): void {
    this.options.onStatus?.(this.statusOf(runtime));
  }

  /** Sets the account's state; true when that changed what its status says. */
  private setState(
    runtime: AccountRuntime,
    state: AccountState,
    error: ProviderErrorInfo | null,
    about: AccountRuntime['errorTargets'] = null,
  ): boolean {
    const changed =
      runtime.state !== state ||
      runtime.error?.message !== error?.message ||
      runtime.error?.kind !== error?.kind ||
      JSON.stringify(runtime.errorTargets) !== JSON.stringify(about);
    runtime.state = state;
    runtime.error = error;
    runtime.errorTargets = about;
    return changed;
  }

  private startCycle(runtime: AccountRuntime, now: number): Cycle {
    runtime.lastAttemptAt = now;
    const account = runtime.config;
    const cycle = newCycle(runtime, now);
    const targets = cycle.targets;
    const plan = runtime.module.countPlan;
    cycle.queue.push(...plan.startCycle({ account, client: runtime.client, cycle, state: runtime.planState, now: () => this.now, mode: this.mode() }));
    // A target no job counts cannot be counted at this provider (unless one call counts them all).
    if (!plan.countsAll) {
      for (const t of targets) {
        if (t.pending === 0) {
          t.error = { kind: 'invalid_input', provider: account.provider, message: `${t.kind} targets cannot be counted at ${account.provider}` };
        }
      }
    }
    return cycle;
  }

  /** The runtime is still the one polling its account and this cycle is still its cycle. */
  private isCurrent(runtime: AccountRuntime, cycle: Cycle): boolean {
    return !cycle.aborted && runtime.cycle === cycle && this.accounts.get(runtime.config.id) === runtime;
  }

  private async runJob(runtime: AccountRuntime, cycle: Cycle, job: Job, ticket: Ticket): Promise<void> {
    cycle.running += 1;
    const signal = runtime.abort.signal;
    const target = job.targetIndex === null ? null : cycle.targets[job.targetIndex]!;
    try {
      let follow: Job[] | void;
      try {
        follow = await job.run(signal);
      } finally {
        // Answered, failed or given up: the provider counted it by now at the latest; it stays counted a window from here.
        ticket.done(this.now);
      }
      if (signal.aborted || !this.isCurrent(runtime, cycle)) {
        cycle.aborted = true;
        return;
      }
      // Follow-ups first (depth first): a LuaAuth count finishes before the next script starts, so
      // the next can start from it; a project's scripts are counted right after it is read.
      if (follow && follow.length > 0) cycle.queue.unshift(...follow);
      if (target) target.pending -= 1;
    } catch (error) {
      if (signal.aborted || !this.isCurrent(runtime, cycle)) {
        // An aborted job counted nothing: its cycle can never be reported (the targets kept their start count 0).
        cycle.aborted = true;
        return;
      }
      const info = asProviderErrorInfo(error) ?? {
        kind: 'malformed' as const,
        provider: runtime.config.provider,
        message: 'unexpected failure while reading the response',
      };
      this.handleFailure(runtime, cycle, job, target, info);
    } finally {
      cycle.running -= 1;
      if (this.isCurrent(runtime, cycle) && cycle.queue.length === 0 && cycle.running === 0) this.finishCycle(runtime, cycle);
      this.changed();
    }
  }

  private handleFailure(runtime: AccountRuntime, cycle: Cycle, job: Job, target: TargetAccumulator | null, info: ProviderErrorInfo): void {
    const now = this.now;
    if (info.kind === 'rate_limited') {
      // Same job again once the provider allows it; the whole account waits. A Retry-After is the
      // provider's word on when it accepts again: waited exactly, since back-off growing past it over a
      // burst of 429s kept accounts waiting minutes after the burst ended. Without one, back-off.
      const computed = runtime.backoff.next();
      const asked = info.retryAfterMs !== undefined && Number.isFinite(info.retryAfterMs) && info.retryAfterMs > 0;
      const wait = asked ? info.retryAfterMs! : computed;
      this.budgetOf(runtime).blockUntil(now + wait);
      cycle.queue.unshift(job);
      runtime.retry = { at: now + wait, askedByProvider: asked };
      this.setState(runtime, 'rate_limited', { ...info, retryAfterMs: wait });
      // Every time, changed state or not: the retry time moved.
      this.emitStatus(runtime);
      return;
    }
    if (HALTING.has(info.kind)) {
      cycle.fatal = info;
      cycle.queue.length = 0;
      return;
    }
    recordFailure(cycle, job, target, info);
  }

  private finishCycle(runtime: AccountRuntime, cycle: Cycle): void {
    if (!this.isCurrent(runtime, cycle)) return;
    runtime.cycle = null;
    const now = this.now;
    const interval = this.intervalOf(runtime);

    const diagnostics = [...cycle.notes.lines(), ...(runtime.module.countPlan.assumptionNotes?.(runtime.planState) ?? [])];
    if (diagnostics.length > 0) runtime.diagnostics = diagnostics;
    else delete runtime.diagnostics;

    if (cycle.fatal) {
      runtime.halted = true;
      this.setState(runtime, 'unauthorized', cycle.fatal);
      this.emitResult(runtime, cycle, now, false);
      return;
    }

    addAutoTargets(runtime, cycle);

    const { state, error, about } = settleCycle(runtime, this.budgetOf(runtime), cycle, now, interval);
    this.setState(runtime, state, error, about);
    this.emitResult(runtime, cycle, now, true);
  }

  /**
   * The cycle's status, changed or not (its new lastSuccessAt, lastAttemptAt and nextPollAt), then its
   * counts: status is published only through onStatus, and both land in the same monitor commit.
   */
  private emitResult(runtime: AccountRuntime, cycle: Cycle, now: number, counted: boolean): void {
    const { targets, total, complete } = cycleResult(runtime, cycle, counted);
    this.emitStatus(runtime);
    this.options.onResult?.({ accountId: runtime.config.id, at: now, targets, total, complete });
  }
}
