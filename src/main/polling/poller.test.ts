import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../shared/clock';
import type { AccountConfig, ProviderId } from '../../shared/model';
import type { LuaAuthClient, LuaProtClient, ProviderClient } from '../providers/types';
import { seededRandom } from '../monitor/seeded-random';
import { createClient } from '../providers';
import { ProviderError } from '../providers/errors';
import { startSimulator } from '../simulator';
import type { RunningSimulator, SimulatorOptions } from '../simulator/types';
import { runFor } from '../core/core-test-support';
import { AccountBudgets } from './account-budgets';
import { Poller, type LuaAuthCountMode, type PollResult } from './poller';
import type { AccountStatus } from '../../shared/ipc-contract';

/*
 * The poller against the simulator over real HTTP, on a ManualClock shared by both:
 * no real waiting except the client timeouts of the "slow" fault (300 ms).
 */

let sim: RunningSimulator | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

interface Rig {
  clock: ManualClock;
  sim: RunningSimulator;
  poller: Poller;
  results: PollResult[];
  statuses: AccountStatus[];
  account: AccountConfig;
  /** Moves the clock to each due time up to `ms` from now, running what is due. */
  run(ms: number): Promise<void>;
  state(): AccountStatus;
}

async function rig(
  provider: ProviderId,
  options: {
    sim?: SimulatorOptions;
    intervalSeconds?: number;
    targets?: (sim: RunningSimulator) => AccountConfig['targets'];
    key?: string;
    mode?: LuaAuthCountMode;
    jitter?: 'none';
    /** Client timeout; generous by default so a busy machine never turns a normal poll into a timeout. */
    timeoutMs?: number;
    /** Stands between the poller and the real client (to fail one route). */
    wrapClient?: (client: ProviderClient) => ProviderClient;
  } = {},
): Promise<Rig> {
  const clock = new ManualClock(Date.UTC(2026, 0, 5, 12, 0, 0));
  sim = await startSimulator({ seed: 7, clock, ...options.sim });
  const s = sim;
  const account: AccountConfig = {
    id: `${provider}-test`,
    label: `${provider} test`,
    provider,
    baseUrl: s.urls[provider],
    targets: options.targets?.(s) ?? [],
    ...(provider === 'junkie' ? { autoTargets: true } : {}),
  };
  const results: PollResult[] = [];
  const statuses: AccountStatus[] = [];
  const poller = new Poller({
    clock,
    budgets: new AccountBudgets({ clock }),
    intervalMs: () => (options.intervalSeconds ?? 30) * 1000,
    luaauthCountMode: () => options.mode ?? 'sessions',
    onResult: (r) => results.push(r),
    onStatus: (st) => statuses.push(st),
    random: seededRandom(3),
    ...(options.jitter ? { backoff: { jitter: options.jitter } } : {}),
  });
  const client = createClient(provider, { baseUrl: s.urls[provider], apiKey: options.key ?? s.keys[provider], timeoutMs: options.timeoutMs ?? 3_000 });
  poller.upsert(account, options.wrapClient ? options.wrapClient(client) : client);
  return {
    clock,
    sim: s,
    poller,
    results,
    statuses,
    account,
    run: (ms) => runFor(clock, poller, ms),
    state: () => poller.status(account.id)!,
  };
}

/** Largest number of requests in any sliding window of `windowMs` (by the simulator's own log). */
function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

function requestTimes(r: Rig, provider: ProviderId): number[] {
  return r.sim.control.requestLog(provider).map((e) => e.at);
}

