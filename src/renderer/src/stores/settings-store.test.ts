import { beforeEach, describe, expect, it } from 'vitest';
import type { AppPreferences } from '../../../shared/ipc-contract';
import { deferred, installFakeBridge } from '../test-support/fake-bridge';
import { useSettings } from './settings-store';

const initial = useSettings.getState();
beforeEach(() => useSettings.setState(initial, true));

const prefs = (over: Partial<AppPreferences> = {}): AppPreferences => ({
  pollIntervalSeconds: { junkie: 30, luaprot: 60, luaauth: 30 },
  notifications: true,
  launchAtLogin: false,
  theme: 'system',
  globalShortcut: null,
  ...over,
});

describe('settings store', () => {
  it('loads the preferences', async () => {
    installFakeBridge({ 'settings:get': prefs({ theme: 'dark' }) });
    await useSettings.getState().load();
    expect(useSettings.getState().prefs?.theme).toBe('dark');
  });

  it('shows a change at once and settles on main’s answer', async () => {
    const answer = deferred<AppPreferences>();
    installFakeBridge({ 'settings:update': () => answer.promise });
    useSettings.getState().set(prefs());
    const updating = useSettings.getState().update({ notifications: false });
    expect(useSettings.getState().prefs?.notifications).toBe(false);
    answer.resolve(prefs({ notifications: false, launchAtLogin: true }));
    expect(await updating).toMatchObject({ launchAtLogin: true });
    expect(useSettings.getState().prefs?.launchAtLogin).toBe(true);
  });

  it('restores the previous preferences when main refuses, and rethrows', async () => {
    installFakeBridge({ 'settings:update': { fail: { kind: 'invalid_request', message: 'bad shortcut' } } });
    useSettings.getState().set(prefs());
    await expect(useSettings.getState().update({ globalShortcut: '??' })).rejects.toThrow('bad shortcut');
    expect(useSettings.getState().prefs).toEqual(prefs());
  });
});
