/**
 * The pure rules of a poll cycle: which failures are transient, permanent or halting, how a target
 * without a label is named, the interval floor a budget imposes, and what a finished cycle reports.
 */
import type { ProviderErrorInfo } from '../../shared/errors';
import type { AccountState, TargetKind } from '../../shared/model';
import type { RateBudget } from '../monitor/rate-budget';
import type { ProviderModule } from '../providers/module';
import type { CallOptions } from '../providers/types';
import { ReadNotes } from '../providers/read-notes';
import { FRESH_INTERVALS, type AccountRuntime, type Cycle, type Job, type PollResult, type TargetAccumulator, type TargetResult } from './poll-types';

export const TRANSIENT = new Set<ProviderErrorInfo['kind']>(['unavailable', 'timeout', 'network', 'malformed']);
const PERMANENT = new Set<ProviderErrorInfo['kind']>(['not_found', 'invalid_input', 'provider_refused']);

/**
 * A target failure that retrying will not cure: a deleted script, a mistyped hub id, a refusal.
 * (An answer its provider means as "nothing live", LuaProt's "No active sessions found.", never
 * gets here: it is a count of 0.)
 */
export function isPermanentFailure(info: ProviderErrorInfo, module?: Pick<ProviderModule, 'isEmptyAnswer'>): boolean {
  return PERMANENT.has(info.kind) && !module?.isEmptyAnswer?.(info);
}
export const HALTING = new Set<ProviderErrorInfo['kind']>(['unauthorized', 'forbidden']);

/** "Hub 12": a target without a label, in its provider's word for its kind. */
export function targetLabel(module: ProviderModule, kind: TargetKind, id: string, label?: string): string {
  if (label && label.trim()) return label.trim();
  const noun = module.descriptor.targetKinds.find((k) => k.kind === kind)?.noun ?? kind.charAt(0).toUpperCase() + kind.slice(1);
  return `${noun} ${id}`;
}

/**
 * Shortest interval at which `perCycle` requests per cycle stay within the background share of every window.
 * Exported so the UI/settings can show the floor it imposes.
 */
export function minIntervalMs(budget: RateBudget, perCycle: number): number {
  const usage = budget.usage(0);
  let floor = 0;
  for (const w of usage.windows) floor = Math.max(floor, Math.ceil((w.windowMs * perCycle) / w.backgroundMax));
  return floor;
}

/**
 * Auto targets (Junkie): every script the live counts named that is not configured is reported
 * as a target; a script named before and missing from this successful answer has 0 users
 * (never its last count forever).
 */
export function addAutoTargets(runtime: AccountRuntime, cycle: Cycle): void {
  const account = runtime.config;
  if (runtime.module.descriptor.autoTargets && cycle.discovered && (account.autoTargets || account.targets.length === 0)) {
    const known = new Set(cycle.targets.map((t) => t.id));
    for (const d of cycle.discovered) {
      if (known.has(d.id)) continue;
      known.add(d.id);
      runtime.discovered.add(d.id);
      cycle.targets.push({ kind: 'script', id: d.id, label: targetLabel(runtime.module, 'script', d.id), ownLabel: false, count: d.count, ids: null, parts: null, pending: 0 });
    }
    // Junkie may leave scripts with nobody online out of the counts: a script it listed before and
    // omits from this successful answer really has 0 users (never its last count forever).
    for (const id of runtime.discovered) {
      if (known.has(id)) continue;
      cycle.targets.push({ kind: 'script', id, label: targetLabel(runtime.module, 'script', id), ownLabel: false, count: 0, ids: null, parts: null, pending: 0 });
    }
  }
}

/**
 * What a finished (or halted) cycle reports: each target's count (null where it failed or did not
 * finish), with its parts, and the account total with nothing counted twice.
 */
export function cycleResult(runtime: AccountRuntime, cycle: Cycle, counted: boolean): Pick<PollResult, 'targets' | 'total' | 'complete'> {
  // A target whose jobs did not all finish has no count, whatever it started at.
  const counts = (t: TargetAccumulator) => counted && !t.error && t.pending <= 0;
  // A script's name: the user's own label (on its own target), else the provider's, else "Script <id>".
  const ownLabels = new Map<string, string>();
  for (const t of cycle.targets) if (t.kind === 'script' && t.ownLabel) ownLabels.set(t.id, t.label);
  const plan = runtime.module.countPlan;
  const scriptLabel = (id: string): string =>
    ownLabels.get(id) ?? plan.nameOf?.(runtime.planState, id) ?? targetLabel(runtime.module, 'script', id);
  const targets: TargetResult[] = cycle.targets.map((t) => {
    const ok = counts(t);
    const label = t.kind === 'script' && !t.ownLabel ? scriptLabel(t.id) : t.label;
    const result: TargetResult = { kind: t.kind, id: t.id, label, count: ok ? t.count : null };
    if (t.ownLabel) result.ownLabel = true;
    if (t.error) {
      result.error = t.error;
      if (counted && isPermanentFailure(t.error, runtime.module)) result.permanent = true;
    }
    if (t.scripts) {
      // A script counted this cycle shows its count even when a sibling failed (the project's sum cannot).
      result.children = t.scripts.map((s) => ({ kind: 'script', id: s.id, label: scriptLabel(s.id), count: counted ? t.parts?.get(s.id) ?? null : null }));
    }
    return result;
  });
  const ok = cycle.targets.filter(counts);
  let total: number | null = null;
  if (ok.length > 0 || (counted && cycle.targets.length === 0 && !cycle.transient)) {
    // Deduplicate: a LuaAuth script counted in two targets (itself and its project) counts once; a
    // LuaProt key's sessions are also in its hub's list.
    if (ok.length > 0 && ok.every((t) => t.parts !== null)) {
      const scripts = new Map<string, number>();
      for (const t of ok) for (const [id, n] of t.parts!) scripts.set(id, n);
      total = 0;
      for (const n of scripts.values()) total += n;
    } else if (ok.every((t) => t.ids !== null)) {
      const ids = new Set<string>();
      for (const t of ok) for (const id of t.ids!) ids.add(id);
      total = ids.size;
    } else {
      total = ok.reduce((sum, t) => sum + t.count, 0);
    }
  }
  return { targets, total, complete: counted && !cycle.transient && targets.every((t) => t.count !== null) };
}

