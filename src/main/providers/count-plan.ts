/**
 * How the poller asks a provider's count plan for the requests of one cycle. The poller owns
 * scheduling, the rate budget, failures and the result; a plan (providers/<id>/count-plan.ts) only
 * says which single-request jobs count which targets, and keeps what it learns between cycles.
 */
import type { ProviderErrorInfo } from '../../shared/errors';
import type { AccountConfig, TargetKind } from '../../shared/model';
import type { AnyClient } from './module';
import type { CallOptions } from './types';

/** One watched target being counted this cycle. */
export interface CountTarget {
  kind: TargetKind;
  id: string;
  label: string;
  /** The label is the user's own: no provider name replaces it. */
  ownLabel: boolean;
  /** Parts the provider names (a LuaAuth project's scripts), reported as the target's children. */
  scripts?: ReadonlyArray<{ id: string; name: string }>;
  count: number;
  /** Session ids, where targets can overlap (a LuaProt key's sessions are also in its hub's list). */
  ids: Set<string> | null;
  /** The count of each part in this target (a script, or a project's scripts), so a part in two targets counts once. */
  parts: Map<string, number> | null;
  error?: ProviderErrorInfo;
  /** Jobs still to finish for this target; a plan adds one for each job it queues for it. */
  pending: number;
}

/** Targets waiting for a count another target's job is finding, and that job's failure if it failed. */
export interface CountWaiters {
  targets: CountTarget[];
  failed: ProviderErrorInfo | null;
}

/** One request. Follow-up jobs it returns run next (depth first). */
export interface CountJob {
  run: (signal: AbortSignal) => Promise<CountJob[] | void>;
  /** The target it counts; null: every target (one call counts them all) or none (names only). */
  targetIndex: number | null;
  /** Other targets waiting on this job's count: they fail with it. */
  alsoFor?: CountWaiters;
}

/** What a plan sees of the cycle it fills. */
export interface CountCycle {
  readonly targets: CountTarget[];
  /** Counts of every script one answer named, for accounts that watch all of them (`autoTargets`). */
  discovered: Array<{ id: string; count: number }> | null;
  /** Call options of a poll request: cancellable, and what its items lacked goes into the cycle's notes. */
  readOptions(signal: AbortSignal): CallOptions;
}

export interface CountContext<S> {
  account: AccountConfig;
  client: AnyClient;
  cycle: CountCycle;
  /** What the plan kept about this account between cycles (see CountPlan.newState). */
  state: S;
  now(): number;
  /** The user's count mode setting for providers that have one ("sessions" or "script_total"). */
  mode: string;
}

export interface CountPlan<S = unknown> {
  /** Requests one background cycle costs in steady state (the interval floor follows from it). */
  requestsPerCycle(account: AccountConfig): number;
  /** The account's plan state; `previous` is the replaced client's (a new key or server). */
  newState(previous: S | undefined): S;
  /** One call counts every target (its job has no targetIndex): targets need no job of their own. */
  countsAll?: boolean;
  /** The first jobs of a cycle. A target no job counts fails as "cannot be counted" (unless countsAll). */
  startCycle(ctx: CountContext<S>): CountJob[];
  /** The clock stepped back by `delta` ms (< 0): cached times move back with it. */
  clockSteppedBack?(state: S, delta: number, now: number): void;
  /** A name the provider gave the script `id` (for its label when the user gave none). */
  nameOf?(state: S, id: string): string | undefined;
  /** An answer that means "nothing live here", a count of 0, not a failure. */
  isEmptyAnswer?(info: ProviderErrorInfo): boolean;
  /** What the plan has learned that breaks an assumption (in words, naming it), added to each cycle's notes. */
  assumptionNotes?(state: S): string[];
}
