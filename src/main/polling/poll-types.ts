/** The shapes of polling: what a poll reports, how the poller is set up, and its per-account state (and how it starts). */
import type { Clock } from '../../shared/clock';
import type { ProviderErrorInfo } from '../../shared/errors';
import type { AccountStatus } from '../../shared/ipc-contract';
import type { AccountBudgets } from './account-budgets';
import type { AccountConfig, AccountState, TargetKind } from '../../shared/model';
import { Backoff, type BackoffOptions } from '../monitor/backoff';
import type { RandomSource } from '../monitor/seeded-random';
import type { CountCycle, CountJob, CountTarget } from '../providers/count-plan';
import type { AnyClient, ProviderModule } from '../providers/module';
import type { ReadNotes } from '../providers/read-notes';
import type { ProviderRegistry } from '../providers/registry';

/** Data older than this many intervals is no longer "fresh" for the degraded state. */
export const FRESH_INTERVALS = 3;
/**
 * The clock moved forward by more than this between two looks: the machine slept (or the clock was
 * set ahead) without a resume event. Treated like a resume: everything is polled afresh.
 */
export const CLOCK_JUMP_FORWARD_MS = 3 * 3_600_000;

export interface TargetResult {
  kind: TargetKind;
  id: string;
  label: string;
  /** `label` is the user's own (from the account's settings), not a name the provider gave. */
  ownLabel?: boolean;
  /** null when this target failed this cycle: the monitor keeps the last count, never a zero. */
  count: number | null;
  error?: ProviderErrorInfo;
  /** The failure will not go away by retrying (not_found, invalid_input, a refusal): left out of the total. */
  permanent?: boolean;
  /**
   * LuaAuth project: each of its scripts, counted (null: not counted this cycle), once the project's
   * script list is known. They are parts of this target's count, never added to the total again.
   */
  children?: TargetResult[];
}

export interface PollResult {
  accountId: string;
  at: number;
  targets: TargetResult[];
  /** Deduplicated total of the targets that succeeded; null when none did. */
  total: number | null;
  /** True when every target answered. */
  complete: boolean;
}

export interface PollerOptions {
  clock: Clock;
  /** Every account's rate budget, shared with user actions: the poller takes its job tickets there. */
  budgets: AccountBudgets;
  /** Base poll interval of an account in ms (settings), before the budget's lower bound. */
  intervalMs: (account: AccountConfig) => number;
  /** The LuaAuth count mode setting ("sessions" or "script_total"), handed to the count plans. */
  luaauthCountMode?: () => string;
  /** Where each account's count plan and rate limits come from (default: the shipped providers). */
  registry?: ProviderRegistry;
  onResult?: (result: PollResult) => void;
  /** A status change, and every finished cycle's status (its new times) just before its result. */
  onStatus?: (status: AccountStatus) => void;
  /** Something changed that may move nextDueAt (a job finished, refresh pressed...). */
  onScheduleChange?: () => void;
  random?: RandomSource;
  /** Back-off shape (default: decorrelated jitter from 1 s up to 5 min). */
  backoff?: Omit<BackoffOptions, 'random'>;
}

/** A target being counted this cycle (see providers/count-plan.ts). */
export type TargetAccumulator = CountTarget;
export type Job = CountJob;

export interface Cycle extends CountCycle {
  startedAt: number;
  queue: Job[];
  running: number;
  targets: TargetAccumulator[];
  transient: ProviderErrorInfo | null;
  fatal: ProviderErrorInfo | null;
  /** Counts of every script one answer named (Junkie), for autoTargets. */
  discovered: Array<{ id: string; count: number }> | null;
  /** A job of this cycle was cancelled (account edited or removed, pause): the cycle is never reported. */
  aborted: boolean;
  /** What this cycle's answers lacked or held unreadable (the items were still counted). */
  notes: ReadNotes;
}

export interface AccountRuntime {
  config: AccountConfig;
  client: AnyClient;
  /** The account's provider, from the registry. */
  module: ProviderModule;
  /** What the provider's count plan keeps between cycles. */
  planState: unknown;
  backoff: Backoff;
  state: AccountState;
  /** Why polling stopped (unauthorized/forbidden) until the key changes or refresh is pressed. */
  halted: boolean;
  nextCycleAt: number;
  cycle: Cycle | null;
  lastSuccessAt: number | null;
  lastAttemptAt: number | null;
  error: ProviderErrorInfo | null;
  /** The target(s) the error is about, in words ("Hub 12", and how many more), when it is about targets. */
  errorTargets: { label: string; more: number; permanent: boolean } | null;
  /** While rate limited: when the same request goes again, and whether the provider chose that time. */
  retry?: NonNullable<AccountStatus['retry']>;
  abort: AbortController;
  /** Junkie auto targets seen in earlier answers: one missing from a later answer has nobody online. */
  discovered: Set<string>;
  /** The last finished cycle's read notes, in words (AccountStatus.diagnostics). */
  diagnostics?: string[];
  /** The last session list's read notes (from the window or CLI), shown beside the poll's. */
  listDiagnostics?: string[];
}

/**
 * A fresh runtime for an account. Replacing one (a new client: key or server changed) keeps what
 * must survive: the last times, the plan state of
 * the same provider and the auto targets seen.
 */
export function newRuntime(
  config: AccountConfig,
  client: AnyClient,
  module: ProviderModule,
  existing: AccountRuntime | undefined,
  o: { now: number; paused: boolean; random: RandomSource; backoff?: Omit<BackoffOptions, 'random'> },
): AccountRuntime {
  return {
    config,
    client,
    module,
    planState: module.countPlan.newState(existing?.module === module ? existing.planState : undefined),
    backoff: new Backoff({ ...o.backoff, random: o.random }),
    state: o.paused ? 'paused' : 'idle',
    halted: false,
    nextCycleAt: o.now,
    cycle: null,
    lastSuccessAt: existing?.lastSuccessAt ?? null,
    lastAttemptAt: existing?.lastAttemptAt ?? null,
    error: null,
    errorTargets: null,
    abort: new AbortController(),
    discovered: existing?.discovered ?? new Set(),
  };
}
