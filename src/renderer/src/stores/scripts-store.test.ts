import { beforeEach, describe, expect, it } from 'vitest';
import type { ScriptView } from '../../../shared/ipc-contract';
import { deferred, installFakeBridge } from '../test-support/fake-bridge';
import { scriptKey, useScripts } from './scripts-store';

const initial = useScripts.getState();
beforeEach(() => useScripts.setState(initial, true));

const script = (over: Partial<ScriptView> = {}): ScriptView => ({
  id: 'sc1',
  projectId: 'p1',
  name: 'Auto Farm',
  enabled: true,
  freeForAll: false,
  useHeartbeat: true,
  kickOutdated: false,
  requireSessions: false,
  totalExecutions: 10,
  totalSessions: 3,
  totalInstances: 3,
  executions: {},
  ...over,
});
const entry = () => useScripts.getState().entries[scriptKey('acc', 'sc1')];

describe('scripts store', () => {
  it('loads a script, marking it busy meanwhile', async () => {
    const answer = deferred<ScriptView>();
    installFakeBridge({ 'scripts:get': () => answer.promise });
    const loading = useScripts.getState().load('acc', 'sc1');
    expect(entry()).toMatchObject({ busy: true, script: null });
    answer.resolve(script());
    await loading;
    expect(entry()).toMatchObject({ busy: false, error: null, script: { name: 'Auto Farm' } });
  });

  it('keeps a failed load as an error in words', async () => {
    installFakeBridge({ 'scripts:get': { fail: { kind: 'not_found', message: 'No such script.' } } });
    await useScripts.getState().load('acc', 'sc1');
    expect(entry()).toMatchObject({ busy: false, error: 'No such script.', script: null });
  });

  it('shows a toggle at once, then LuaAuth’s answer', async () => {
    const answer = deferred<ScriptView>();
    const bridge = installFakeBridge({ 'scripts:get': script(), 'scripts:toggle': () => answer.promise });
    await useScripts.getState().load('acc', 'sc1');
    const toggling = useScripts.getState().toggle('acc', 'sc1', false);
    expect(entry()).toMatchObject({ busy: true, script: { enabled: false } });
    answer.resolve(script({ enabled: false, totalSessions: 0 }));
    expect(await toggling).toBeNull();
    expect(entry()).toMatchObject({ busy: false, script: { enabled: false, totalSessions: 0 } });
    expect(bridge.callsTo('scripts:toggle')).toEqual([{ accountId: 'acc', scriptId: 'sc1', enabled: false }]);
  });

  it('rolls a refused toggle back and says why', async () => {
    installFakeBridge({ 'scripts:get': script(), 'scripts:toggle': { fail: { kind: 'forbidden', message: 'Not your script.' } } });
    await useScripts.getState().load('acc', 'sc1');
    expect(await useScripts.getState().toggle('acc', 'sc1', false)).toBe('Not your script.');
    expect(entry()).toMatchObject({ busy: false, error: 'Not your script.', script: { enabled: true } });
  });

  it('refuses to toggle a script it has not loaded, without calling main', async () => {
    const bridge = installFakeBridge();
    expect(await useScripts.getState().toggle('acc', 'sc1', false)).toBe('Script not loaded');
    expect(bridge.calls).toEqual([]);
  });

  it('saves an edit, or keeps the error and the old script', async () => {
    const bridge = installFakeBridge({ 'scripts:get': script(), 'scripts:edit': (r) => script({ name: r.patch.name ?? 'x' }) });
    await useScripts.getState().load('acc', 'sc1');
    expect(await useScripts.getState().edit('acc', 'sc1', { name: 'Renamed' })).toBeNull();
    expect(entry()?.script?.name).toBe('Renamed');
    bridge.handle('scripts:edit', { fail: { kind: 'invalid_input', message: 'Name too long.' } });
    expect(await useScripts.getState().edit('acc', 'sc1', { name: 'x'.repeat(500) })).toBe('Name too long.');
    expect(entry()).toMatchObject({ busy: false, error: 'Name too long.', script: { name: 'Renamed' } });
  });
});
