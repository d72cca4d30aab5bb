/**
 * `npm run bench -- poll`: cost of background poll cycles for 3 accounts × 50 targets × 5,000 sessions,
 * the simulator in a child process (its CPU is not counted) on a fast clock.
 *
 * Per provider (each account polled on its own, so CPU is attributed cleanly), after a first cycle that
 * learns the counts: requests and bytes of one steady cycle, this process's CPU for it, and the ratio of
 * that CPU to a bare replay of the same requests (fetch + text + JSON.parse, nothing else), i.e. how far
 * above the floor of reading those answers at all the count path is. Also the LuaAuth requests of the
 * first cycle, whether the LuaAuth counts equal the simulator's population (checked only when the
 * population held still during the cycle), and the same cycle with LuaAuth counted by total_sessions.
 * Prints figures, asserts nothing.
 */
import { AccountBudgets } from '../../src/main/polling/account-budgets';
import { Poller, type LuaAuthCountMode, type PollResult } from '../../src/main/polling/poller';
import { createClient } from '../../src/main/providers';
import type { ProviderClient } from '../../src/main/providers/types';
import { PROVIDERS, type AccountConfig, type ProviderId } from '../../src/shared/model';
import { FastClock } from './fast-clock';
import { control, startSimChild, type SimInfo } from './sim-child';

const TARGETS = 50;
const SESSIONS = 5_000;
const SPEED = 40;

function accountFor(provider: ProviderId, info: SimInfo): AccountConfig {
  switch (provider) {
    case 'junkie':
      return { id: 'junkie', label: 'Junkie', provider, baseUrl: info.urls.junkie, targets: [], autoTargets: true };
    case 'luaprot':
      return { id: 'luaprot', label: 'LuaProt', provider, baseUrl: info.urls.luaprot, targets: info.targets.luaprot.hubIds.map((id) => ({ kind: 'hub', id })) };
    case 'luaauth':
      return { id: 'luaauth', label: 'LuaAuth', provider, baseUrl: info.urls.luaauth, targets: info.targets.luaauth.scriptIds.map((id) => ({ kind: 'script', id })) };
  }
}

interface Recorded {
  url: string;
  method: string;
  headers: [string, string][];
  body: string | null;
}

/** Runs every due job until the account reported one cycle; returns its result, CPU and requests. */
async function cycle(poller: Poller, clock: FastClock, results: PollResult[], counter: { n: number }) {
  const before = results.length;
  const requestsBefore = counter.n;
  poller.refresh();
  global.gc?.();
  const cpu0 = process.cpuUsage();
  const sim0 = clock.now();
  while (results.length === before) {
    const due = poller.nextDueAt();
    if (due === null) break;
    const wait = clock.real(due - clock.now());
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    await poller.runDue();
  }
  const cpu = process.cpuUsage(cpu0);
  const result = results.at(-1)!;
  return { result, status: poller.status(result.accountId), cpuMs: (cpu.user + cpu.system) / 1000, requests: counter.n - requestsBefore, simulatedMs: clock.now() - sim0 };
}

/** The floor: the same requests, answered by the same simulator, with nothing done but fetch + JSON.parse. */
async function bareReplay(recorded: Recorded[]): Promise<{ cpuMs: number; bytes: number }> {
  global.gc?.();
  const cpu0 = process.cpuUsage();
  let bytes = 0;
  for (const r of recorded) {
    const res = await fetch(r.url, { method: r.method, headers: r.headers, ...(r.body !== null ? { body: r.body } : {}) });
    const text = await res.text();
    bytes += Buffer.byteLength(text);
    JSON.parse(text);
  }
  const cpu = process.cpuUsage(cpu0);
  return { cpuMs: (cpu.user + cpu.system) / 1000, bytes };
}

