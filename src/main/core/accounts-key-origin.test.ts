import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AccountView } from '../../shared/ipc-contract';
import { dispatch } from '../ipc/dispatch';
import type { RunningSimulator } from '../simulator/types';
import type { PulsebarCore } from './app-core';
import { MAX_ACCOUNTS } from '../app/accounts';
import { startTestCore, useCleanups } from './core-test-support';

/* A stored key only goes to the server it was entered for: the (untrusted) window cannot redirect it. */

let sim: RunningSimulator;
let core: PulsebarCore;
const cleanup = useCleanups(afterAll);
const captured: string[] = [];
const trap = createServer((req, res) => {
  captured.push(JSON.stringify(req.headers));
  res.end('{}');
});
let trapUrl: string;

beforeAll(async () => {
  ({ sim, core } = await startTestCore({ cleanup, dirPrefix: 'pulsebar-origin-', sim: { seed: 2 } }));
  await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve));
  cleanup(() => trap.close());
  trapUrl = `http://127.0.0.1:${(trap.address() as AddressInfo).port}`;
});

it('refuses to test or move a stored key to another server unless the key is entered again', async () => {
  const added = await dispatch(core, 'accounts:add', { label: 'Main', provider: 'junkie', baseUrl: sim.urls.junkie, key: sim.keys.junkie, targets: [] });
  expect(added.ok).toBe(true);
  const account = (added as { ok: true; value: { account: AccountView } }).value.account;

  const tested = await dispatch(core, 'accounts:test', { provider: 'junkie', accountId: account.id, baseUrl: `${trapUrl}/api/v2` });
  expect(tested.ok).toBe(false);
  if (!tested.ok) expect(tested.error.message).toMatch(/enter the API key to test another server/);

  const moved = await dispatch(core, 'accounts:update', { id: account.id, baseUrl: `${trapUrl}/api/v2` });
  expect(moved.ok).toBe(false);
  if (!moved.ok) expect(moved.error.message).toMatch(/enter the API key again to move this account/);
  expect(captured).toEqual([]);

  // Same server, other path: the stored key may be used.
  expect((await dispatch(core, 'accounts:test', { provider: 'junkie', accountId: account.id, baseUrl: sim.urls.junkie })).ok).toBe(true);
  // With the key typed again the move is the user's decision.
  expect((await dispatch(core, 'accounts:update', { id: account.id, baseUrl: `${trapUrl}/api/v2`, key: 'another-key' })).ok).toBe(true);
});

it('bounds the number of accounts', async () => {
  for (let i = (await core.handlers['accounts:list']()).length; i < MAX_ACCOUNTS; i++) {
    const r = await dispatch(core, 'accounts:add', { label: `A${i}`, provider: 'luaprot', baseUrl: sim.urls.luaprot, key: sim.keys.luaprot, targets: [] });
    expect(r.ok).toBe(true);
  }
  const over = await dispatch(core, 'accounts:add', { label: 'one too many', provider: 'luaprot', baseUrl: sim.urls.luaprot, key: sim.keys.luaprot, targets: [] });
  expect(over.ok).toBe(false);
  if (!over.ok) expect(over.error.message).toMatch(/at most 50 accounts/);
});