describe('Poller against the simulator (fake clock)', () => {
  it('keeps LuaProt background polling within half of both documented limits, even with 15 hubs at a 5 s interval', async () => {
    const r = await rig('luaprot', {
      sim: { luaprot: { hubs: 15 } },
      intervalSeconds: 5,
      targets: (s) => s.control.targets().luaprot.hubIds.map((id) => ({ kind: 'hub' as const, id })),
    });
    await r.run(10 * 60_000);
    const times = requestTimes(r, 'luaprot');
    expect(times.length).toBeGreaterThan(100);
    expect(maxInWindow(times, 10_000)).toBeLessThanOrEqual(10);
    expect(maxInWindow(times, 60_000)).toBeLessThanOrEqual(30);
    expect(r.sim.control.requestLog('luaprot').every((e) => e.status === 200)).toBe(true);
    expect(r.state().state).toBe('ok');
    const last = r.results.at(-1)!;
    expect(last.complete).toBe(true);
    expect(last.targets).toHaveLength(15);
    // Hubs hold distinct sessions: the deduplicated total is the sum of the hub counts.
    expect(last.total).toBe(last.targets.reduce((sum, t) => sum + t.count!, 0));
    expect(last.targets.every((t) => t.count! > 0)).toBe(true);
  });

  it('honours Retry-After through a 429 storm, says so in words, then recovers', async () => {
    const r = await rig('luaprot', {
      targets: (s) => s.control.targets().luaprot.hubIds.map((id) => ({ kind: 'hub' as const, id })),
    });
    await r.run(60_000);
    expect(r.state().state).toBe('ok');
    r.sim.control.injectFault('luaprot', { type: 'rate_limit_burst', retryAfterSeconds: 20, count: 4 });
    await r.run(31_000);
    const limited = r.statuses.find((s) => s.state === 'rate_limited');
    expect(limited?.explanation?.title).toMatch(/LuaProt is rate limiting requests/);
    await r.run(5 * 60_000);

    const log = r.sim.control.requestLog('luaprot');
    // After every 429, nothing is sent until its Retry-After (20 s) has passed.
    for (const [i, entry] of log.entries()) {
      if (entry.status !== 429) continue;
      const nextRequest = log[i + 1];
      // Requests sent in the same instant (one per hub) may share the 429.
      if (nextRequest && nextRequest.at !== entry.at) expect(nextRequest.at - entry.at).toBeGreaterThanOrEqual(20_000);
    }
    expect(log.filter((e) => e.status === 429)).toHaveLength(4);
    expect(maxInWindow(log.map((e) => e.at), 10_000)).toBeLessThanOrEqual(10);
    expect(maxInWindow(log.map((e) => e.at), 60_000)).toBeLessThanOrEqual(30);
    expect(r.state().state).toBe('ok');
    expect(r.state().error).toBeNull();
  });

  it('backs off on 502 with growing delays, keeps data (degraded, never a zero) and recovers', async () => {
    const r = await rig('junkie', { jitter: 'none' });
    await r.run(60_000);
    const before = r.results.length;
    r.sim.control.injectFault('junkie', { type: 'status', status: 502, count: 4 });
    await r.run(30_000);
    const degraded = r.statuses.filter((s) => s.state === 'degraded');
    expect(degraded.length).toBeGreaterThan(0);
    expect(degraded[0]!.explanation?.title).toMatch(/Junkie is unavailable \(HTTP 502\)/);
    await r.run(10 * 60_000);
    const failed = r.results.slice(before).filter((x) => !x.complete);
    expect(failed.length).toBe(4);
    // A failed poll reports unknown counts, never zeros.
    for (const f of failed) {
      expect(f.total).toBeNull();
      expect(f.targets.every((t) => t.count === null)).toBe(true);
    }
    const log = r.sim.control.requestLog('junkie');
    const fails = log.map((e, i) => ({ e, i })).filter(({ e }) => e.status === 502);
    const gaps = fails.map(({ i }) => log[i + 1]!.at - log[i]!.at);
    // Exponential back-off (jitter off here so the doubling is visible; on by default).
    expect(gaps).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(r.state().state).toBe('ok');
    expect(r.state().lastSuccessAt).toBe(r.results.at(-1)!.at);
  });

  it('treats slow responses as timeouts and garbage bodies as malformed, then recovers', async () => {
    const r = await rig('luaauth', {
      timeoutMs: 300,
      targets: (s) => s.control.targets().luaauth.scriptIds.slice(0, 2).map((id) => ({ kind: 'script' as const, id })),
    });
    await r.run(60_000);
    expect(r.state().state).toBe('ok');
    r.sim.control.injectFault('luaauth', { type: 'slow', delayMs: 1_200, count: 2 });
    await r.run(1);
    await r.run(40_000);
    const timedOut = r.statuses.find((s) => s.error?.kind === 'timeout');
    expect(timedOut?.state).toBe('degraded');
    expect(timedOut?.explanation?.title).toMatch(/did not answer in time/);
    await r.run(5 * 60_000);
    expect(r.state().state).toBe('ok');

    r.sim.control.injectFault('luaauth', { type: 'malformed_json', count: 3 });
    await r.run(40_000);
    expect(r.statuses.some((s) => s.error?.kind === 'malformed' && /could not read/.test(s.explanation?.title ?? ''))).toBe(true);
    await r.run(5 * 60_000);
    expect(r.state().state).toBe('ok');
    r.poller.refresh();
    await r.run(0);
    expect(r.results.at(-1)!.at).toBe(r.clock.now());
    expect(r.results.at(-1)!.total).toBe(
      r.sim.control.targets().luaauth.scriptIds.slice(0, 2).reduce((sum, id) => sum + r.sim.control.population('luaauth', id), 0),
    );
  });

  it('calls network failures offline', async () => {
    const r = await rig('junkie');
    await r.run(60_000);
    r.sim.control.injectFault('junkie', { type: 'drop_connection' });
    await r.run(3 * 60_000);
    expect(r.state().state).toBe('offline');
    expect(r.state().explanation?.title).toMatch(/Could not reach Junkie/);
    r.sim.control.clearFaults();
    await r.run(10 * 60_000);
    expect(r.state().state).toBe('ok');
  });

  it('stops polling on a rejected key until refresh is pressed', async () => {
    const r = await rig('luaprot', {
      key: 'not-the-key',
      targets: (s) => [{ kind: 'hub', id: s.control.targets().luaprot.hubIds[0]! }],
    });
    await r.run(10 * 60_000);
    expect(r.state().state).toBe('unauthorized');
    expect(r.state().explanation?.title).toMatch(/LuaProt rejected the API key/);
    expect(r.sim.control.requestLog('luaprot')).toHaveLength(1);
    expect(r.poller.nextDueAt()).toBeNull();
    r.poller.refresh();
    await r.run(1);
    expect(r.sim.control.requestLog('luaprot')).toHaveLength(2);
  });

  it('pauses on suspend and refreshes at once on resume', async () => {
    const r = await rig('junkie');
    await r.run(60_000);
    r.poller.pause();
    expect(r.state().state).toBe('paused');
    const count = r.sim.control.requestLog('junkie').length;
    await r.run(10 * 60_000);
    expect(r.sim.control.requestLog('junkie')).toHaveLength(count);
    r.poller.resume();
    expect(r.poller.nextDueAt()).toBeLessThanOrEqual(r.clock.now());
    await r.run(0);
    expect(r.sim.control.requestLog('junkie')).toHaveLength(count + 1);
    expect(r.state().state).toBe('ok');
  });

  it('counts LuaAuth sessions exactly from its session pages (one page a cycle once the count is known) or by total_sessions, as set', async () => {
    const paging = await rig('luaauth', {
      sim: { baseSessions: 250 },
      targets: (s) => [{ kind: 'script', id: s.control.targets().luaauth.scriptIds[0]! }],
    });
    await paging.run(1_000);
    const id = paging.sim.control.targets().luaauth.scriptIds[0]!;
    expect(paging.results.at(-1)!.total).toBe(paging.sim.control.population('luaauth', id));
    const pages = () => paging.sim.control.requestLog('luaauth').filter((e) => e.path.endsWith('/sessions')).length;
    // No count known yet: pages 0 and 100 are full, 300 empty, 200 straddles the end (no more than paging).
    expect(pages()).toBe(4);
    paging.sim.control.setPopulation('luaauth', id, paging.sim.control.population('luaauth', id) + 20);
    paging.poller.refresh();
    await paging.run(1_000);
    expect(paging.results.at(-1)!.total).toBe(paging.sim.control.population('luaauth', id));
    expect(pages()).toBe(5);
    await sim!.close();
    sim = null;

    const total = await rig('luaauth', {
      mode: 'script_total',
      targets: (s) => [{ kind: 'script', id: s.control.targets().luaauth.scriptIds[0]! }],
    });
    await total.run(1);
    expect(total.sim.control.requestLog('luaauth')).toHaveLength(1);
    expect(total.results.at(-1)!.total).toEqual(expect.any(Number));
  });

  it('counts a LuaAuth project as the sum of the scripts found in its executions', async () => {
    const r = await rig('luaauth', {
      targets: (s) => [{ kind: 'project', id: s.control.targets().luaauth.projectIds[0]! }],
    });
    // The project's executions, then its scripts' pages, paced (a few at once, then one per 40 ms).
    await r.run(1_000);
    const ids = r.sim.control.targets().luaauth.scriptIds;
    const expected = ids.reduce((sum, id) => sum + r.sim.control.population('luaauth', id), 0);
    expect(r.results.at(-1)!.targets[0]!.count).toBe(expected);
    expect(r.state().state).toBe('ok');
  });

  it("reports a LuaAuth project's scripts under it, named by the provider (the user's own label first), each counted once", async () => {
    const r = await rig('luaauth', {
      targets: (s) => {
        const [first, second] = s.control.targets().luaauth.scriptIds;
        return [
          { kind: 'project', id: s.control.targets().luaauth.projectIds[0]! },
          { kind: 'script', id: first!, label: 'My main script' },
          { kind: 'script', id: second! },
        ];
      },
    });
    await r.run(1_000);
    const ids = r.sim.control.targets().luaauth.scriptIds;
    const client = createClient('luaauth', { baseUrl: r.sim.urls.luaauth, apiKey: r.sim.keys.luaauth });
    const names = await Promise.all(ids.map(async (id) => (await client.script(id)).name));
    const last = r.results.at(-1)!;
    const project = last.targets[0]!;
    expect(project.children!.map((c) => c.id)).toEqual(ids);
    expect(project.children!.map((c) => c.label)).toEqual(['My main script', ...names.slice(1)]);
    // The first simulated script's name holds " - " itself: the executions key is split on the last one.
    expect(names[0]).toContain(' - ');
    for (const c of project.children!) expect(c.count).toBe(r.sim.control.population('luaauth', c.id));
    // The script watched on its own without a label is named by the provider too, not "Script <id>".
    expect(last.targets[2]!.label).toBe(names[1]);
    expect(last.targets[1]!.label).toBe('My main script');
    const sum = ids.reduce((n, id) => n + r.sim.control.population('luaauth', id), 0);
    expect(project.count).toBe(sum);
    expect(last.total).toBe(sum);
  });
});