async function measure(provider: ProviderId, info: SimInfo, clock: FastClock, mode: LuaAuthCountMode) {
  const results: PollResult[] = [];
  const counter = { n: 0 };
  const poller = new Poller({ clock, budgets: new AccountBudgets({ clock }), intervalMs: () => 3_600_000, luaauthCountMode: () => mode, onResult: (r) => results.push(r) });
  const account = accountFor(provider, info);
  const client: ProviderClient = createClient(provider, { baseUrl: account.baseUrl, apiKey: info.keys[provider], onRequest: () => counter.n++ });
  poller.upsert(account, client);
  const first = await cycle(poller, clock, results, counter);
  await cycle(poller, clock, results, counter); // warm-up of the steady state (JIT, connections)
  const populationBefore = (await control(info.port, 'GET', 'state')).populations as Record<ProviderId, Record<string, number>>;
  const steady = await cycle(poller, clock, results, counter);
  const populationAfter = (await control(info.port, 'GET', 'state')).populations as Record<ProviderId, Record<string, number>>;

  // The same cycle once more, recording each request (outside the CPU measured above) for the replay.
  const recorded: Recorded[] = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const req = new Request(input, init);
    recorded.push({ url: req.url, method: req.method, headers: [...req.headers], body: req.method === 'GET' ? null : await req.clone().text() });
    return realFetch(req);
  };
  try {
    await cycle(poller, clock, results, counter);
  } finally {
    globalThis.fetch = realFetch;
  }
  poller.stop();
  const replay = await bareReplay(recorded);

  // The simulated world churns every 5 s of its time, so counts taken during the cycle are compared with
  // the populations read around it (exactness on a still population is tested in poller.test.ts).
  const off = steady.result.targets.map((t) =>
    Math.min(Math.abs((t.count ?? NaN) - (populationBefore[provider]?.[t.id] ?? NaN)), Math.abs((t.count ?? NaN) - (populationAfter[provider]?.[t.id] ?? NaN))),
  );
  const exact = { equal: off.filter((d) => d === 0).length, of: off.length, worst: Math.max(...off) };
  return { first, steady, replay, recordedRequests: recorded.length, exact };
}

export async function runPollCycleBench(): Promise<void> {
  const clock = new FastClock(Date.now(), SPEED);
  const { child, info } = await startSimChild(clock, {
    seed: 3,
    baseSessions: SESSIONS,
    junkie: { scripts: TARGETS, rateLimit: { max: 1_000, windowMs: 60_000 } },
    luaprot: { hubs: TARGETS },
    luaauth: { projects: 1, scriptsPerProject: TARGETS, maxPageLimit: 100 },
  });
  try {
    console.log(`\nPoll cycle — 3 accounts × ${TARGETS} targets × ${SESSIONS.toLocaleString('en')} sessions (simulator in a child process, clock ×${SPEED})`);
    let totalCpu = 0;
    for (const provider of PROVIDERS) {
      const m = await measure(provider, info, clock, 'sessions');
      totalCpu += m.steady.cpuMs;
      const failed = m.steady.result.complete ? '' : `; INCOMPLETE: ${m.steady.status?.error?.message}`;
      console.log(
        `  ${provider.padEnd(7)} ${m.steady.requests} requests, ${(m.replay.bytes / 1024 / 1024).toFixed(1)} MB, CPU ${m.steady.cpuMs.toFixed(0)} ms ` +
          `(bare fetch + JSON.parse replay of the same ${m.recordedRequests} requests: ${m.replay.cpuMs.toFixed(0)} ms, ratio ${(m.steady.cpuMs / Math.max(1, m.replay.cpuMs)).toFixed(2)}×), ` +
          `spread over ${(m.steady.simulatedMs / 1000).toFixed(1)} s, ${m.steady.result.total?.toLocaleString('en')} counted` +
          (provider === 'luaauth'
            ? `; first cycle ${m.first.requests} requests; ${m.exact.equal}/${m.exact.of} counts equal the population read before or after the cycle (largest difference ${m.exact.worst})`
            : '') +
          failed,
      );
    }
    console.log(`  whole cycle (sum of the three): CPU ${totalCpu.toFixed(0)} ms`);
    const total = await measure('luaauth', info, clock, 'script_total');
    console.log(`  (LuaAuth counted by total_sessions instead: ${total.steady.requests} requests, CPU ${total.steady.cpuMs.toFixed(0)} ms)`);
  } finally {
    child.kill('SIGTERM');
  }
}
