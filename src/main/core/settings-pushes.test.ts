import { describe, expect, it } from 'vitest';
import type { AlertRule } from '../../shared/alerts';
import type { AlertSettings, AppPreferences } from '../../shared/ipc-contract';
import { SettingsStore } from '../settings';
import { startTestCore, useCleanups, value } from './core-test-support';
import { ALERT_PAUSE_TRAY_MINUTES } from './tray-routing';

/*
 * Settings changes reach the window from the settings store's one subscription (settings-pushes.ts),
 * whoever made them; the detached flag is the setting, applied to the window port.
 */

const cleanup = useCleanups();
const NOW = Date.UTC(2026, 0, 5, 12, 0, 0);
const rule: AlertRule = { id: 'r1', scope: { type: 'total' }, spec: { kind: 'all_time_high', minUsers: 10 }, enabled: true, cooldownMinutes: 30 };

async function setup(options: { detached?: boolean } = {}) {
  const detachedCalls: boolean[] = [];
  const pushes: Array<[string, unknown]> = [];
  const t = await startTestCore({
    cleanup,
    dirPrefix: 'pulsebar-pushes-',
    now: NOW,
    ports: {
      notifier: { notify: () => undefined },
      window: { show: () => undefined, hide: () => undefined, setDetached: (detached) => void detachedCalls.push(detached) },
    },
    beforeStart: async ({ configDir, core }) => {
      if (options.detached !== undefined) {
        const store = new SettingsStore({ dir: configDir });
        await store.load();
        await store.update({ window: { detached: options.detached } });
      }
      core.subscribe((event, payload) => {
        if (event === 'settings:changed' || event === 'alerts:changed') pushes.push([event, payload]);
      });
    },
  });
  return { ...t, detachedCalls, pushes };
}

describe('settings pushes', () => {
  it("a pause from the tray pushes alerts:changed once, with the pause as alerts:get answers it (resume too)", async () => {
    const t = await setup();
    t.core.trayAction({ type: 'pause-alerts' });
    const answered = value<AlertSettings>(await t.call('alerts:get'));
    expect(answered.pausedUntil).toBe(NOW + ALERT_PAUSE_TRAY_MINUTES * 60_000);
    expect(t.pushes).toEqual([['alerts:changed', answered]]);

    t.core.trayAction({ type: 'resume-alerts' });
    await t.call('alerts:get');
    expect(t.pushes.slice(1)).toEqual([['alerts:changed', { ...answered, pausedUntil: null }]]);
  });

  it('a rules change pushes alerts:changed once; quiet hours too; the preferences are not pushed', async () => {
    const t = await setup();
    const saved = value<AlertSettings>(await t.call('alerts:setRules', { rules: [rule] }));
    expect(saved.rules).toEqual([rule]);
    expect(t.pushes).toEqual([['alerts:changed', saved]]);
    const quiet = value<AlertSettings>(await t.call('alerts:setQuietHours', { enabled: true, start: '23:00', end: '06:00' }));
    expect(t.pushes.slice(1)).toEqual([['alerts:changed', quiet]]);
  });

  it('a preferences change pushes settings:changed once, and nothing about alerts; an unchanged one pushes nothing', async () => {
    const t = await setup();
    const prefs = value<AppPreferences>(await t.call('settings:update', { theme: 'dark' }));
    expect(prefs.theme).toBe('dark');
    expect(t.pushes).toEqual([['settings:changed', prefs]]);
    await t.call('settings:update', { theme: 'dark' });
    await t.call('window:detach', { detached: false });
    expect(t.pushes).toHaveLength(1);
  });

  it("with no rules saved, turning demo on pushes alerts:changed with the demo accounts' default rules", async () => {
    const t = await setup();
    expect(value<AlertSettings>(await t.call('alerts:get')).rules).toEqual([]);
    await t.call('demo:set', { enabled: true });
    const answered = value<AlertSettings>(await t.call('alerts:get'));
    expect(answered.rules.length).toBeGreaterThan(0);
    expect(t.pushes.filter(([event]) => event === 'alerts:changed')).toEqual([['alerts:changed', answered]]);
    await t.call('demo:set', { enabled: false });
    expect(t.pushes.filter(([event]) => event === 'alerts:changed').at(-1)).toEqual(['alerts:changed', { ...answered, rules: [] }]);
  });

  it('pushes once per change after the core is stopped and started again', async () => {
    const t = await setup();
    await t.core.stop();
    await t.core.start();
    const prefs = value<AppPreferences>(await t.call('settings:update', { notifications: false }));
    expect(t.pushes).toEqual([['settings:changed', prefs]]);
  });
});

describe('the detached flag', () => {
  it('is the setting: window:detach stores it and the window port follows; window:state answers it', async () => {
    const t = await setup();
    expect(t.detachedCalls).toEqual([false]); // applied once at start, as loaded
    expect(value(await t.call('window:state'))).toEqual({ detached: false });
    await t.call('window:detach', { detached: true });
    expect(t.detachedCalls).toEqual([false, true]);
    expect(value(await t.call('window:state'))).toEqual({ detached: true });
    await t.call('window:detach', { detached: true });
    expect(t.detachedCalls).toEqual([false, true]);
    await t.call('window:detach', { detached: false });
    expect(t.detachedCalls).toEqual([false, true, false]);
  });

  it('starts detached when the setting says so (the user left the window detached)', async () => {
    const t = await setup({ detached: true });
    expect(t.detachedCalls).toEqual([true]);
    expect(value(await t.call('window:state'))).toEqual({ detached: true });
  });
});