describe('Poller: LuaAuth script names', () => {
  it('names an unlabelled script watched on its own from its info, once per 30 min; a failed read only costs the name', async () => {
    let failNameReads = 1;
    const r = await rig('luaauth', {
      targets: (s) => [
        { kind: 'script', id: s.control.targets().luaauth.scriptIds[0]! },
        { kind: 'script', id: s.control.targets().luaauth.scriptIds[1]!, label: 'Mine' },
      ],
      wrapClient: (c) => {
        const real = c as LuaAuthClient;
        const wrapped: LuaAuthClient = Object.create(real);
        wrapped.script = (id, opts) => {
          if (failNameReads-- > 0) return Promise.reject(new ProviderError({ kind: 'unavailable', provider: 'luaauth', status: 500, message: 'LuaAuth is unavailable' }));
          return real.script(id, opts);
        };
        return wrapped;
      },
    });
    const [first, second] = r.sim.control.targets().luaauth.scriptIds;
    const infoReads = (id: string) => r.sim.control.requestLog('luaauth').filter((e) => e.path === `/scripts/${id}`).length;
    // The name read is queued after the counts; a 500 on it leaves "Script <id>" and an ok cycle.
    await r.run(1_000);
    let last = r.results.at(-1)!;
    expect(last.complete).toBe(true);
    expect(r.state().state).toBe('ok');
    // Nothing asked for the labelled one: the user's label wins.
    expect(infoReads(second!)).toBe(0);
    expect(last.targets[1]!.label).toBe('Mine');
    expect(last.targets[0]!.label).toBe(`Script ${first}`);
    expect(failNameReads).toBe(0);
    // Not asked again within 30 min...
    r.poller.refresh();
    await r.run(1_000);
    expect(infoReads(first!)).toBe(0);
    // ...then asked, and the name replaces "Script <id>".
    r.clock.advance(30 * 60_000);
    r.poller.refresh();
    await r.run(1_000);
    r.poller.refresh();
    await r.run(1_000);
    last = r.results.at(-1)!;
    expect(infoReads(first!)).toBe(1);
    const client = createClient('luaauth', { baseUrl: r.sim.urls.luaauth, apiKey: r.sim.keys.luaauth });
    const name = (await client.script(first!)).name;
    expect(last.targets[0]!.label).toBe(name);
    expect(last.targets[0]!.label).not.toBe(`Script ${first}`);
  });
});

