import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedOffsetLocalMinutes } from '../monitor/quiet-hours';
import { seededRandom } from '../monitor/seeded-random';
import { MemorySecretStore } from '../secrets';
import type { SimulatorOptions } from '../simulator/types';
import { dispatch } from '../ipc/dispatch';
import { createAppCore } from './app-core';
import { startTestCore, tempConfigDir, useCleanups, value } from './core-test-support';
import type { NotificationRequest, TrayModel } from './ports';

/*
 * The whole core against the simulator over real HTTP on a ManualClock:
 * accounts and keys, polling, history, alerts, notifications through a fake NotifierPort.
 */

const cleanup = useCleanups();

async function setup(simOptions: SimulatorOptions = {}) {
  const notifications: NotificationRequest[] = [];
  const clicks: Array<() => void> = [];
  const trays: TrayModel[] = [];
  const shown: unknown[] = [];
  const t = await startTestCore({
    cleanup,
    dirPrefix: 'pulsebar-core-',
    now: Date.UTC(2026, 0, 5, 12, 0, 0),
    sim: { seed: 11, ...simOptions },
    timeoutMs: 500,
    random: seededRandom(5),
    localMinutes: fixedOffsetLocalMinutes(0),
    ports: {
      notifier: { notify: (request, onClick) => (notifications.push(request), clicks.push(onClick)) },
      tray: { update: (model) => trays.push(model) },
      window: { show: (target) => shown.push(target ?? null), hide: () => undefined, setDetached: () => undefined },
    },
  });
  const events: Array<[string, unknown]> = [];
  t.core.subscribe((event, payload) => events.push([event, payload]));
  return { ...t, notifications, clicks, trays, shown, events };
}

