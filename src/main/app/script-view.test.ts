import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../shared/clock';
import type { ScriptView } from '../../shared/ipc-contract';
import { MemorySecretStore } from '../secrets';
import { startSimulator } from '../simulator';
import type { RunningSimulator } from '../simulator/types';
import { createAppCore, type PulsebarCore } from './app-core';

let sim: RunningSimulator;
let core: PulsebarCore;
let configDir: string;
beforeAll(async () => {
  const clock = new ManualClock(Date.UTC(2026, 4, 20, 12));
  sim = await startSimulator({ seed: 8, clock });
  configDir = mkdtempSync(path.join(tmpdir(), 'pulsebar-script-'));
  core = createAppCore({ configDir, secrets: new MemorySecretStore(), clock, demo: false, timers: false, ports: { notifier: { notify: () => undefined } } });
  await core.start();
});
afterAll(async () => {
  await core.stop();
  await sim.close();
  rmSync(configDir, { recursive: true, force: true });
});

it('a LuaAuth script view carries its executions per day, also after a toggle', async () => {
  const scriptId = sim.control.targets().luaauth.scriptIds[0]!;
  const { account } = await core.handlers['accounts:add']({
    label: 'LA',
    provider: 'luaauth',
    baseUrl: sim.urls.luaauth,
    key: sim.keys.luaauth,
    targets: [{ kind: 'script', id: scriptId }],
  });
  const view: ScriptView = await core.handlers['scripts:get']({ accountId: account.id, scriptId });
  const days = Object.keys(view.executions);
  expect(days.length).toBe(14);
  expect(days.every((d) => /^\d{2}\/\d{2}$/.test(d))).toBe(true);
  expect(days.at(-1)).toBe('05/20');
  const toggled = await core.handlers['scripts:toggle']({ accountId: account.id, scriptId, enabled: !view.enabled });
  expect(toggled.enabled).toBe(!view.enabled);
  expect(toggled.executions).toEqual(view.executions);
});