describe('Poller: LuaAuth counting at the cost floor', () => {
  const sessionPages = (r: Rig) => r.sim.control.requestLog('luaauth').filter((e) => e.path.endsWith('/sessions')).length;

  it('is not fooled by a server capping the page below what was asked: 120 live, cap 50, counts 120', async () => {
    const r = await rig('luaauth', {
      sim: { luaauth: { maxPageLimit: 50 } },
      targets: (s) => [{ kind: 'script', id: s.control.targets().luaauth.scriptIds[0]! }],
    });
    const id = r.sim.control.targets().luaauth.scriptIds[0]!;
    r.sim.control.setPopulation('luaauth', id, 120);
    await r.run(1_000);
    expect(r.results.at(-1)!.total).toBe(120);
    expect(r.results.at(-1)!.complete).toBe(true);
    // Then one request a cycle, still exact.
    const before = sessionPages(r);
    r.sim.control.setPopulation('luaauth', id, 131);
    r.poller.refresh();
    await r.run(1_000);
    expect(r.results.at(-1)!.total).toBe(131);
    expect(sessionPages(r) - before).toBe(1);
  });

  it('counts 50 scripts × 5,000 sessions exactly, one request each once their counts are known, and a script in two targets once', async () => {
    const r = await rig('luaauth', {
      sim: { baseSessions: 5_000, luaauth: { scriptsPerProject: 50 } },
      intervalSeconds: 3_600,
      targets: (s) => [
        ...s.control.targets().luaauth.scriptIds.map((id) => ({ kind: 'script' as const, id })),
        { kind: 'project' as const, id: s.control.targets().luaauth.projectIds[0]! },
      ],
    });
    // The first cycle searches each count: a dozen pages for the first script, then each next one
    // starts from its siblings' counts (paced at 25 requests a second).
    await r.run(60_000);
    expect(r.results.at(-1)!.complete).toBe(true);
    expect(sessionPages(r)).toBeLessThanOrEqual(200);
    // Start right after a churn tick of the simulated world (every 5 s), so the population holds still.
    r.clock.set(Math.ceil(r.clock.now() / 5_000) * 5_000 + 100);
    r.sim.control.step();
    const before = sessionPages(r);
    r.poller.refresh();
    await r.run(3_000);
    const last = r.results.at(-1)!;
    const ids = r.sim.control.targets().luaauth.scriptIds;
    expect(last.complete).toBe(true);
    for (const id of ids) expect(last.targets.find((t) => t.id === id)!.count).toBe(r.sim.control.population('luaauth', id));
    const sum = ids.reduce((n, id) => n + r.sim.control.population('luaauth', id), 0);
    expect(last.targets.find((t) => t.kind === 'project')!.count).toBe(sum);
    // The project's scripts are the script targets: the account total counts each once.
    expect(last.total).toBe(sum);
    // A minute after the first cycle some counts moved by more than half a page: a few extra probes.
    expect(sessionPages(r) - before).toBeGreaterThanOrEqual(50);
    expect(sessionPages(r) - before).toBeLessThanOrEqual(100);
    // Straight after (same population): one request per script, still exact.
    const again = sessionPages(r);
    r.poller.refresh();
    await r.run(1_800);
    expect(r.results.at(-1)!.total).toBe(sum);
    expect(sessionPages(r) - again).toBe(50);
  });
});

