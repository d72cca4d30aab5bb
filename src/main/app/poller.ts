/**
 * Background polling of live counts, one scheduler per account, on an injected
 * clock. Nothing here sleeps: `runDue()` starts whatever is due at `clock.now()`
 * and `nextDueAt()` says when to call it again; a small driver (poll-driver.ts)
 * does that with real timers, tests do it by moving a ManualClock.
 *
 * A poll cycle is a queue of single-request jobs. Each job takes one request
 * from the account's RateBudget before it runs, so a cycle with more requests
 * than a window allows (LuaProt with 15 hubs) simply spreads over time instead
 * of exceeding the provider's limit.
 */
import type { Clock } from '../../shared/clock';
import { explainError, type ProviderErrorInfo } from '../../shared/errors';
import type { AccountStatus } from '../../shared/ipc-contract';
import type { AccountConfig, AccountState, TargetKind } from '../../shared/model';
import { Backoff, type BackoffOptions } from '../monitor/backoff';
import { RateBudget, type Ticket } from '../monitor/rate-budget';
import type { RandomSource } from '../monitor/seeded-random';
import { ProviderError } from '../providers/errors';
import { ReadNotes } from '../providers/read-notes';
import type { CallOptions, JunkieClient, LuaAuthClient, LuaProtClient, ProviderClient } from '../providers/types';
import { asProviderErrorInfo } from '../core/core-errors';
import { newLuaAuthPaging, PageCountSearch, type LuaAuthPaging } from './luaauth-count-search';

export type LuaAuthCountMode = 'sessions' | 'script_total';
/** Project → scripts lookups are refreshed this often (they cost a request each). */
const PROJECT_SCRIPTS_TTL_MS = 30 * 60_000;
/**
 * Script info reads for a name (an unlabelled LuaAuth script watched on its own, named by no project):
 * at most this many a cycle, after that cycle's counts, and each script asked again only after
 * PROJECT_SCRIPTS_TTL_MS, so naming never crowds out counting (our limits, not LuaAuth's).
 */
const SCRIPT_NAME_READS_PER_CYCLE = 5;
/** Data older than this many intervals is no longer "fresh" for the degraded state. */
const FRESH_INTERVALS = 3;
/**
 * The clock moved forward by more than this between two looks: the machine slept (or the clock was
 * set ahead) without a resume event. Treated like a resume: everything is polled afresh.
 */
export const CLOCK_JUMP_FORWARD_MS = 3 * 3_600_000;

export interface TargetResult {
  kind: TargetKind;
  id: string;
  label: string;
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
  status: AccountStatus;
}

export interface PollerOptions {
  clock: Clock;
  /** Base poll interval of an account in ms (settings), before the budget's lower bound. */
  intervalMs: (account: AccountConfig) => number;
  luaauthCountMode?: () => LuaAuthCountMode;
  onResult?: (result: PollResult) => void;
  onStatus?: (status: AccountStatus) => void;
  /** Something changed that may move nextDueAt (a job finished, refresh pressed...). */
  onScheduleChange?: () => void;
  random?: RandomSource;
  /** Back-off shape (default: decorrelated jitter from 1 s up to 5 min). */
  backoff?: Omit<BackoffOptions, 'random'>;
  /** Background share of each rate window (default 0.5). */
  budgetShare?: number;
}

interface TargetAccumulator {
  kind: TargetKind;
  id: string;
  label: string;
  /** The label is the user's own: no provider name replaces it. */
  ownLabel: boolean;
  /** LuaAuth project: its scripts (from its executions), reported as the target's children. */
  scripts?: ReadonlyArray<{ id: string; name: string }>;
  count: number;
  /** Session ids, where targets can overlap (a LuaProt key's sessions are also in its hub's list). */
  ids: Set<string> | null;
  /** LuaAuth: the count of each script in this target (a script, or a project's scripts), so a script in two targets counts once. */
  parts: Map<string, number> | null;
  error?: ProviderErrorInfo;
  pending: number;
}

