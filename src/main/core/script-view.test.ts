import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ScriptView } from '../../shared/ipc-contract';
import type { RunningSimulator } from '../simulator/types';
import type { PulsebarCore } from './app-core';
import { startTestCore, useCleanups } from './core-test-support';

let sim: RunningSimulator;
let core: PulsebarCore;
const cleanup = useCleanups(afterAll);
beforeAll(async () => {
  ({ sim, core } = await startTestCore({ cleanup, dirPrefix: 'pulsebar-script-', now: Date.UTC(2026, 4, 20, 12), sim: { seed: 8 } }));
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
