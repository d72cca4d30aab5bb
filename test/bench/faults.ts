/**
 * `npm run bench -- faults [--minutes N] [--speed X] [--seed N]`: a fault-injection run under load.
 *
 * The three accounts poll the simulator (child process, fast clock) as the app does (Poller + PollDriver),
 * while a user-load loop per account sends session-list requests through the same budget as the window's
 * actions (AccountBudgets.takeUser + ticket). Between Pulsebar and the simulator sits a proxy that delays each
 * request and each answer unevenly (mostly 20–200 ms, sometimes seconds, now and then up to 9 s, in
 * simulated time), so requests reach the provider in a different order and rhythm than they were sent.
 * Injected faults on top: 429 bursts, 502s, dropped connections, slow answers.
 *
 * Prints: requests, 429s seen, 429s injected, self-inflicted 429s (the simulator's own limiter refusing),
 * and the most requests the provider received in any of its windows against its limit. Asserts nothing.
 */
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { PollDriver, type TimerPort } from '../../src/main/polling/poll-driver';
import { AccountBudgets } from '../../src/main/polling/account-budgets';
import { Poller, type PollResult } from '../../src/main/polling/poller';
import { PROVIDER_RATE_WINDOWS } from '../../src/main/monitor/rate-budget';
import { seededRandom } from '../../src/main/monitor/seeded-random';
import { createClient } from '../../src/main/providers';
import type { ProviderClient } from '../../src/main/providers/types';
import { PROVIDERS, type AccountConfig, type ProviderId } from '../../src/shared/model';
import { FastClock } from './fast-clock';
import { control, startSimChild, type SimInfo } from './sim-child';

interface Tally {
  requests: number;
  status429: number;
  failed: number;
  /** Simulated time each request was handed to the simulator (its arrival at the provider). */
  arrivals: number[];
}

/** Uneven network delay of one leg, in simulated ms. */
function legDelay(rnd: () => number): number {
  const r = rnd();
  if (r < 0.8) return 20 + rnd() * 180;
  if (r < 0.95) return 500 + rnd() * 2_500;
  return 3_000 + rnd() * 6_000;
}