describe('app core', () => {
  it('keeps the key in the SecretStore only: never in settings.json, the events or any IPC response', async () => {
    const t = await setup();
    const key = t.sim.keys.luaprot;
    const hubs = t.sim.control.targets().luaprot.hubIds;
    const added = value<{ account: { id: string; hasKey: boolean }; test: { ok: boolean; found: unknown[] } }>(
      await t.call('accounts:add', {
        label: 'LuaProt main',
        provider: 'luaprot',
        baseUrl: t.sim.urls.luaprot,
        key,
        targets: hubs.map((id, i) => ({ kind: 'hub', id, label: `Hub ${i}` })),
      }),
    );
    expect(added.test.ok).toBe(true);
    expect(added.account.hasKey).toBe(true);
    const id = added.account.id;
    expect(await t.secrets.get(id)).toBe(key);

    await t.run(2 * 60_000);
    await t.call('accounts:list');
    await t.call('accounts:test', { provider: 'luaprot', accountId: id });
    await t.call('accounts:discover', { id });
    await t.call('app:snapshot');
    await t.call('sessions:list', { accountId: id, targetId: hubs[0] });
    const update = value<{ hasKey: boolean }>(await t.call('accounts:update', { id, label: 'Renamed', key: `${key}` }));
    expect(update.hasKey).toBe(true);
    // A changed key is polled at once.
    await t.run(0);

    const snapshot = value<{ accounts: Array<{ status: { state: string }; total: number | null }> }>(await t.call('app:snapshot'));
    expect(snapshot.accounts[0]!.status.state).toBe('ok');
    expect(snapshot.accounts[0]!.total).toBeGreaterThan(0);

    const files = readdirSync(t.configDir).map((f) => readFileSync(path.join(t.configDir, f)).toString('utf8'));
    expect(files.join('\n')).toContain('Renamed');
    for (const text of files) expect(text).not.toContain(key);
    expect(JSON.stringify(t.responses)).not.toContain(key);
    expect(JSON.stringify(t.events)).not.toContain(key);
    expect(JSON.stringify(t.trays)).not.toContain(key);

    await t.call('accounts:remove', { id });
    expect(await t.secrets.get(id)).toBeNull();
    expect(value<unknown[]>(await t.call('accounts:list'))).toEqual([]);
  });

  it('reports a rejected key in words when adding', async () => {
    const t = await setup();
    const result = value<{ test: { ok: boolean; explanation?: { title: string } } }>(
      await t.call('accounts:add', { label: 'J', provider: 'junkie', baseUrl: t.sim.urls.junkie, key: 'wrong-key', targets: [] }),
    );
    expect(result.test.ok).toBe(false);
    expect(result.test.explanation?.title).toMatch(/Junkie rejected the API key/);
    expect(JSON.stringify(t.responses)).not.toContain('wrong-key');
  });

  it('tells the window where keys are kept (the SecretStore kind), so it claims the keychain only when true', async () => {
    const t = await setup();
    expect(value<{ keyStore: string }>(await t.call('app:snapshot')).keyStore).toBe('memory');
  });

  it('answers actions a provider lacks with the reason, and checks LuaProt text again', async () => {
    const t = await setup();
    const junkie = value<{ account: { id: string } }>(
      await t.call('accounts:add', { label: 'J', provider: 'junkie', baseUrl: t.sim.urls.junkie, key: t.sim.keys.junkie, targets: [] }),
    ).account.id;
    const refused = await t.call('sessions:disconnect', { accountId: junkie, sessionId: 's1' });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'invalid_input', message: expect.stringMatching(/Junkie has no disconnect action/) } });
    const script = await t.call('scripts:toggle', { accountId: junkie, scriptId: 's', enabled: false });
    expect(script).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    const unknown = await t.call('sessions:list', { accountId: 'nope', targetId: 'x' });
    expect(unknown).toMatchObject({ ok: false, error: { kind: 'invalid_request', message: expect.stringMatching(/no account/) } });
    const caps = value<Record<string, { message: unknown }>>(await t.call('providers:capabilities'));
    expect(caps['junkie']!.message).toBe(false);
    expect(caps['luaprot']!.message).toBe('text');
  });

  it('toggles a LuaAuth script and returns the provider’s fresh state', async () => {
    const t = await setup();
    const scriptId = t.sim.control.targets().luaauth.scriptIds[0]!;
    const id = value<{ account: { id: string } }>(
      await t.call('accounts:add', {
        label: 'LA',
        provider: 'luaauth',
        baseUrl: t.sim.urls.luaauth,
        key: t.sim.keys.luaauth,
        targets: [{ kind: 'script', id: scriptId }],
      }),
    ).account.id;
    const before = value<{ enabled: boolean }>(await t.call('scripts:get', { accountId: id, scriptId }));
    const after = value<{ enabled: boolean }>(await t.call('scripts:toggle', { accountId: id, scriptId, enabled: !before.enabled }));
    expect(after.enabled).toBe(!before.enabled);
  });

  it('turns a scripted spike into exactly one notification; failed polls never alert', async () => {
    const start = Date.UTC(2026, 0, 5, 12, 0, 0);
    const t = await setup({ junkie: { scripts: 2 }, baseSessions: 60, events: [{ atMs: 40 * 60_000, provider: 'junkie', factor: 3 }] });
    expect(t.clock.now()).toBe(start);
    value(await t.call('accounts:add', { label: 'Junkie main', provider: 'junkie', baseUrl: t.sim.urls.junkie, key: t.sim.keys.junkie, targets: [] }));

    await t.run(15 * 60_000);
    // An outage before the spike: counts stay, history gets nothing, no drop alert.
    t.sim.control.injectFault('junkie', { type: 'status', status: 502, count: 6 });
    await t.run(10 * 60_000);
    expect(t.notifications).toEqual([]);
    await t.run(35 * 60_000);

    expect(t.notifications).toHaveLength(1);
    const [note] = t.notifications;
    expect(`${note!.title} ${note!.body}`).toMatch(/rose/);
    const log = value<Array<{ at: number; kind: string; ruleId: string }>>(await t.call('alerts:log'));
    expect(log.length).toBeGreaterThan(0);
    expect(new Set(log.map((e) => e.at)).size).toBe(1);
    expect(log.every((e) => e.kind === 'rise')).toBe(true);
    expect(new Set(log.map((e) => e.ruleId)).size).toBe(log.length);
    const fired = t.events.filter(([e]) => e === 'alerts:fired');
    expect(fired).toHaveLength(1);

    // The tray shows the alert; a click on the notification opens the window and pushes navigate.
    expect(t.trays.at(-1)?.icon === 'alert' || t.clock.now() - log[0]!.at >= 10 * 60_000).toBe(true);
    t.clicks[0]!();
    expect(t.shown).toHaveLength(1);

    // History: the outage left a gap, never zeros.
    const history = value<Array<{ v: number }>>(await t.call('monitor:history', { series: { type: 'total' }, range: '1h' }));
    expect(history.length).toBeGreaterThan(10);
    expect(history.every((p) => p.v > 0)).toBe(true);
  });

  it('silences alerts while paused from the tray, and notifies nothing when notifications are off', async () => {
    const t = await setup({ junkie: { scripts: 1 }, baseSessions: 60, events: [{ atMs: 20 * 60_000, provider: 'junkie', factor: 3 }] });
    value(await t.call('accounts:add', { label: 'J', provider: 'junkie', baseUrl: t.sim.urls.junkie, key: t.sim.keys.junkie, targets: [] }));
    await t.run(10 * 60_000);
    t.core.trayAction({ type: 'pause-alerts' });
    await new Promise((r) => setTimeout(r, 20));
    expect(value<{ pausedUntil: number | null }>(await t.call('alerts:get')).pausedUntil).toBe(t.clock.now() + 60 * 60_000);
    await t.run(20 * 60_000);
    expect(t.notifications).toEqual([]);
    const log = value<Array<{ silenced: boolean }>>(await t.call('alerts:log'));
    expect(log.length).toBeGreaterThan(0);
    expect(log.every((e) => e.silenced)).toBe(true);
    expect(t.trays.at(-1)?.icon).toBe('paused');
  });

  it('pauses polling on suspend and refreshes on resume', async () => {
    const t = await setup();
    value(await t.call('accounts:add', { label: 'J', provider: 'junkie', baseUrl: t.sim.urls.junkie, key: t.sim.keys.junkie, targets: [] }));
    await t.run(60_000);
    t.core.signal('suspend');
    const n = t.sim.control.requestLog('junkie').length;
    await t.run(10 * 60_000);
    expect(t.sim.control.requestLog('junkie')).toHaveLength(n);
    expect(value<{ paused: boolean }>(await t.call('app:snapshot')).paused).toBe(true);
    t.core.signal('resume');
    await t.run(0);
    expect(t.sim.control.requestLog('junkie')).toHaveLength(n + 1);
  });

  it('tells the user when the settings file was damaged and set aside', async () => {
    const configDir = tempConfigDir('pulsebar-notice-', cleanup);
    writeFileSync(path.join(configDir, 'settings.json'), '{"version": 2, "accounts": [oops');
    const core = createAppCore({ configDir, secrets: new MemorySecretStore(), demo: false, timers: false, ports: { notifier: { notify: () => undefined } } });
    await core.start();
    cleanup(() => core.stop());
    const notices = value<string[]>(await dispatch(core, 'app:notices', undefined));
    expect(notices.join(' ')).toMatch(/settings file was damaged and was set aside/);
  });

  it('runs demo mode on an in-process simulator with keys in memory only', async () => {
    const configDir = tempConfigDir('pulsebar-demo-', cleanup);
    const secrets = new MemorySecretStore();
    const core = createAppCore({ configDir, secrets, timers: false, ports: { notifier: { notify: () => undefined } } });
    await core.start();
    cleanup(() => core.stop());
    expect(core.demoSimulator).not.toBeNull();
    await core.runDue();
    // LuaAuth's first count of a script shorter than a page takes a second round: a short page alone
    // never proves the end of the list (the server may cap pages), so the page after it is checked.
    await core.runDue();
    const snap = core.snapshot();
    expect(snap.demo).toBe(true);
    expect(snap.accounts.map((a) => a.account.provider)).toEqual(['junkie', 'luaprot', 'luaauth']);
    expect(snap.accounts.every((a) => a.account.demo && a.status.state === 'ok')).toBe(true);
    expect(snap.total).toBeGreaterThan(0);
    expect(secrets.toJSON().accounts).toBe(0);
    const off = await dispatch(core, 'demo:set', { enabled: false });
    expect(off.ok && (off.value as { accounts: unknown[] }).accounts).toEqual([]);
    expect(core.demoSimulator).toBeNull();
  });
});
