import { describe, expect, it } from 'vitest';
import type { AccountLive, MonitorSnapshot } from '../../shared/ipc-contract';
import type { AccountState } from '../../shared/model';
import { buildTrayModel, TRAY_ACTIONS } from './tray-model';
import type { TrayMenuItem } from '../core/ports';
import { TRAY_TEST_NOW, trayAlertAt, traySnapshot } from './tray-test-support';

const NOW = TRAY_TEST_NOW;

function account(id: string, provider: AccountLive['account']['provider'], state: AccountState, total: number | null): AccountLive {
  return {
    account: { id, label: `${provider} main`, provider, baseUrl: 'https://x', targets: [], hasKey: true, demo: false },
    status: { accountId: id, state, lastSuccessAt: NOW, lastAttemptAt: NOW, nextPollAt: null, error: null, explanation: null },
    total,
    targets: [
      { kind: 'hub', id: 'h1', label: 'Hub Alpha', count: total === null ? null : total - 2, trend: 12, sparkline: [] },
      { kind: 'hub', id: 'h2', label: 'Hub Beta', count: total === null ? null : 2, trend: -1, sparkline: [] },
    ],
  };
}

function snapshot(overrides: Partial<MonitorSnapshot> = {}): MonitorSnapshot {
  return traySnapshot({
    total: 1234,
    byProvider: { junkie: 1000, luaprot: 234, luaauth: 0 },
    accounts: [account('junkie-1', 'junkie', 'ok', 1000), account('luaprot-1', 'luaprot', 'ok', 234)],
    ...overrides,
  });
}

const alert = trayAlertAt;

/** The menu item that opens the window on this account (found by its command, never by parsing an id). */
const showsAccount = (accountId: string) => (i: TrayMenuItem) =>
  i.command?.type === 'show' && i.command.series.type === 'account' && i.command.series.accountId === accountId;

