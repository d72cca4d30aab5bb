/**
 * How the poller counts LuaAuth: per script, by probing its offset-paged session list
 * (count-search.ts) or, in the "script_total" mode, by the script info's total_sessions. A project
 * counts as the sum of its scripts (found through its executions, cached); a script in two targets
 * (itself and its project) is counted once a cycle.
 */
import { asProviderErrorInfo } from '../../core/core-errors';
import type { CountContext, CountJob, CountPlan, CountTarget, CountWaiters } from '../count-plan';
import { ProviderError } from '../errors';
import { asLuaAuth } from './client-of';
import { newLuaAuthPaging, PageCountSearch, type LuaAuthPaging } from './count-search';
import { luaauthPageCapNote } from './assumptions';
import type { LuaAuthClient } from './types';

/** Project → scripts lookups are refreshed this often (they cost a request each). */
const PROJECT_SCRIPTS_TTL_MS = 30 * 60_000;
/**
 * Script info reads for a name (an unlabelled LuaAuth script watched on its own, named by no project):
 * at most this many a cycle, after that cycle's counts, and each script asked again only after
 * PROJECT_SCRIPTS_TTL_MS, so naming never crowds out counting (our limits, not LuaAuth's).
 */
const SCRIPT_NAME_READS_PER_CYCLE = 5;
/** Failures a name read must not swallow: they stop polling (see the poller's HALTING). */
const HALTING_KINDS = new Set(['unauthorized', 'forbidden']);

export type LuaAuthCountMode = 'sessions' | 'script_total';

/** What the plan keeps about one account between cycles. */
export interface LuaAuthCountState {
  projectScripts: Map<string, { at: number; scripts: Array<{ id: string; name: string }> }>;
  /**
   * Script names the provider gave: a project's executions keys ("<name> - <id>"), replaced by
   * the script info's `name` where that is read (script_total mode), which the provider doc calls authoritative.
   */
  scriptNames: Map<string, { name: string; fromInfo: boolean }>;
  /** When each script's info was last read for its name (whatever the answer). */
  scriptNameReadAt: Map<string, number>;
  /** Last known count per script: where its next count starts looking. */
  lastCounts: Map<string, number>;
  /** What this account's server was seen to do with page sizes (its cap, if any). */
  paging: LuaAuthPaging;
}

/**
 * Where a script's count search starts: its own last count or, for a script not counted yet,
 * the median of the account's other scripts (scripts of one seller tend to be alike; a wrong guess
 * costs a few probes more than starting from zero, see count-search.ts).
 */
