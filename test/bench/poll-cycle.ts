/**
 * Cost of one background poll cycle for 3 accounts × 50 targets × 5,000 sessions:
 * CPU time of this process (the simulator runs in a child), requests sent per
 * provider, simulated time the budget spreads the cycle over, and heap.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { Poller, type LuaAuthCountMode, type PollResult } from '../../src/main/app/poller';
import { createClient } from '../../src/main/providers';
import type { SimulatorTargets } from '../../src/main/simulator/types';
import type { AccountConfig, ProviderId } from '../../src/shared/model';
import { FastClock } from './fast-clock';

const TARGETS = 50;
const SESSIONS = 5_000;
const SPEED = 40;

interface SimInfo {
  urls: Record<ProviderId, string>;
  keys: Record<ProviderId, string>;
  targets: SimulatorTargets;
}

async function startSimProcess(clock: FastClock) {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'test/bench/sim-process.ts',
      JSON.stringify({
        origin: clock.origin,
        speed: clock.speed,
        options: {
          seed: 3,
          baseSessions: SESSIONS,
          junkie: { scripts: TARGETS, rateLimit: { max: 1_000, windowMs: 60_000 } },
          luaprot: { hubs: TARGETS },
          luaauth: { projects: 1, scriptsPerProject: TARGETS, maxPageLimit: 100 },
        },
      }),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout! });
  const [first] = (await once(lines, 'line')) as [string];
  return { child, info: JSON.parse(first) as SimInfo };
}

function accountsFor(info: SimInfo): AccountConfig[] {
  return [
    { id: 'junkie', label: 'Junkie', provider: 'junkie', baseUrl: info.urls.junkie, targets: [], autoTargets: true },
    { id: 'luaprot', label: 'LuaProt', provider: 'luaprot', baseUrl: info.urls.luaprot, targets: info.targets.luaprot.hubIds.map((id) => ({ kind: 'hub', id })) },
    { id: 'luaauth', label: 'LuaAuth', provider: 'luaauth', baseUrl: info.urls.luaauth, targets: info.targets.luaauth.scriptIds.map((id) => ({ kind: 'script', id })) },
  ];
}

async function oneCycle(info: SimInfo, clock: FastClock, mode: LuaAuthCountMode) {
  const requests: Record<ProviderId, number> = { junkie: 0, luaprot: 0, luaauth: 0 };
  const results = new Map<string, PollResult>();
  const poller = new Poller({ clock, intervalMs: () => 3_600_000, luaauthCountMode: () => mode, onResult: (r) => results.set(r.accountId, r) });
  const accounts = accountsFor(info);
  for (const a of accounts) {
    poller.upsert(a, createClient(a.provider, { baseUrl: a.baseUrl, apiKey: info.keys[a.provider], onRequest: (r) => requests[r.provider]++ }));
  }
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const cpuBefore = process.cpuUsage();
  const simStart = clock.now();
  const wallStart = performance.now();
  let peakHeap = heapBefore;
  while (results.size < accounts.length) {
    const due = poller.nextDueAt();
    if (due === null) break;
    const wait = clock.real(due - clock.now());
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    await poller.runDue();
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }
  const cpu = process.cpuUsage(cpuBefore);
  const simulatedMs = clock.now() - simStart;
  const wallMs = performance.now() - wallStart;
  poller.stop();
  const counted = [...results.values()].reduce((s, r) => s + (r.total ?? 0), 0);
  const failed = [...results.values()].filter((r) => !r.complete).map((r) => `${r.accountId}: ${r.status.error?.message}`);
  return { requests, cpuMs: (cpu.user + cpu.system) / 1000, simulatedMs, wallMs, heapBefore, peakHeap, counted, failed };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export async function runPollCycleBench(): Promise<void> {
  const clock = new FastClock(Date.now(), SPEED);
  const { child, info } = await startSimProcess(clock);
  try {
    console.log(`\nPoll cycle — 3 accounts × ${TARGETS} targets × ${SESSIONS.toLocaleString('en')} sessions (simulator in a child process)`);
    // First run warms up the JIT and connection pools; report the second of each mode.
    for (const mode of ['script_total', 'sessions'] as const) {
      await oneCycle(info, clock, mode);
      const r = await oneCycle(info, clock, mode);
      const total = r.requests.junkie + r.requests.luaprot + r.requests.luaauth;
      console.log(
        `  LuaAuth counting "${mode}": CPU ${r.cpuMs.toFixed(0)} ms, ${total} requests ` +
          `(Junkie ${r.requests.junkie}, LuaProt ${r.requests.luaprot}, LuaAuth ${r.requests.luaauth}), ` +
          `spread over ${(r.simulatedMs / 1000).toFixed(0)} s of budget (${(r.wallMs / 1000).toFixed(1)} s here at ×${SPEED}), ` +
          `heap ${mb(r.heapBefore)} → peak ${mb(r.peakHeap)}, ${r.counted.toLocaleString('en')} users counted` +
          (r.failed.length ? `; FAILED ${r.failed.join('; ')}` : ''),
      );
    }
  } finally {
    child.kill('SIGTERM');
  }
}