describe('tray model', () => {
  it('shows the live total as title, totals per provider in the tooltip and a full menu', () => {
    const model = buildTrayModel(snapshot(), { now: NOW });
    expect(model.icon).toBe('normal');
    expect(model.title).toBe('1,234');
    expect(model.tooltip).toBe('Pulsebar — 1,234 live\nJunkie 1,000 · LuaProt 234');
    const labels = model.menu.map((i) => i.label);
    expect(labels[0]).toBe('Live users: 1,234');
    expect(labels).toContain('junkie main (Junkie): 1,000');
    expect(model.menu.find(showsAccount('luaprot-1'))?.submenu?.map((i) => i.label)).toEqual([
      'Hub Alpha: 232 ↑',
      'Hub Beta: 2 ↓',
    ]);
    expect(model.menu.filter((i) => i.type !== 'separator').map((i) => i.id).slice(-4)).toEqual([
      TRAY_ACTIONS.refresh,
      TRAY_ACTIONS.pauseAlerts,
      TRAY_ACTIONS.open,
      TRAY_ACTIONS.quit,
    ]);
    expect(model.menu.find((i) => i.id === TRAY_ACTIONS.pauseAlerts)?.label).toBe('Pause alerts for 1 hour');
  });

  it('ranks icon states paused > error > alert > normal', () => {
    const recent = [alert(NOW - 60_000)];
    expect(buildTrayModel(snapshot(), { now: NOW, recentAlerts: recent }).icon).toBe('alert');
    expect(buildTrayModel(snapshot(), { now: NOW, recentAlerts: [alert(NOW - 11 * 60_000)] }).icon).toBe('normal');
    expect(buildTrayModel(snapshot(), { now: NOW, recentAlerts: [alert(NOW - 60_000, true)] }).icon).toBe('normal');
    const broken = snapshot({ accounts: [account('a', 'luaauth', 'unauthorized', null)] });
    expect(buildTrayModel(broken, { now: NOW, recentAlerts: recent }).icon).toBe('error');
    expect(buildTrayModel(broken, { now: NOW, recentAlerts: recent }).tooltip).toContain('1 account need attention');
    const paused = { ...broken, alertsPausedUntil: NOW + 60_000 };
    const model = buildTrayModel(paused, { now: NOW, recentAlerts: recent });
    expect(model.icon).toBe('paused');
    expect(model.menu.find((i) => i.id === TRAY_ACTIONS.resumeAlerts)?.label).toBe('Resume alerts');
    expect(buildTrayModel(snapshot({ paused: true }), { now: NOW }).icon).toBe('paused');
  });

  it('shows unknown counts as a dash, never as zero, and says when there are no accounts', () => {
    const model = buildTrayModel(snapshot({ accounts: [account('x', 'luaauth', 'degraded', null)] }), { now: NOW });
    expect(model.menu.find(showsAccount('x'))?.label).toBe('luaauth main (LuaAuth): – — degraded');
    expect(model.menu.find(showsAccount('x'))?.submenu?.[0]?.label).toBe('Hub Alpha: – ↑');
    expect(buildTrayModel(snapshot({ accounts: [], total: 0 }), { now: NOW }).menu.some((i) => i.label === 'No accounts yet')).toBe(true);
  });

  it('marks stale accounts as not live, leaves them out of the title, and shows the error icon', () => {
    const revoked: AccountLive = {
      ...account('luaprot-1', 'luaprot', 'unauthorized', 80),
      stale: true,
    };
    revoked.status = { ...revoked.status, error: { provider: 'luaprot', kind: 'unauthorized', status: 401, message: 'Invalid API key' } };
    const snap = snapshot({ total: 1000, byProvider: { junkie: 1000, luaprot: 0, luaauth: 0 }, accounts: [account('junkie-1', 'junkie', 'ok', 1000), revoked] });
    const model = buildTrayModel(snap, { now: NOW });
    expect(model.icon).toBe('error');
    expect(model.title).toBe('1,000');
    expect(model.tooltip).toBe('Pulsebar — 1,000 live\nJunkie 1,000\nluaprot main: 80 (not live — key rejected)');
    expect(model.menu.find(showsAccount('luaprot-1'))?.label).toBe('luaprot main (LuaProt): 80 (not live — key rejected)');
    expect(model.menu[0]?.label).toBe('Live users: 1,000');

    // LuaProt's IP whitelist, and an account that stopped answering 12 minutes ago.
    const forbidden: AccountLive = { ...revoked, status: { ...revoked.status, error: { provider: 'luaprot', kind: 'forbidden', status: 403, message: 'not whitelisted' } } };
    expect(buildTrayModel(snapshot({ accounts: [forbidden] }), { now: NOW }).menu.find(showsAccount('luaprot-1'))?.label).toContain(
      '(not live — IP not whitelisted)',
    );
    const silent: AccountLive = { ...account('junkie-1', 'junkie', 'offline', 1000), stale: true };
    silent.status = { ...silent.status, lastSuccessAt: NOW - 12 * 60_000 };
    expect(buildTrayModel(snapshot({ accounts: [silent] }), { now: NOW }).menu.find(showsAccount('junkie-1'))?.label).toBe(
      'junkie main (Junkie): 1,000 (not live — no answer for 12 min)',
    );

    // Nothing live at all: a dash, not a zero.
    const none = buildTrayModel(snapshot({ total: 0, byProvider: { junkie: 0, luaprot: 0, luaauth: 0 }, accounts: [silent, revoked] }), { now: NOW });
    expect(none.title).toBe('–');
    expect(none.menu[0]?.label).toBe('Live users: –');
    expect(none.tooltip.split('\n')[0]).toBe('Pulsebar — – live');
  });

  it('stays error while an account is stale even in a state that alone would not be (degraded, idle)', () => {
    const degraded: AccountLive = { ...account('luaauth-1', 'luaauth', 'degraded', 50), stale: true };
    expect(buildTrayModel(snapshot({ accounts: [degraded] }), { now: NOW, recentAlerts: [alert(NOW - 60_000)] }).icon).toBe('error');
    const many = snapshot({ accounts: Array.from({ length: 4 }, (_, i) => ({ ...account(`a${i}`, 'luaauth', 'degraded', 5), stale: true })) });
    expect(buildTrayModel(many, { now: NOW }).tooltip).toContain('4 accounts not live, left out of the total');
  });

  it('keeps the tooltip within the 127 characters Windows shows', () => {
    const many = snapshot({ demo: true, paused: true, accounts: Array.from({ length: 9 }, (_, i) => account(`a${i}`, 'luaprot', 'offline', null)) });
    expect(buildTrayModel(many, { now: NOW }).tooltip.length).toBeLessThanOrEqual(127);
  });

  it('gives each account and target item a command naming its series, ids as they are (colons included)', () => {
    const model = buildTrayModel(snapshot({ accounts: [account('team:1', 'luaprot', 'ok', 10)] }), { now: NOW });
    const item = model.menu.find((i) => i.command?.type === 'show')!;
    expect(item.command).toEqual({ type: 'show', series: { type: 'account', accountId: 'team:1' } });
    expect(item.submenu?.map((i) => i.command)).toEqual([
      { type: 'show', series: { type: 'target', accountId: 'team:1', targetId: 'h1' } },
      { type: 'show', series: { type: 'target', accountId: 'team:1', targetId: 'h2' } },
    ]);
    // Every clickable item says what it does; the ids stay unique.
    const all = model.menu.flatMap((i) => [i, ...(i.submenu ?? [])]);
    for (const i of all) if (i.type !== 'separator' && i.enabled !== false && !i.submenu) expect(i.command, i.id).toBeDefined();
    expect(new Set(all.map((i) => i.id)).size).toBe(all.length);
    expect(model.menu.find((i) => i.id === TRAY_ACTIONS.quit)?.command).toEqual({ type: 'quit' });
  });
});
