import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { ManualClock, systemClock } from '../../shared/clock';
import type { MonitorSnapshot } from '../../shared/ipc-contract';
import { MemorySecretStore } from '../secrets';
import { startSimulator } from '../simulator';
import { createAppCore } from './app-core';
import { PollDriver, type TimerPort } from './poll-driver';
import type { Poller } from './poller';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

it('keeps polling the good accounts when one stored account can no longer be used', async () => {
  const clock = new ManualClock();
  const sim = await startSimulator({ seed: 4, clock });
  cleanups.push(() => sim.close());
  const configDir = mkdtempSync(path.join(tmpdir(), 'pulsebar-resilience-'));
  cleanups.push(() => rmSync(configDir, { recursive: true, force: true }));
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
  const secrets = new MemorySecretStore([
    ['old', sim.keys.junkie],
    ['good', sim.keys.junkie],
  ]);
  const core = createAppCore({ configDir, secrets, clock, demo: false, timers: false, ports: { notifier: { notify: () => undefined } } });
  await core.start();
  cleanups.push(() => core.stop());
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