interface Job {
  run: (signal: AbortSignal) => Promise<Job[] | void>;
  targetIndex: number | null;
  /** Other targets waiting on this job's count (a LuaAuth script also counted in a project): they fail with it. */
  alsoFor?: Waiters;
}

/** Targets waiting for a count another target's job is finding, and that job's failure if it failed. */
interface Waiters {
  targets: TargetAccumulator[];
  failed: ProviderErrorInfo | null;
}

interface Cycle {
  startedAt: number;
  queue: Job[];
  running: number;
  targets: TargetAccumulator[];
  transient: ProviderErrorInfo | null;
  fatal: ProviderErrorInfo | null;
  /** Junkie: counts of every script, for autoTargets. */
  discovered: Array<{ id: string; count: number }> | null;
  /** LuaAuth script counts found this cycle, keyed by script id, to avoid counting a script twice. */
  scriptCounts: Map<string, number>;
  /** LuaAuth scripts being counted this cycle → the other targets waiting for that count. */
  scriptWaiters: Map<string, Waiters>;
  /** A job of this cycle was cancelled (account edited or removed, pause): the cycle is never reported. */
  aborted: boolean;
  /** What this cycle's answers lacked or held unreadable (the items were still counted). */
  notes: ReadNotes;
}

interface AccountRuntime {
  config: AccountConfig;
  client: ProviderClient;
  budget: RateBudget;
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
  abort: AbortController;
  projectScripts: Map<string, { at: number; scripts: Array<{ id: string; name: string }> }>;
  /**
   * LuaAuth script names the provider gave: a project's executions keys ("<name> - <id>"), replaced by
   * the script info's `name` where that is read (script_total mode), which the provider doc calls authoritative.
   */
  scriptNames: Map<string, { name: string; fromInfo: boolean }>;
  /** When each LuaAuth script's info was last read for its name (whatever the answer). */
  scriptNameReadAt: Map<string, number>;
  /** Last known count per LuaAuth script: where its next count starts looking. */
  lastCounts: Map<string, number>;
  /** What this account's LuaAuth server was seen to do with page sizes (its cap, if any). */
  luaauthPaging: LuaAuthPaging;
  /** Junkie auto targets seen in earlier answers: one missing from a later answer has nobody online. */
  discovered: Set<string>;
  /** The last finished cycle's read notes, in words (AccountStatus.diagnostics). */
  diagnostics?: string[];
  /** The last session list's read notes (from the window or CLI), shown beside the poll's. */
  listDiagnostics?: string[];
}

/** The poll's and the last list's read notes, each line once; nothing when there are none. */
function diagnosticsOf(runtime: AccountRuntime): { diagnostics?: string[] } {
  const lines = [...new Set([...(runtime.diagnostics ?? []), ...(runtime.listDiagnostics ?? [])])];
  return lines.length > 0 ? { diagnostics: lines } : {};
}

/** Call options of a poll request: cancellable, and what its items lacked goes into the cycle's notes. */
function readOptions(cycle: Cycle, signal: AbortSignal): CallOptions {
  return { signal, onReadNotes: (notes) => cycle.notes.add(notes) };
}

/**
 * A set key for a session the provider sent without an id: it still counts once (never merged with
 * another id-less session). Not an id anyone sees.
 */
const noIdKey = (where: string, index: number): string => `\u0000no-id:${where}:${index}`;

const TRANSIENT = new Set<ProviderErrorInfo['kind']>(['unavailable', 'timeout', 'network', 'malformed']);
const PERMANENT = new Set<ProviderErrorInfo['kind']>(['not_found', 'invalid_input', 'provider_refused']);

/**
 * A target failure that retrying will not cure: a deleted script, a mistyped hub id, a refusal.
 * (LuaProt's "No active sessions found." never gets here: it is a count of 0.)
 */
export function isPermanentFailure(info: ProviderErrorInfo): boolean {
  return PERMANENT.has(info.kind) && !isLuaProtEmpty(info);
}
const HALTING = new Set<ProviderErrorInfo['kind']>(['unauthorized', 'forbidden']);