export function countHint(lastCounts: ReadonlyMap<string, number>, scriptId: string): number | undefined {
  const own = lastCounts.get(scriptId);
  if (own !== undefined || lastCounts.size === 0) return own;
  const sorted = [...lastCounts.values()].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** One cycle's counting: script counts found so far and the targets waiting on a count being found. */
class LuaAuthCycle {
  private readonly scriptCounts = new Map<string, number>();
  private readonly scriptWaiters = new Map<string, CountWaiters>();
  private readonly client: LuaAuthClient;
  private readonly state: LuaAuthCountState;

  constructor(private readonly ctx: CountContext<LuaAuthCountState>) {
    this.client = asLuaAuth(ctx.client);
    this.state = ctx.state;
  }

  private get mode(): LuaAuthCountMode {
    return this.ctx.mode === 'script_total' ? 'script_total' : 'sessions';
  }

  private addScriptCount(target: CountTarget, scriptId: string, count: number): void {
    target.parts ??= new Map();
    if (!target.parts.has(scriptId)) {
      target.parts.set(scriptId, count);
      target.count += count;
    }
    this.state.lastCounts.set(scriptId, count);
  }

  /**
   * The job that counts one script into the target at `index`; it adds a follow-up probe while the
   * count is not known yet (see PageCountSearch). Each job adds to target.pending.
   */
  scriptJobs(index: number, scriptId: string): CountJob[] {
    const { cycle } = this.ctx;
    const target = cycle.targets[index]!;
    // Counted already this cycle, or being counted for another target: no second request for it.
    const known = this.scriptCounts.get(scriptId);
    if (known !== undefined) {
      this.addScriptCount(target, scriptId, known);
      return [];
    }
    const waiting = this.scriptWaiters.get(scriptId);
    if (waiting?.failed) {
      target.error ??= waiting.failed;
      return [];
    }
    target.pending += 1;
    if (waiting) {
      waiting.targets.push(target);
      return [];
    }
    const waiters: CountWaiters = { targets: [], failed: null };
    this.scriptWaiters.set(scriptId, waiters);
    const found = (count: number): void => {
      this.scriptWaiters.delete(scriptId);
      this.scriptCounts.set(scriptId, count);
      this.addScriptCount(target, scriptId, count);
      for (const t of waiters.targets) {
        this.addScriptCount(t, scriptId, count);
        t.pending -= 1;
      }
    };
    if (this.mode === 'script_total') {
      return [
        {
          targetIndex: index,
          alsoFor: waiters,
          run: async (signal) => {
            const script = await this.client.script(scriptId, cycle.readOptions(signal));
            if (script.name.trim()) this.state.scriptNames.set(scriptId, { name: script.name.trim(), fromInfo: true });
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
    const probe = (): CountJob => ({
      targetIndex: index,
      alsoFor: waiters,
      run: async (signal) => {
        search ??= new PageCountSearch(this.state.paging, countHint(this.state.lastCounts, scriptId));
        const from = search.next()!;
        search.answer(from, await this.client.sessionCount(scriptId, { from, limit: search.limit }, cycle.readOptions(signal)));
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

  /** A project counts as the sum of its scripts, found through its executions (cached). */
  projectJob(index: number): CountJob {
    const { cycle } = this.ctx;
    const target = cycle.targets[index]!;
    target.pending += 1;
    return {
      targetIndex: index,
      run: async (signal) => {
        const now = this.ctx.now();
        const cached = this.state.projectScripts.get(target.id);
        let scripts = cached && now - cached.at < PROJECT_SCRIPTS_TTL_MS ? cached.scripts : null;
        if (!scripts) {
          const executions = await this.client.projectExecutions(target.id, cycle.readOptions(signal));
          scripts = executions.scripts.map((s) => ({ id: s.id, name: s.name }));
          this.state.projectScripts.set(target.id, { at: this.ctx.now(), scripts });
          for (const s of scripts) {
            const name = s.name.trim();
            if (name && !this.state.scriptNames.get(s.id)?.fromInfo) this.state.scriptNames.set(s.id, { name, fromInfo: false });
          }
        }
        target.scripts = scripts;
        return scripts.flatMap((s) => this.scriptJobs(index, s.id));
      },
    };
  }

  /**
   * Reads the info of a few unlabelled script targets that no project named yet, for their names
   * (the script_total mode reads it anyway). Queued after the counts; a failure only leaves the
   * "Script <id>" label, never fails the cycle.
   */
  nameJobs(): CountJob[] {
    if (this.mode === 'script_total') return [];
    const now = this.ctx.now();
    const ids = new Set<string>();
    for (const t of this.ctx.cycle.targets) {
      if (t.kind !== 'script' || t.ownLabel || this.state.scriptNames.has(t.id)) continue;
      const readAt = this.state.scriptNameReadAt.get(t.id);
      if (readAt !== undefined && now - readAt < PROJECT_SCRIPTS_TTL_MS) continue;
      ids.add(t.id);
      if (ids.size >= SCRIPT_NAME_READS_PER_CYCLE) break;
    }
    return [...ids].map((id) => ({
      targetIndex: null,
      run: async (signal) => {
        this.state.scriptNameReadAt.set(id, this.ctx.now());
        try {
          const name = (await this.client.script(id, this.ctx.cycle.readOptions(signal))).name.trim();
          if (name) this.state.scriptNames.set(id, { name, fromInfo: true });
        } catch (error) {
          // A cancelled cycle stays cancelled, a rate limit waits like any request, a rejected key
          // stops polling; anything else only costs the name.
          const kind = asProviderErrorInfo(error)?.kind;
          if (signal.aborted || kind === 'rate_limited' || (kind !== undefined && HALTING_KINDS.has(kind))) throw error;
        }
      },
    }));
  }
}

export const luaauthCountPlan: CountPlan<LuaAuthCountState> = {
  /**
   * Counting by sessions costs one page per script while its count moves less than half a page
   * between polls (more when it jumps: see count-search.ts); the budget paces whatever it really takes.
   */
  requestsPerCycle(account) {
    let n = 0;
    for (const t of account.targets) if (t.kind === 'project' || t.kind === 'script') n += 1;
    return Math.max(1, n);
  },
  newState: (previous) => ({
    projectScripts: new Map(),
    scriptNames: previous?.scriptNames ?? new Map(),
    scriptNameReadAt: previous?.scriptNameReadAt ?? new Map(),
    lastCounts: previous?.lastCounts ?? new Map(),
    // A new client may be another server (base URL): learn its paging afresh.
    paging: newLuaAuthPaging(),
  }),
  // A page cap below the assumed page size is counted around; the account says so, naming the assumption.
  assumptionNotes: (state) => (state.paging.cap !== null ? [luaauthPageCapNote(state.paging.cap)] : []),
  startCycle(ctx) {
    const plan = new LuaAuthCycle(ctx);
    const jobs: CountJob[] = [];
    ctx.cycle.targets.forEach((t, i) => {
      if (t.kind === 'script') jobs.push(...plan.scriptJobs(i, t.id));
      else if (t.kind === 'project') jobs.push(plan.projectJob(i));
    });
    jobs.push(...plan.nameJobs());
    return jobs;
  },
  clockSteppedBack(state, delta, now) {
    for (const cached of state.projectScripts.values()) cached.at = Math.min(now, cached.at + delta);
  },
  nameOf: (state, id) => state.scriptNames.get(id)?.name,
};