/** A failed job: its target(s), and anyone waiting on its count, fail with it (a transient failure marks the cycle). */
export function recordFailure(cycle: Cycle, job: Job, target: TargetAccumulator | null, info: ProviderErrorInfo): void {
  if (TRANSIENT.has(info.kind)) cycle.transient ??= info;
  if (job.alsoFor) {
    job.alsoFor.failed = info;
    for (const t of job.alsoFor.targets.splice(0)) {
      t.pending -= 1;
      t.error ??= info;
    }
  }
  if (target) {
    target.pending -= 1;
    target.error ??= info;
  } else {
    // Junkie's single call failed: every target failed.
    for (const t of cycle.targets) t.error ??= info;
    if (cycle.targets.length === 0) cycle.transient ??= info;
  }
}

/**
 * The outcome of a counted cycle: when the account polls next (interval, back-off after a
 * transient failure) and its state: ok, degraded (some targets failed, named) or offline.
 */
export function settleCycle(
  runtime: AccountRuntime,
  budget: RateBudget,
  cycle: Cycle,
  now: number,
  interval: number,
): { state: AccountState; error: ProviderErrorInfo | null; about: AccountRuntime['errorTargets'] } {
  const failed = cycle.targets.filter((t) => t.error);
  const succeeded = cycle.targets.length - failed.length;
  const anySuccess = succeeded > 0 || (cycle.targets.length === 0 && !cycle.transient);
  if (anySuccess) runtime.lastSuccessAt = now;

  if (failed.length === 0 && !cycle.transient) {
    runtime.backoff.reset();
    runtime.nextCycleAt = Math.max(cycle.startedAt + interval, now + minIntervalMs(budget, 1));
    return { state: 'ok', error: null, about: null };
  } else {
    const error = cycle.transient ?? failed[0]?.error ?? null;
    if (cycle.transient) {
      // Retry sooner than the interval, but exponentially later each time; the budget still caps it.
      const wait = runtime.backoff.next(cycle.transient.retryAfterMs);
      runtime.nextCycleAt = now + Math.min(interval, Math.max(wait, 1_000));
      if (wait > interval) runtime.nextCycleAt = now + wait;
    } else {
      runtime.backoff.reset();
      runtime.nextCycleAt = Math.max(cycle.startedAt + interval, now + 1_000);
    }
    const fresh = runtime.lastSuccessAt !== null && now - runtime.lastSuccessAt <= FRESH_INTERVALS * interval;
    const offline = !anySuccess && cycle.transient !== null && (cycle.transient.kind === 'network' || !fresh);
    // Some targets answered and others did not: say which one failed (degraded, in words).
    const culprit = succeeded > 0 ? failed.find((t) => t.error === error) ?? failed[0] : undefined;
    const about = culprit
      ? { label: culprit.label, more: failed.length - 1, permanent: failed.every((t) => t.error && isPermanentFailure(t.error, runtime.module)) }
      : null;
    return { state: offline ? 'offline' : 'degraded', error: culprit?.error ?? error, about };
  }
}

/**
 * The wall clock stepped back by `delta` ms (NTP, a manual change): every schedule moves back with it,
 * or polling would stop until the clock caught up (AccountBudgets.followClock moves the budgets).
 */
export function followClockBack(runtime: AccountRuntime, delta: number, now: number, interval: number): void {
  runtime.nextCycleAt = Math.min(Math.max(now, runtime.nextCycleAt + delta), now + interval);
  if (runtime.cycle) runtime.cycle.startedAt = Math.min(now, runtime.cycle.startedAt + delta);
  if (runtime.lastSuccessAt !== null) runtime.lastSuccessAt = Math.min(now, runtime.lastSuccessAt + delta);
  if (runtime.lastAttemptAt !== null) runtime.lastAttemptAt = Math.min(now, runtime.lastAttemptAt + delta);
  runtime.module.countPlan.clockSteppedBack?.(runtime.planState, delta, now);
}

/** Call options of a poll request: cancellable, and what its items lacked goes into the cycle's notes. */
export function readOptions(cycle: Cycle, signal: AbortSignal): CallOptions {
  return { signal, onReadNotes: (notes) => cycle.notes.add(notes) };
}

/** A cycle about to start: every configured target at count 0, nothing queued yet. */
export function newCycle(runtime: AccountRuntime, now: number): Cycle {
  const account = runtime.config;
  const targets: TargetAccumulator[] = account.targets.map((t) => ({
    kind: t.kind,
    id: t.id,
    label: targetLabel(runtime.module, t.kind, t.id, t.label),
    ownLabel: Boolean(t.label?.trim()),
    count: 0,
    ids: null,
    parts: null,
    pending: 0,
  }));
  const cycle: Cycle = {
    startedAt: now,
    queue: [],
    running: 0,
    targets,
    transient: null,
    fatal: null,
    discovered: null,
    aborted: false,
    notes: new ReadNotes(account.provider),
    readOptions: (signal) => readOptions(cycle, signal),
  };
  return cycle;
}