function targetLabel(kind: TargetKind, id: string, label?: string): string {
  if (label && label.trim()) return label.trim();
  return `${kind === 'hub' ? 'Hub' : kind === 'key' ? 'Key' : kind === 'project' ? 'Project' : 'Script'} ${id}`;
}

/** LuaProt answers "No active sessions found." for an empty hub or key: that is a zero, not a failure. */
export function isLuaProtEmpty(info: ProviderErrorInfo): boolean {
  return info.provider === 'luaprot' && info.kind === 'provider_refused' && /no active sessions/i.test(info.message);
}

/**
 * Requests one background cycle costs for this account in steady state. LuaAuth counting by sessions
 * costs one page per script while its count moves less than half a page between polls (more when it
 * jumps: see luaauth-count-search.ts); the budget paces whatever it really takes.
 */
export function requestsPerCycle(account: AccountConfig): number {
  switch (account.provider) {
    case 'junkie':
      return 1;
    case 'luaprot':
      return Math.max(1, account.targets.filter((t) => t.kind === 'hub' || t.kind === 'key').length);
    case 'luaauth': {
      let n = 0;
      for (const t of account.targets) if (t.kind === 'project' || t.kind === 'script') n += 1;
      return Math.max(1, n);
    }
  }
}

/**
 * Where a LuaAuth script's count search starts: its own last count or, for a script not counted yet,
 * the median of the account's other scripts (scripts of one seller tend to be alike; a wrong guess
 * costs a few probes more than starting from zero, see luaauth-count-search.ts).
 */
