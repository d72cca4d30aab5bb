import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { systemClock } from '../../shared/clock';
import type { MonitorSnapshot } from '../../shared/ipc-contract';
import { MemorySecretStore } from '../secrets';
import { createAppCore } from './app-core';
import { startTestCore, useCleanups } from './core-test-support';
import { PollDriver, type TimerPort } from '../polling/poll-driver';
import type { Poller } from '../polling/poller';

const cleanup = useCleanups();

it('keeps polling the good accounts when one stored account can no longer be used', async () => {
  const { core } = await startTestCore({
    cleanup,
    dirPrefix: 'pulsebar-resilience-',
    sim: { seed: 4 },
    beforeStart: async ({ configDir, secrets, sim }) => {
      // As an older version might have saved it: a plain-http remote URL the clients now refuse.
      writeFileSync(
        path.join(configDir, 'settings.json'),
        JSON.stringify({
          version: 2,
          accounts: [
            { id: 'old', label: 'Old', provider: 'junkie', baseUrl: 'http://api.example.com/api/v2', targets: [] },
            { id: 'good', label: 'Good', provider: 'junkie', baseUrl: sim.urls.junkie, targets: [] },
          ],
        }),
      );
      await secrets.set('old', sim.keys.junkie);
      await secrets.set('good', sim.keys.junkie);
    },
  });
  await core.runDue();
  const snapshot: MonitorSnapshot = core.snapshot();
  const old = snapshot.accounts.find((a) => a.account.id === 'old')!;
  const good = snapshot.accounts.find((a) => a.account.id === 'good')!;
  expect(old.status.explanation?.title).toMatch(/cannot be used: .*https/);
  expect(good.status.state).toBe('ok');
  expect(good.total).toBeGreaterThan(0);
});

it('re-arms the poll timer even when a round throws', async () => {
  const armed: Array<() => void> = [];
  const timers: TimerPort = { setTimeout: (fn) => (armed.push(fn), armed.length), clearTimeout: () => undefined };
  let rounds = 0;
  const poller = { nextDueAt: () => 0, runDue: async () => void rounds++ } as unknown as Poller;
  const errors: unknown[] = [];
  const driver = new PollDriver(poller, systemClock, () => {
    throw new Error('tray exploded');
  }, timers, (e) => errors.push(e));
  driver.start();
  for (let i = 0; i < 3; i++) {
    armed.shift()!();
    await new Promise((r) => setTimeout(r, 0));
  }
  expect(rounds).toBe(3);
  expect(errors).toHaveLength(3);
  expect(armed.length).toBe(1);
  driver.stop();
});

it('has finished every write when stop() resolves, so the folder can be removed at once', async () => {
  for (let i = 0; i < 3; i++) {
    const configDir = mkdtempSync(path.join(tmpdir(), 'pulsebar-stop-'));
    const core = createAppCore({ configDir, secrets: new MemorySecretStore(), demo: true, ports: { notifier: { notify: () => undefined } } });
    await core.start();
    await core.runDue();
    await core.stop();
    // rmSync fails with ENOTEMPTY if a write (e.g. alerts.json) lands while it runs.
    expect(() => rmSync(configDir, { recursive: true })).not.toThrow();
  }
});