describe('Poller: LuaProt counting', () => {
  it('counts a key inside its hub once (ids read where targets overlap), and hubs alone by their list length', async () => {
    const r = await rig('luaprot', {
      targets: (s) => [
        { kind: 'hub', id: s.control.targets().luaprot.hubIds[0]! },
        { kind: 'key', id: s.control.targets().luaprot.keys[0]! },
        { kind: 'hub', id: s.control.targets().luaprot.hubIds[1]! },
      ],
    });
    // Within the simulated world's first 5 s (it churns every 5 s): the populations still hold.
    await r.run(2_000);
    const last = r.results.at(-1)!;
    expect(last.complete).toBe(true);
    const [hub0, key0, hub1] = last.targets.map((t) => t.count!);
    const hubs = r.sim.control.targets().luaprot.hubIds;
    expect(hub0).toBe(r.sim.control.population('luaprot', hubs[0]!));
    expect(hub1).toBe(r.sim.control.population('luaprot', hubs[1]!));
    expect(key0).toBeGreaterThan(0);
    expect(last.total).toBe(hub0! + hub1!);
  });
});

describe('Poller: an account edited or removed while its poll is in flight', () => {
  const hubs = (s: RunningSimulator) => s.control.targets().luaprot.hubIds.slice(0, 3).map((id) => ({ kind: 'hub' as const, id }));

  it('never reports the cancelled cycle (no false zero) when the key or URL changes mid-poll', async () => {
    const r = await rig('luaprot', { targets: hubs });
    await r.run(60_000);
    const before = r.results.length;
    expect(r.results.at(-1)!.total).toBeGreaterThan(0);
    r.clock.advance(60_000);
    r.sim.control.injectFault('luaprot', { type: 'slow', delayMs: 400, count: 3 });
    const inFlight = r.poller.runDue();
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Edit: a new client for the same account (new key or base URL).
    r.poller.upsert(r.account, createClient('luaprot', { baseUrl: r.sim.urls.luaprot, apiKey: r.sim.keys.luaprot, timeoutMs: 3_000 }));
    await inFlight;
    await new Promise((resolve) => setTimeout(resolve, 450));
    await r.run(2 * 60_000);
    const after = r.results.slice(before);
    expect(after.length).toBeGreaterThan(0);
    for (const result of after) {
      expect(result.total).toBeGreaterThan(0);
      expect(result.targets.every((t) => t.count === null || t.count > 0)).toBe(true);
    }
  });

  it('never reports the cancelled cycle of a removed account', async () => {
    const r = await rig('luaprot', { targets: hubs });
    await r.run(60_000);
    const before = r.results.length;
    r.clock.advance(60_000);
    r.sim.control.injectFault('luaprot', { type: 'slow', delayMs: 400, count: 3 });
    const inFlight = r.poller.runDue();
    await new Promise((resolve) => setTimeout(resolve, 100));
    r.poller.remove(r.account.id);
    await inFlight;
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect(r.results.slice(before)).toEqual([]);
  });
});