/** A proxy in front of the simulator that holds each request and each answer for a random while. */
async function startDelayProxy(simPort: number, clock: FastClock, rnd: () => number, tallies: Record<ProviderId, Tally>) {
  const wait = (simMs: number) => new Promise((resolve) => setTimeout(resolve, clock.real(simMs)));
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const provider = (req.url ?? '').split('/')[1] as ProviderId;
    const tally = tallies[provider];
    await wait(legDelay(rnd));
    tally?.arrivals.push(clock.now());
    const upstream = httpRequest({ host: '127.0.0.1', port: simPort, method: req.method, path: req.url, headers: req.headers }, async (answer) => {
      const body: Buffer[] = [];
      try {
        for await (const c of answer) body.push(c as Buffer);
      } catch {
        res.destroy();
        return;
      }
      if (tally) {
        tally.requests++;
        if (answer.statusCode === 429) tally.status429++;
      }
      await wait(legDelay(rnd));
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      res.end(Buffer.concat(body));
    });
    upstream.on('error', () => {
      if (tally) tally.requests++;
      res.destroy();
    });
    upstream.end(Buffer.concat(chunks));
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

function maxInWindow(sorted: number[], windowMs: number): number {
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

/** One user's session-list request of a random target, through the account's user budget. */
async function userRequest(budgets: AccountBudgets, account: AccountConfig, client: ProviderClient, info: SimInfo, rnd: () => number, clock: FastClock): Promise<'sent' | 'waited'> {
  const take = budgets.takeUser(account.id);
  if (!take.ok) return 'waited';
  try {
    switch (client.provider) {
      case 'junkie': {
        const ids = info.targets.junkie.scriptIds;
        await client.sessions(ids[Math.floor(rnd() * ids.length)]!, { page: 1, limit: 20 });
        break;
      }
      case 'luaprot': {
        const ids = info.targets.luaprot.hubIds;
        await client.sessions({ hubId: ids[Math.floor(rnd() * ids.length)]! });
        break;
      }
      case 'luaauth': {
        const ids = info.targets.luaauth.scriptIds;
        await client.sessions(ids[Math.floor(rnd() * ids.length)]!, { from: 0, limit: 50 });
        break;
      }
    }
  } catch (error) {
    const kind = (error as { info?: { kind?: string; retryAfterMs?: number } }).info;
    if (kind?.kind === 'rate_limited') budgets.noteRateLimited(account.id, kind.retryAfterMs);
  } finally {
    take.ticket.done(clock.now());
  }
  return 'sent';
}

export async function runFaultsBench(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { minutes: { type: 'string' }, speed: { type: 'string' }, seed: { type: 'string' } } });
  const minutes = Number(values.minutes ?? 2);
  const speed = Number(values.speed ?? 10);
  const seed = Number(values.seed ?? 1);
  if (!(minutes > 0 && speed >= 1 && Number.isInteger(seed))) throw new Error('usage: npm run bench -- faults [--minutes N > 0] [--speed X >= 1] [--seed N]');
  const clock = new FastClock(Date.now(), speed);
  const rnd = seededRandom(seed);
  const { child, info } = await startSimChild(clock, {
    seed: 11,
    baseSessions: 300,
    junkie: { scripts: 5 },
    luaprot: { hubs: 15 },
    luaauth: { projects: 1, scriptsPerProject: 20 },
  });
  const tally = (): Tally => ({ requests: 0, status429: 0, failed: 0, arrivals: [] });
  const tallies: Record<ProviderId, Tally> = { junkie: tally(), luaprot: tally(), luaauth: tally() };
  const proxy = await startDelayProxy(info.port, clock, rnd, tallies);
  const url = (p: ProviderId) => info.urls[p].replace(`:${info.port}/`, `:${proxy.port}/`);
  const accounts: AccountConfig[] = [
    { id: 'junkie', label: 'Junkie', provider: 'junkie', baseUrl: url('junkie'), targets: [], autoTargets: true },
    { id: 'luaprot', label: 'LuaProt', provider: 'luaprot', baseUrl: url('luaprot'), targets: info.targets.luaprot.hubIds.map((id) => ({ kind: 'hub', id })) },
    { id: 'luaauth', label: 'LuaAuth', provider: 'luaauth', baseUrl: url('luaauth'), targets: info.targets.luaauth.scriptIds.map((id) => ({ kind: 'script', id })) },
  ];
  const intervals: Record<ProviderId, number> = { junkie: 30_000, luaprot: 60_000, luaauth: 30_000 };
  const results: PollResult[] = [];
  const states = new Map<string, string>();
  const budgets: AccountBudgets = new AccountBudgets({ clock, onBlocked: () => driver.kick() });
  const poller: Poller = new Poller({ clock, budgets, intervalMs: (a) => intervals[a.provider], onResult: (r) => results.push(r), onStatus: (s) => states.set(s.accountId, s.state), onScheduleChange: () => driver.kick() });
  // Real timers, scaled: the driver asks for simulated ms.
  const timers: TimerPort = { setTimeout: (fn, ms) => setTimeout(fn, clock.real(ms)), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) };
  const driver = new PollDriver(poller, clock, () => undefined, timers);
  const clients = new Map<string, ProviderClient>();
  for (const a of accounts) {
    const client = createClient(a.provider, { baseUrl: a.baseUrl, apiKey: info.keys[a.provider], timeoutMs: 15_000 });
    clients.set(a.id, client);
    poller.upsert(a, client);
  }
  const rateLimitedSeen = new Set<string>();
  const observe = setInterval(() => {
    for (const [id, state] of states) if (state === 'rate_limited') rateLimitedSeen.add(id);
  }, 5);

  const endAt = clock.now() + minutes * 60_000;
  let injected429 = 0;
  console.log(`\nFault injection under load — ${minutes} simulated min at ×${speed} (${((minutes * 60) / speed).toFixed(0)} s here), uneven delays on both legs`);
  driver.start();
  // User load: each account's user tries a session list every `everyMs` simulated ms. LuaProt's user asks
  // more often than the limit allows, so the account runs at its limit (20 per 10 s, 60 a minute) all the
  // time, user actions taking whatever polling leaves; Junkie's and LuaAuth's users about half their limit.
  const everyMs: Record<ProviderId, number> = { junkie: 2_000, luaprot: 500, luaauth: 40 };
  const users = accounts.map(async (a) => {
    const client = clients.get(a.id)!;
    const inFlight = new Set<Promise<unknown>>();
    while (clock.now() < endAt) {
      const p = userRequest(budgets, a, client, info, rnd, clock);
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
      await new Promise((resolve) => setTimeout(resolve, clock.real(everyMs[a.provider])));
    }
    await Promise.all(inFlight);
  });
  // Faults: every simulated 45 s, something on one provider.
  const faultsLoop = (async () => {
    const kinds = ['rate_limit_burst', 'status', 'drop_connection', 'slow'] as const;
    let i = 0;
    while (clock.now() < endAt) {
      await new Promise((resolve) => setTimeout(resolve, clock.real(45_000)));
      if (clock.now() >= endAt) break;
      const provider = PROVIDERS[i % 3]!;
      const kind = kinds[Math.floor(i / 3) % kinds.length]!;
      i++;
      const fault =
        kind === 'rate_limit_burst'
          ? { type: kind, retryAfterSeconds: 5, count: 1 }
          : kind === 'status'
            ? { type: kind, status: 502, count: 2 }
            : kind === 'slow'
              ? { type: kind, delayMs: Math.round(clock.real(4_000)), count: 2 }
              : { type: kind, count: 1 };
      if (kind === 'rate_limit_burst') injected429++;
      await control(info.port, 'POST', 'fault', { provider, fault });
    }
  })();
  await Promise.all([...users, faultsLoop]);
  driver.stop();
  poller.stop();
  clearInterval(observe);
  const state = await control(info.port, 'GET', 'state');
  const leftover429 = ((state.faults as Array<{ fault: { type: string }; remaining: number | null }>) ?? []).filter((f) => f.fault.type === 'rate_limit_burst').length;
  const consumed429 = injected429 - leftover429;
  try {
    let seen = 0;
    for (const p of PROVIDERS) {
      const t = tallies[p];
      seen += t.status429;
      const arrivals = [...t.arrivals].sort((a, b) => a - b);
      const windows = PROVIDER_RATE_WINDOWS[p].map((w) => `${maxInWindow(arrivals, w.windowMs)}/${w.max} per ${w.windowMs / 1000} s`).join(', ');
      const polls = results.filter((r) => r.accountId === p);
      console.log(
        `  ${p.padEnd(7)} ${t.requests} requests, ${t.status429} answered 429; most received in any window: ${windows}; ` +
          `${polls.length} poll cycles (${polls.filter((r) => r.complete).length} complete)`,
      );
    }
    console.log(
      `  429s seen ${seen}, injected (and consumed) ${consumed429}, self-inflicted ${seen - consumed429}; ` +
        `accounts shown "rate limited" at some point: ${[...rateLimitedSeen].join(', ') || 'none'}`,
    );
  } finally {
    proxy.server.closeAllConnections();
    proxy.server.close();
    child.kill('SIGTERM');
  }
}
