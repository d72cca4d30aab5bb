import { afterEach, expect, it } from 'vitest';
import { ManualClock } from '../../shared/clock';
import type { AccountConfig } from '../../shared/model';
import { createClient } from '../providers';
import { startSimulator } from '../simulator';
import type { RunningSimulator } from '../simulator/types';
import { runFor } from '../core/core-test-support';
import { AccountBudgets } from './account-budgets';
import { Poller } from './poller';

/*
 * stop() and what it leaves readable: the CLI's `live` stops the poller and then reads the status of
 * every account it got no count for. Clearing them made a 429 read as "offline, no error, exit 0".
 */

let sim: RunningSimulator | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

it('stop() cancels polling but keeps each account\'s last status (a long rate limit stays rate_limited, in words)', async () => {
  const clock = new ManualClock(Date.UTC(2026, 0, 5, 12, 0, 0));
  sim = await startSimulator({ seed: 7, clock });
  const account: AccountConfig = {
    id: 'lp',
    label: 'LuaProt',
    provider: 'luaprot',
    baseUrl: sim.urls.luaprot,
    targets: sim.control.targets().luaprot.hubIds.map((id) => ({ kind: 'hub' as const, id })),
  };
  const poller = new Poller({ clock, budgets: new AccountBudgets({ clock }), intervalMs: () => 30_000 });
  const client = createClient('luaprot', { baseUrl: sim.urls.luaprot, apiKey: sim.keys.luaprot, timeoutMs: 3_000 });
  poller.upsert(account, client);
  sim.control.injectFault('luaprot', { type: 'rate_limit_burst', retryAfterSeconds: 120, count: 10 });
  await runFor(clock, poller, 1_000);
  expect(poller.status('lp')?.state).toBe('rate_limited');

  poller.stop();
  const status = poller.status('lp');
  expect(status).toMatchObject({ accountId: 'lp', state: 'rate_limited', error: { kind: 'rate_limited', provider: 'luaprot' }, nextPollAt: null });
  expect(status?.explanation?.title).toMatch(/LuaProt is rate limiting requests/);
  // Stopped means stopped: nothing is due and nothing more is sent, even after the Retry-After.
  const sent = sim.control.requestLog('luaprot').length;
  expect(poller.nextDueAt()).toBeNull();
  clock.advance(10 * 60_000);
  await poller.runDue();
  expect(sim.control.requestLog('luaprot').length).toBe(sent);

  // An account added again after stop() (the app core restarting, with its cached client) is polled afresh.
  sim.control.clearFaults('all');
  poller.upsert(account, client);
  await runFor(clock, poller, 5_000);
  expect(poller.status('lp')).toMatchObject({ state: 'ok', error: null });
  expect(sim.control.requestLog('luaprot').length).toBeGreaterThan(sent);
});
