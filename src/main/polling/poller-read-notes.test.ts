import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../shared/clock';
import type { AccountStatus } from '../../shared/ipc-contract';
import type { AccountConfig } from '../../shared/model';
import { seededRandom } from '../monitor/seeded-random';
import { createClient } from '../providers';
import { runFor } from '../core/core-test-support';
import { AccountBudgets } from './account-budgets';
import { Poller, type PollResult } from './poller';

/*
 * One odd item never fails a count (issue 9 item 3): the poller against a bare LuaProt stub whose
 * hub list holds a session without robloxUsername and two sessions without an id.
 */
let server: Server | null = null;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server?.closeAllConnections();
  server = null;
});

async function luaprotStub(sessions: unknown[]): Promise<string> {
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ success: true, message: 'Successfully fetched sessions.', sessions }));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

describe('Poller: answers with odd items', () => {
  it('counts every LuaProt session, id-less ones too, and the status names what was lacking', async () => {
    const ok = { id: '97963719390038484793', robloxUsername: 'A', robloxJobId: 'j', robloxUniverseId: '1', created: 1768140224 };
    const base = await luaprotStub([
      ok,
      { ...ok, id: '97963719390038484794', robloxUsername: undefined },
      { ...ok, id: null },
      { ...ok, id: null },
    ]);
    const clock = new ManualClock(Date.UTC(2026, 0, 5, 12));
    const results: PollResult[] = [];
    const statuses: AccountStatus[] = [];
    const poller = new Poller({ clock, budgets: new AccountBudgets({ clock }), intervalMs: () => 30_000, onResult: (r) => results.push(r), onStatus: (s) => statuses.push(s), random: seededRandom(1) });
    const account: AccountConfig = { id: 'lp', label: 'LP', provider: 'luaprot', baseUrl: base, targets: [{ kind: 'hub', id: '40511091490620200512' }] };
    poller.upsert(account, createClient('luaprot', { baseUrl: base, apiKey: 'lpdemo5d2e8a71c4f9b03e', timeoutMs: 3_000 }));
    await runFor(clock, poller, 1_000);
    const last = results.at(-1)!;
    expect(last.total).toBe(4);
    expect(last.targets[0]!.count).toBe(4);
    const status = poller.status('lp')!;
    expect(status.state).toBe('ok');
    expect(status.diagnostics).toEqual(['LuaProt: 1 session lacked robloxUsername', 'LuaProt: 2 sessions lacked id']);
    // The cycle's status went out with it (just before its result), diagnostics and all.
    expect(statuses.at(-1)!.diagnostics).toEqual(status.diagnostics);
    poller.stop();
  });
});