export function countHint(lastCounts: ReadonlyMap<string, number>, scriptId: string): number | undefined {
  const own = lastCounts.get(scriptId);
  if (own !== undefined || lastCounts.size === 0) return own;
  const sorted = [...lastCounts.values()].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
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

export class Poller {
  private readonly accounts = new Map<string, AccountRuntime>();
  /** Each account's status when stop() was called, for reading after it. */
  private readonly stoppedStatuses = new Map<string, AccountStatus>();
  private pausedAll = false;
  /** The latest clock reading, to notice the wall clock stepping back or leaping ahead. */
  private lastSeen: number | null = null;
  private readonly random: RandomSource;

  constructor(private readonly options: PollerOptions) {
    this.random = options.random ?? Math.random;
  }

  private get now(): number {
    return this.options.clock.now();
  }

  /**
   * Reads the clock at a public entry point and copes with jumps. Stepping back (NTP, a manual change)
   * would leave every schedule, Retry-After block and budget entry in the future — polling would stop
   * until the clock caught up — so they all move back with the clock. A leap forward of hours (sleep
   * without a resume event) polls everything afresh, like a resume.
   */
  private observeClock(): number {
    const now = this.now;
    const last = this.lastSeen;
    this.lastSeen = now;
    if (last === null) return now;
    const delta = now - last;
    if (delta < 0) {
      for (const runtime of this.accounts.values()) {
        runtime.budget.clockSteppedBack(delta, now);
        const interval = this.intervalOf(runtime);
        runtime.nextCycleAt = Math.min(Math.max(now, runtime.nextCycleAt + delta), now + interval);
        if (runtime.cycle) runtime.cycle.startedAt = Math.min(now, runtime.cycle.startedAt + delta);
        if (runtime.lastSuccessAt !== null) runtime.lastSuccessAt = Math.min(now, runtime.lastSuccessAt + delta);
        if (runtime.lastAttemptAt !== null) runtime.lastAttemptAt = Math.min(now, runtime.lastAttemptAt + delta);
        for (const cached of runtime.projectScripts.values()) cached.at = Math.min(now, cached.at + delta);
      }
    } else if (delta > CLOCK_JUMP_FORWARD_MS) {
      for (const runtime of this.accounts.values()) {
        runtime.backoff.reset();
        if (!runtime.cycle) runtime.nextCycleAt = Math.min(runtime.nextCycleAt, now);
      }
    }
    return now;
  }

  private mode(): LuaAuthCountMode {
    return this.options.luaauthCountMode?.() ?? 'sessions';
  }

  /** Adds or replaces an account. A new client (changed key or URL) lifts an unauthorized halt. */
  upsert(config: AccountConfig, client: ProviderClient): void {
    this.observeClock();
    const existing = this.accounts.get(config.id);
    if (existing && existing.client === client) {
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
    const runtime: AccountRuntime = {
      config,
      client,
      budget: existing?.budget ?? RateBudget.forProvider(config.provider, { share: this.options.budgetShare }),
      backoff: new Backoff({ ...this.options.backoff, random: this.random }),
      state: this.pausedAll ? 'paused' : 'idle',
      halted: false,
      nextCycleAt: this.now,
      cycle: null,
      lastSuccessAt: existing?.lastSuccessAt ?? null,
      lastAttemptAt: existing?.lastAttemptAt ?? null,
      error: null,
      errorTargets: null,
      abort: new AbortController(),
      projectScripts: new Map(),
      scriptNames: existing?.scriptNames ?? new Map(),
      scriptNameReadAt: existing?.scriptNameReadAt ?? new Map(),
      lastCounts: existing?.lastCounts ?? new Map(),
      // A new client may be another server (base URL): learn its paging afresh.
      luaauthPaging: newLuaAuthPaging(),
      discovered: existing?.discovered ?? new Set(),
    };
    runtime.budget.restartPacing();
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
    this.changed();
  }

  has(accountId: string): boolean {
    return this.accounts.has(accountId);
  }

  ids(): string[] {
    return [...this.accounts.keys()];
  }

  budgetOf(accountId: string): RateBudget | undefined {
    return this.accounts.get(accountId)?.budget;
  }

  /** Poll now (within the budget): lifts an unauthorized halt and skips any back-off wait. */
  refresh(accountId?: string): void {
    this.observeClock();
    for (const runtime of this.accounts.values()) {
      if (accountId !== undefined && runtime.config.id !== accountId) continue;
      runtime.halted = false;
      runtime.budget.restartPacing();
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
      runtime.budget.restartPacing();
      runtime.nextCycleAt = this.now;
      this.emitStatus(runtime);
    }
    this.changed();
  }

  get paused(): boolean {
    return this.pausedAll;
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
        if (runtime.cycle.queue.length > 0) next = Math.min(next, runtime.budget.nextFreeAt(1, now));
      } else {
        next = Math.min(next, Math.max(runtime.nextCycleAt, runtime.budget.isBlocked(now) ? runtime.budget.nextFreeAt(1, now) : 0));
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
      for (let ticket: Ticket | null; cycle.queue.length > 0 && (ticket = runtime.budget.tryStart(1, now)); ) {
        const job = cycle.queue.shift()!;
        running.push(this.runJob(runtime, cycle, job, ticket));
      }
      if (cycle.queue.length === 0 && cycle.running === 0) this.finishCycle(runtime, cycle);
    }
    await Promise.all(running);
  }

  /**
   * User actions may use the whole budget (the other half is theirs). Returns the time the request fits,
   * taking it when that is now. The ticket says when the answer came back (`done(clock.now())`), so the
   * request counts until a window after that; one never reported stops counting MAX_IN_FLIGHT_MS later.
   */
  takeUser(accountId: string, n = 1): { ok: true; ticket: Ticket } | { ok: false; freeAt: number } {
    const now = this.observeClock();
    const runtime = this.accounts.get(accountId);
    if (!runtime) return { ok: true, ticket: { done: () => undefined } };
    const ticket = runtime.budget.tryStart(n, now, { user: true });
    if (ticket) return { ok: true, ticket };
    return { ok: false, freeAt: runtime.budget.nextFreeAt(n, now, { user: true }) };
  }

  /** User request(s) already sent outside the budget (the key test when adding): they still count. */
  noteUserSent(accountId: string, n = 1): void {
    const now = this.observeClock();
    this.accounts.get(accountId)?.budget.noteSent(n, now);
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

  /** A user action got a 429: the whole account (polling too) respects the Retry-After. */
  noteRateLimited(accountId: string, retryAfterMs: number | undefined): void {
    const runtime = this.accounts.get(accountId);
    if (!runtime) return;
    runtime.budget.blockUntil(this.now + (retryAfterMs ?? 5_000));
    this.changed();
  }

  /* ---------------- internals ---------------- */

  private intervalOf(runtime: AccountRuntime): number {
    const perCycle = requestsPerCycle(runtime.config);
    return Math.max(this.options.intervalMs(runtime.config), minIntervalMs(runtime.budget, perCycle));
  }

  private restart(runtime: AccountRuntime): void {
    runtime.abort.abort();
    runtime.abort = new AbortController();
    runtime.cycle = null;
    runtime.halted = false;
    runtime.budget.restartPacing();
    runtime.nextCycleAt = this.now;
  }

  private changed(): void {
    this.options.onScheduleChange?.();
  }

  private statusOf(runtime: AccountRuntime): AccountStatus {
    const nextPollAt = this.pausedAll || runtime.halted ? null : runtime.cycle ? this.now : runtime.nextCycleAt;
    return {
      accountId: runtime.config.id,
      state: runtime.state,
      lastSuccessAt: runtime.lastSuccessAt,
      lastAttemptAt: runtime.lastAttemptAt,
      nextPollAt,
      error: runtime.error,
      explanation: runtime.error ? this.explain(runtime.error, runtime.errorTargets) : null,
      ...diagnosticsOf(runtime),
    };
  }

  /** The error in words, saying which target failed when it is about targets (not the whole account). */
  private explain(error: ProviderErrorInfo, about: AccountRuntime['errorTargets']): { title: string; advice: string } {
    const words = explainError(error);
    if (!about) return words;
    const who = about.more > 0 ? `${about.label} (and ${about.more} more target${about.more > 1 ? 's' : ''})` : about.label;
    const left = about.permanent
      ? `${about.more > 0 ? 'They are' : 'It is'} left out of the account total until ${about.more > 0 ? 'they answer' : 'it answers'} again.`
      : 'The account total waits for it a few rounds, then goes on without it.';
    return { title: `${who}: ${words.title}`, advice: `${words.advice} ${left}` };
  }

  private emitStatus(runtime: AccountRuntime): void {
    this.options.onStatus?.(this.statusOf(runtime));
  }

  private setState(
    runtime: AccountRuntime,
    state: AccountState,
    error: ProviderErrorInfo | null,
    about: AccountRuntime['errorTargets'] = null,
  ): void {
    const changed =
      runtime.state !== state ||
      runtime.error?.message !== error?.message ||
      runtime.error?.kind !== error?.kind ||
      JSON.stringify(runtime.errorTargets) !== JSON.stringify(about);
    runtime.state = state;
    runtime.error = error;
    runtime.errorTargets = about;
    if (changed) this.emitStatus(runtime);
  }

  private startCycle(runtime: AccountRuntime, now: number): Cycle {
    runtime.lastAttemptAt = now;
    const account = runtime.config;
    const targets: TargetAccumulator[] = account.targets.map((t) => ({
      kind: t.kind,
      id: t.id,
      label: targetLabel(t.kind, t.id, t.label),
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
      scriptCounts: new Map(),
      scriptWaiters: new Map(),
      aborted: false,
      notes: new ReadNotes(account.provider),
    };
    const client = runtime.client;
    switch (client.provider) {
      case 'junkie':
        cycle.queue.push(this.junkieJob(client, cycle));
        break;
      case 'luaprot': {
        // Ids are read only where targets can overlap: a key's sessions are also in its hub's list
        // (and a target listed twice); hubs alone are disjoint and are only counted.
        const kinds = new Set(targets.map((t) => t.kind));
        const overlap = (kinds.has('hub') && kinds.has('key')) || new Set(targets.map((t) => `${t.kind}:${t.id}`)).size < targets.length;
        targets.forEach((t, i) => {
          if (t.kind === 'hub' || t.kind === 'key') cycle.queue.push(this.luaprotJob(client, cycle, i, overlap));
        });
        break;
      }
      case 'luaauth':
        targets.forEach((t, i) => {
          if (t.kind === 'script') cycle.queue.push(...this.luaauthScriptJobs(runtime, client, cycle, i, t.id));
          else if (t.kind === 'project') cycle.queue.push(this.luaauthProjectJob(runtime, client, cycle, i));
        });
        cycle.queue.push(...this.luaauthNameJobs(runtime, client, cycle));
        break;
    }
    if (account.provider !== 'junkie') {
      for (const t of targets) {
        if (t.pending === 0) {
          t.error = { kind: 'invalid_input', provider: account.provider, message: `${t.kind} targets cannot be counted at ${account.provider}` };
        }
      }
    }
    return cycle;
  }

  private junkieJob(client: JunkieClient, cycle: Cycle): Job {
    return {
      targetIndex: null,
      run: async (signal) => {
        const live = await client.liveCounts(readOptions(cycle, signal));
        cycle.discovered = Object.entries(live.counts).map(([id, count]) => ({ id, count }));
        for (const t of cycle.targets) {
          // Junkie may leave scripts with nobody online out of the counts.
          t.count = live.counts[t.id] ?? 0;
        }
      },
    };
  }

  private luaprotJob(client: LuaProtClient, cycle: Cycle, index: number, withIds: boolean): Job {
    const target = cycle.targets[index]!;
    target.pending += 1;
    return {
      targetIndex: index,
      run: async (signal) => {
        const scope = target.kind === 'hub' ? { hubId: target.id } : { key: target.id };
        try {
          const { count, ids } = await client.sessionCount(scope, withIds, readOptions(cycle, signal));
          if (ids) {
            target.ids = new Set(ids);
            target.count = target.ids.size;
          } else target.count = count;
        } catch (error) {
          const info = asProviderErrorInfo(error);
          if (info && isLuaProtEmpty(info)) {
            if (withIds) target.ids = new Set();
            target.count = 0;
            return;
          }
          throw error;
        }
      },
    };
  }

  /**
   * The job that counts one LuaAuth script into `target`; it adds a follow-up probe while the count
   * is not known yet (see PageCountSearch). Each job adds to target.pending.
   */
  private luaauthScriptJobs(runtime: AccountRuntime, client: LuaAuthClient, cycle: Cycle, index: number, scriptId: string): Job[] {
    const target = cycle.targets[index]!;
    // Counted already this cycle, or being counted for another target: no second request for it.
    const known = cycle.scriptCounts.get(scriptId);
    if (known !== undefined) {
      this.addScriptCount(runtime, target, scriptId, known);
      return [];
    }
    const waiting = cycle.scriptWaiters.get(scriptId);
    if (waiting?.failed) {
      target.error ??= waiting.failed;
      return [];
    }
    target.pending += 1;
    if (waiting) {
      waiting.targets.push(target);
      return [];
    }
    const waiters: Waiters = { targets: [], failed: null };
    cycle.scriptWaiters.set(scriptId, waiters);
    const found = (count: number): void => {
      cycle.scriptWaiters.delete(scriptId);
      cycle.scriptCounts.set(scriptId, count);
      this.addScriptCount(runtime, target, scriptId, count);
      for (const t of waiters.targets) {
        this.addScriptCount(runtime, t, scriptId, count);
        t.pending -= 1;
      }
    };
    if (this.mode() === 'script_total') {
      return [
        {
          targetIndex: index,
          alsoFor: waiters,
          run: async (signal) => {
            const script = await client.script(scriptId, readOptions(cycle, signal));
            if (script.name.trim()) runtime.scriptNames.set(scriptId, { name: script.name.trim(), fromInfo: true });
            const count = script.totalSessions;
            if (count === null) {
              // The script was read, but without the one number this mode counts by.
              throw new ProviderError({
                kind: 'malformed',
                provider: 'luaauth',
                request: 'GET /scripts/{id}',
                message: `the script info has no readable total_sessions to count by; switch the LuaAuth count mode to "sessions"`,
              });
            }
            found(count);
          },
        },
      ];
    }
    // Made when the first probe runs, so a script seen for the first time can start from the counts
    // its siblings have just been given.
    let search: PageCountSearch | null = null;
    const probe = (): Job => ({
      targetIndex: index,
      alsoFor: waiters,
      run: async (signal) => {
        search ??= new PageCountSearch(runtime.luaauthPaging, countHint(runtime.lastCounts, scriptId));
        const from = search.next()!;
        search.answer(from, await client.sessionCount(scriptId, { from, limit: search.limit }, readOptions(cycle, signal)));
        if (search.count === null) {
          target.pending += 1;
          return [probe()];
        }
        found(search.count);
        return undefined;
      },
    });
    return [probe()];
  }

  private addScriptCount(runtime: AccountRuntime, target: TargetAccumulator, scriptId: string, count: number): void {
    target.parts ??= new Map();
    if (!target.parts.has(scriptId)) {
      target.parts.set(scriptId, count);
      target.count += count;
    }
    runtime.lastCounts.set(scriptId, count);
  }

  /** A LuaAuth project counts as the sum of its scripts, found through its executions (cached). */
  private luaauthProjectJob(runtime: AccountRuntime, client: LuaAuthClient, cycle: Cycle, index: number): Job {
    const target = cycle.targets[index]!;
    target.pending += 1;
    return {
      targetIndex: index,
      run: async (signal) => {
        const cached = runtime.projectScripts.get(target.id);
        let scripts = cached && this.now - cached.at < PROJECT_SCRIPTS_TTL_MS ? cached.scripts : null;
        if (!scripts) {
          const executions = await client.projectExecutions(target.id, readOptions(cycle, signal));
          scripts = executions.scripts.map((s) => ({ id: s.id, name: s.name }));
          runtime.projectScripts.set(target.id, { at: this.now, scripts });
          for (const s of scripts) {
            const name = s.name.trim();
            if (name && !runtime.scriptNames.get(s.id)?.fromInfo) runtime.scriptNames.set(s.id, { name, fromInfo: false });
          }
        }
        target.scripts = scripts;
        return scripts.flatMap((s) => this.luaauthScriptJobs(runtime, client, cycle, index, s.id));
      },
    };
  }

  /**
   * Reads the info of a few unlabelled script targets that no project named yet, for their names
   * (the script_total mode reads it anyway). Queued after the counts; a failure only leaves the
   * "Script <id>" label, never fails the cycle.
   */
  private luaauthNameJobs(runtime: AccountRuntime, client: LuaAuthClient, cycle: Cycle): Job[] {
    if (this.mode() === 'script_total') return [];
    const now = this.now;
    const ids = new Set<string>();
    for (const t of cycle.targets) {
      if (t.kind !== 'script' || t.ownLabel || runtime.scriptNames.has(t.id)) continue;
      const readAt = runtime.scriptNameReadAt.get(t.id);
      if (readAt !== undefined && now - readAt < PROJECT_SCRIPTS_TTL_MS) continue;
      ids.add(t.id);
      if (ids.size >= SCRIPT_NAME_READS_PER_CYCLE) break;
    }
    return [...ids].map((id) => ({
      targetIndex: null,
      run: async (signal) => {
        runtime.scriptNameReadAt.set(id, this.now);
        try {
          const name = (await client.script(id, readOptions(cycle, signal))).name.trim();
          if (name) runtime.scriptNames.set(id, { name, fromInfo: true });
        } catch (error) {
          // A cancelled cycle stays cancelled, a rate limit waits like any request, a rejected key
          // stops polling; anything else only costs the name.
          const kind = asProviderErrorInfo(error)?.kind;
          if (signal.aborted || kind === 'rate_limited' || (kind !== undefined && HALTING.has(kind))) throw error;
        }
      },
    }));
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
      // Same job again once the provider allows it; the whole account waits (Retry-After or back-off).
      const wait = runtime.backoff.next(info.retryAfterMs);
      runtime.budget.blockUntil(now + wait);
      cycle.queue.unshift(job);
      this.setState(runtime, 'rate_limited', { ...info, retryAfterMs: wait });
      return;
    }
    if (HALTING.has(info.kind)) {
      cycle.fatal = info;
      cycle.queue.length = 0;
      return;
    }
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

  private finishCycle(runtime: AccountRuntime, cycle: Cycle): void {
    if (!this.isCurrent(runtime, cycle)) return;
    runtime.cycle = null;
    const now = this.now;
    const account = runtime.config;
    const interval = this.intervalOf(runtime);

    const diagnostics = cycle.notes.lines();
    if (diagnostics.length > 0) runtime.diagnostics = diagnostics;
    else delete runtime.diagnostics;

    if (cycle.fatal) {
      runtime.halted = true;
      this.setState(runtime, 'unauthorized', cycle.fatal);
      this.emitResult(runtime, cycle, now, false);
      return;
    }

    // Junkie auto targets: every script in the live counts that is not configured.
    if (account.provider === 'junkie' && cycle.discovered && (account.autoTargets || account.targets.length === 0)) {
      const known = new Set(cycle.targets.map((t) => t.id));
      for (const d of cycle.discovered) {
        if (known.has(d.id)) continue;
        known.add(d.id);
        runtime.discovered.add(d.id);
        cycle.targets.push({ kind: 'script', id: d.id, label: targetLabel('script', d.id), ownLabel: false, count: d.count, ids: null, parts: null, pending: 0 });
      }
      // Junkie may leave scripts with nobody online out of the counts: a script it listed before and
      // omits from this successful answer really has 0 users (never its last count forever).
      for (const id of runtime.discovered) {
        if (known.has(id)) continue;
        cycle.targets.push({ kind: 'script', id, label: targetLabel('script', id), ownLabel: false, count: 0, ids: null, parts: null, pending: 0 });
      }
    }

    const failed = cycle.targets.filter((t) => t.error);
    const succeeded = cycle.targets.length - failed.length;
    const anySuccess = succeeded > 0 || (cycle.targets.length === 0 && !cycle.transient);
    if (anySuccess) runtime.lastSuccessAt = now;

    if (failed.length === 0 && !cycle.transient) {
      runtime.backoff.reset();
      runtime.nextCycleAt = Math.max(cycle.startedAt + interval, now + minIntervalMs(runtime.budget, 1));
      this.setState(runtime, 'ok', null);
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
        ? { label: culprit.label, more: failed.length - 1, permanent: failed.every((t) => t.error && isPermanentFailure(t.error)) }
        : null;
      this.setState(runtime, offline ? 'offline' : 'degraded', culprit?.error ?? error, about);
    }
    this.emitResult(runtime, cycle, now, true);
  }

  private emitResult(runtime: AccountRuntime, cycle: Cycle, now: number, counted: boolean): void {
    // A target whose jobs did not all finish has no count, whatever it started at.
    const counts = (t: TargetAccumulator) => counted && !t.error && t.pending <= 0;
    // A script's name: the user's own label (on its own target), else the provider's, else "Script <id>".
    const ownLabels = new Map<string, string>();
    for (const t of cycle.targets) if (t.kind === 'script' && t.ownLabel) ownLabels.set(t.id, t.label);
    const scriptLabel = (id: string): string => ownLabels.get(id) ?? runtime.scriptNames.get(id)?.name ?? targetLabel('script', id);
    const targets: TargetResult[] = cycle.targets.map((t) => {
      const ok = counts(t);
      const label = t.kind === 'script' && !t.ownLabel ? scriptLabel(t.id) : t.label;
      const result: TargetResult = { kind: t.kind, id: t.id, label, count: ok ? t.count : null };
      if (t.error) {
        result.error = t.error;
        if (counted && isPermanentFailure(t.error)) result.permanent = true;
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
    this.options.onResult?.({
      accountId: runtime.config.id,
      at: now,
      targets,
      total,
      complete: counted && !cycle.transient && targets.every((t) => t.count !== null),
      status: this.statusOf(runtime),
    });
  }
}