describe('Poller: Junkie auto-discovered scripts', () => {
  it('counts 0 for a discovered script Junkie stops listing (zero counts omitted), not its last count', async () => {
    const r = await rig('junkie', { sim: { junkie: { scripts: 2, includeZeroCounts: false } } });
    await r.run(60_000);
    const [first, second] = r.sim.control.targets().junkie.scriptIds;
    expect(r.results.at(-1)!.targets.map((t) => t.id).sort()).toEqual([first, second].sort());
    r.sim.control.setPopulation('junkie', second!, 0);
    await r.run(2 * 60_000);
    const last = r.results.at(-1)!;
    expect(last.complete).toBe(true);
    expect(last.targets.find((t) => t.id === second)).toMatchObject({ count: 0 });
    expect(last.total).toBe(last.targets.find((t) => t.id === first)!.count);
  });
});

describe('Poller: clock jumps', () => {
  it('keeps polling at its interval after the wall clock steps back an hour', async () => {
    // Junkie: the simulated LuaProt keeps its own rate windows on the stepped clock (a real provider's clock does not step).
    const r = await rig('junkie', { intervalSeconds: 30 });
    await r.run(5 * 60_000);
    const before = r.results.length;
    r.clock.set(r.clock.now() - 3_600_000);
    expect(r.poller.nextDueAt()).toBeLessThanOrEqual(r.clock.now() + 30_000);
    await r.run(5 * 60_000);
    expect(r.results.length - before).toBeGreaterThanOrEqual(9);
    expect(r.state().state).toBe('ok');
  });

  it('after a leap forward of hours, a provider still failing is retried from the shortest back-off, not the one left over', async () => {
    const r = await rig('junkie', { intervalSeconds: 30, jitter: 'none' });
    await r.run(60_000);
    r.sim.control.injectFault('junkie', { type: 'status', status: 502 });
    // Failing for 10 minutes: the back-off has grown to minutes (1, 2, 4, ... s, capped at 5 min).
    await r.run(10 * 60_000);
    const log = () => r.sim.control.requestLog('junkie');
    const gaps = log().slice(-3).map((e, i, a) => (i === 0 ? 0 : e.at - a[i - 1]!.at));
    expect(gaps[2]).toBeGreaterThanOrEqual(60_000);
    r.clock.advance(8 * 3_600_000);
    const leapAt = r.clock.now();
    await r.run(0);
    expect(log().at(-1)!.at).toBe(leapAt);
    await r.run(5_000);
    // A fresh start after the sleep: the next try comes after the first back-off step (1 s), not minutes later.
    expect(log().filter((e) => e.at >= leapAt).map((e) => e.at - leapAt)).toEqual([0, 1_000, 3_000]);
  });

  it('polls at once, without a back-off left over, after a leap forward of hours (sleep with no resume event)', async () => {
    const r = await rig('junkie', { intervalSeconds: 30 });
    await r.run(60_000);
    r.clock.advance(8 * 3_600_000);
    expect(r.poller.nextDueAt()).toBeLessThanOrEqual(r.clock.now());
    await r.run(0);
    expect(r.results.at(-1)!.at).toBe(r.clock.now());
    expect(r.state().state).toBe('ok');
  });
});

