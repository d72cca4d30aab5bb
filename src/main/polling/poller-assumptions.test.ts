import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../shared/clock';
import type { AccountConfig } from '../../shared/model';
import { seededRandom } from '../monitor/seeded-random';
import { createClient } from '../providers';
import { startSimulator } from '../simulator';
import type { RunningSimulator, SimulatorOptions } from '../simulator/types';
import { runFor } from '../core/core-test-support';
import { AccountBudgets } from './account-budgets';
import { Poller, type PollResult } from './poller';

/*
 * The poller honours an account's own rate limits (a setting, since every provider's numbers are
 * assumed) and names the LuaAuth page-size assumption when the server caps pages below it.
 * Real HTTP against the simulator, ManualClock.
 */

let sim: RunningSimulator | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

async function luaauthAccount(options: SimulatorOptions = {}) {
  const clock = new ManualClock(Date.UTC(2026, 0, 5, 12));
  sim = await startSimulator({ seed: 11, clock, baseSessions: 12, ...options });
  const s = sim;
  const scriptIds = s.control.targets().luaauth.scriptIds;
  const account: AccountConfig = {
    id: 'luaauth-limits',
    label: 'LuaAuth',
    provider: 'luaauth',
    baseUrl: s.urls.luaauth,
    targets: scriptIds.map((id) => ({ kind: 'script' as const, id })),
  };
  const results: PollResult[] = [];
  const poller = new Poller({ clock, budgets: new AccountBudgets({ clock }), intervalMs: () => 30_000, onResult: (r) => results.push(r), random: seededRandom(2) });
  const client = createClient('luaauth', { baseUrl: s.urls.luaauth, apiKey: s.keys.luaauth, timeoutMs: 3_000 });
  return { s, clock, account, poller, client, results, scriptIds };
}

describe('an account with its own rate limits', () => {
  it('by default, one cycle counts every script within a second', async () => {
    const { s, clock, account, poller, client, scriptIds } = await luaauthAccount();
    poller.upsert(account, client);
    await runFor(clock, poller, 1_000);
    poller.stop();
    expect(scriptIds.length).toBeGreaterThan(1);
    expect(s.control.requestLog('luaauth').length).toBeGreaterThanOrEqual(scriptIds.length);
  });

  it('2 requests a minute: background polling sends 1 a minute (its half), whatever the default allows', async () => {
    const { s, clock, account, poller, client } = await luaauthAccount();
    poller.upsert({ ...account, assumptions: { rateLimits: [{ max: 2, windowSeconds: 60 }] } }, client);
    await runFor(clock, poller, 30_000);
    expect(s.control.requestLog('luaauth')).toHaveLength(1);
    await runFor(clock, poller, 31_000);
    poller.stop();
    expect(s.control.requestLog('luaauth')).toHaveLength(2);
  });

  it('a changed limit takes effect on the same client (no new key or URL needed)', async () => {
    const { s, clock, account, poller, client } = await luaauthAccount();
    poller.upsert(account, client);
    poller.upsert({ ...account, assumptions: { rateLimits: [{ max: 2, windowSeconds: 60 }] } }, client);
    await runFor(clock, poller, 30_000);
    poller.stop();
    expect(s.control.requestLog('luaauth')).toHaveLength(1);
  });
});

describe('LuaAuth page cap below the assumed page size', () => {
  it('counts right and names the assumption in the account status', async () => {
    const { s, clock, account, poller, client, results, scriptIds } = await luaauthAccount({ luaauth: { maxPageLimit: 50 } });
    s.control.setPopulation('luaauth', scriptIds[0]!, 120);
    poller.upsert({ ...account, targets: [{ kind: 'script', id: scriptIds[0]! }] }, client);
    await runFor(clock, poller, 1_000);
    const status = poller.status(account.id)!;
    poller.stop();
    expect(results.at(-1)!.total).toBe(120);
    expect(status.diagnostics).toContainEqual(expect.stringContaining('LuaAuth: session pages are capped at 50 (Pulsebar assumed 100)'));
  });
});