describe('Poller: uneven network delay (fake clock, fake client)', () => {
  /**
   * The field report: with answers straggling back, a whole share sent in one burst and counted
   * from sending let 21 requests reach LuaProt within 10 s. Here each request reaches the provider
   * at a random moment between sending and its answer (delays up to 8 s, most short), and the
   * test drives the poller as PollDriver does (runDue, wait for it, then the next due time).
   */
  it('never lets the provider count more than the background share in any window, and never bursts a share', async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 5, 12, 0, 0));
    const rnd = seededRandom(11);
    const sent: number[] = [];
    const arrivals: number[] = [];
    const inFlight: Array<{ answerAt: number; resolve: () => void }> = [];
    const client = {
      provider: 'luaprot',
      sessionCount: () =>
        new Promise<{ count: number; ids: null }>((resolve) => {
          const now = clock.now();
          const answerAt = now + Math.floor(rnd() ** 3 * 8_000);
          sent.push(now);
          arrivals.push(now + Math.floor(rnd() * (answerAt - now)));
          inFlight.push({ answerAt, resolve: () => resolve({ count: 1, ids: null }) });
        }),
    } as unknown as LuaProtClient;
    const results: PollResult[] = [];
    const poller = new Poller({ clock, budgets: new AccountBudgets({ clock }), intervalMs: () => 5_000, onResult: (r) => results.push(r), random: seededRandom(3) });
    const hubs = Array.from({ length: 15 }, (_, i) => ({ kind: 'hub' as const, id: String(10n ** 19n + BigInt(i)) }));
    poller.upsert({ id: 'lp', label: 'LuaProt', provider: 'luaprot', baseUrl: 'https://luaprot.invalid', targets: hubs }, client);

    const end = clock.now() + 10 * 60_000;
    while (clock.now() < end) {
      const due = poller.nextDueAt();
      if (due === null) break;
      clock.set(Math.max(clock.now(), due));
      let finished = false;
      const run = poller.runDue().then(() => (finished = true));
      // Time passes while the answers travel back, in 100 ms steps.
      while (!finished) {
        for (const call of inFlight.splice(0)) {
          if (call.answerAt <= clock.now()) call.resolve();
          else inFlight.push(call);
        }
        await new Promise((resolve) => setImmediate(resolve));
        if (!finished) clock.advance(100);
      }
      await run;
    }

    expect(results.length).toBeGreaterThan(10);
    expect(results.every((r) => r.complete)).toBe(true);
    expect(sent.length).toBeGreaterThan(200);
    expect(maxInWindow(arrivals, 10_000)).toBeLessThanOrEqual(10);
    expect(maxInWindow(arrivals, 60_000)).toBeLessThanOrEqual(30);
    // Spread: never more than a quarter of the 10 s share (2) sent within one second.
    expect(maxInWindow(sent, 1_000)).toBeLessThanOrEqual(2);
  });
});
