import { describe, expect, it } from 'vitest';
import type { AccountLive, MonitorSnapshot } from '../../shared/ipc-contract';
import type { AccountState, ProviderId } from '../../shared/model';
import { seriesIdentity, type SeriesRef } from '../../shared/series-ref';
import { ALERT_ICON_MS, buildTrayModel, staleReason, trayIconState, trendArrow } from './tray-model';
import { TRAY_TEST_NOW, trayAlertAt, traySnapshot } from './tray-test-support';

/*
 * The tray as the user reads it: the whole menu item by item, the tooltip line by line, and the
 * icon at the edges of its rules (an alert exactly ten minutes old, a pause ending now).
 */

const NOW = TRAY_TEST_NOW;

function live(id: string, provider: ProviderId, state: AccountState, total: number | null, extra: Partial<AccountLive> = {}): AccountLive {
  return {
    account: { id, label: `${id} label`, provider, baseUrl: 'https://x', targets: [], hasKey: true, demo: false },
    status: { accountId: id, state, lastSuccessAt: NOW, lastAttemptAt: NOW, nextPollAt: null, error: null, explanation: null },
    total,
    targets: [],
    ...extra,
  };
}

function snap(accounts: AccountLive[], extra: Partial<MonitorSnapshot> = {}): MonitorSnapshot {
  return traySnapshot({ total: accounts.reduce((n, a) => n + (a.stale ? 0 : (a.total ?? 0)), 0), accounts, ...extra });
}

const alertAt = trayAlertAt;

describe('tray menu, item by item', () => {
  it('lists the total, each account with its targets, then the actions, with separators between', () => {
    const a = live('lp', 'luaprot', 'ok', 7, {
      targets: [
        { kind: 'hub', id: 'h:1', label: 'Hub One', count: 7, trend: 0, sparkline: [] },
        { kind: 'hub', id: 'h2', label: 'Hub Two', count: null, trend: null, sparkline: [] },
      ],
    });
    const b = live('jk', 'junkie', 'offline', 3);
    const model = buildTrayModel(snap([a, b], { demo: true }), { now: NOW });
    const show = (series: SeriesRef) => ({ id: seriesIdentity(series), command: { type: 'show', series } });
    expect(model.menu).toEqual([
      { id: 'total', label: 'Live users: 10 (demo)', enabled: false },
      { id: 'sep-1', label: '', type: 'separator' },
      {
        ...show({ type: 'account', accountId: 'lp' }),
        label: 'lp label (LuaProt): 7',
        submenu: [
          { ...show({ type: 'target', accountId: 'lp', targetId: 'h:1' }), label: 'Hub One: 7 →' },
          { ...show({ type: 'target', accountId: 'lp', targetId: 'h2' }), label: 'Hub Two: –' },
        ],
      },
      { ...show({ type: 'account', accountId: 'jk' }), label: 'jk label (Junkie): 3 — offline', submenu: undefined },
      { id: 'sep-2', label: '', type: 'separator' },
      { id: 'refresh', command: { type: 'refresh' }, label: 'Refresh now', enabled: true },
      { id: 'pause-alerts', command: { type: 'pause-alerts' }, label: 'Pause alerts for 1 hour' },
      { id: 'open', command: { type: 'open' }, label: 'Open Pulsebar' },
      { id: 'sep-3', label: '', type: 'separator' },
      { id: 'quit', command: { type: 'quit' }, label: 'Quit' },
    ]);
  });

  it('says no accounts yet only when there are none, and greys out refresh while monitoring is paused', () => {
    const empty = buildTrayModel(snap([], { paused: true }), { now: NOW });
    expect(empty.menu.slice(0, 3)).toEqual([
      { id: 'total', label: 'Live users: 0', enabled: false },
      { id: 'sep-1', label: '', type: 'separator' },
      { id: 'no-accounts', label: 'No accounts yet', enabled: false },
    ]);
    expect(empty.menu.find((i) => i.id === 'refresh')).toEqual({ id: 'refresh', command: { type: 'refresh' }, label: 'Refresh now', enabled: false });
    const one = buildTrayModel(snap([live('x', 'junkie', 'ok', 1)]), { now: NOW });
    expect(one.menu.some((i) => i.id === 'no-accounts')).toBe(false);
  });

  it('words each account state the user must know about', () => {
    const label = (state: AccountState) => buildTrayModel(snap([live('x', 'luaauth', state, 5)]), { now: NOW }).menu[2]?.label;
    expect(label('ok')).toBe('x label (LuaAuth): 5');
    expect(label('degraded')).toBe('x label (LuaAuth): 5 — degraded');
    expect(label('rate_limited')).toBe('x label (LuaAuth): 5 — rate limited');
    expect(label('unauthorized')).toBe('x label (LuaAuth): 5 — key rejected');
    expect(label('offline')).toBe('x label (LuaAuth): 5 — offline');
    expect(label('paused')).toBe('x label (LuaAuth): 5 — paused');
  });

  it('words a halt by its error: refused access is not a rejected key', () => {
    const halted = (provider: ProviderId, kind: 'forbidden' | 'unauthorized') =>
      buildTrayModel(snap([live('x', provider, 'unauthorized', 5, { status: { ...live('x', provider, 'unauthorized', 5).status, error: { kind, provider, message: 'no' } } })]), { now: NOW })
        .menu[2]?.label;
    expect(halted('luaprot', 'forbidden')).toBe('x label (LuaProt): 5 — IP not whitelisted');
    expect(halted('junkie', 'forbidden')).toBe('x label (Junkie): 5 — access refused');
    expect(halted('junkie', 'unauthorized')).toBe('x label (Junkie): 5 — key rejected');
  });

  it('names an account left unnamed (labelled after its provider) once: "LuaAuth: 5", not "LuaAuth (LuaAuth): 5"', () => {
    const unnamed = live('x', 'luaauth', 'ok', 5);
    unnamed.account.label = 'LuaAuth';
    expect(buildTrayModel(snap([unnamed]), { now: NOW }).menu[2]?.label).toBe('LuaAuth: 5');
  });

  it('offers to resume alerts only while a pause lasts beyond now', () => {
    const ids = (until: number | null) => buildTrayModel(snap([], { alertsPausedUntil: until }), { now: NOW }).menu.map((i) => i.id);
    expect(ids(NOW + 1)).toContain('resume-alerts');
    expect(ids(NOW)).toContain('pause-alerts');
    expect(ids(NOW - 1)).toContain('pause-alerts');
    expect(ids(null)).toContain('pause-alerts');
  });
});

describe('tray tooltip, line by line', () => {
  it('names the providers with live accounts only, and how many accounts need attention', () => {
    const model = buildTrayModel(
      snap([live('a', 'junkie', 'rate_limited', 4), live('b', 'luaauth', 'ok', 6)], { byProvider: { junkie: 4, luaprot: 0, luaauth: 6 } }),
      { now: NOW },
    );
    expect(model.tooltip).toBe('Pulsebar — 10 live\nJunkie 4 · LuaAuth 6\n1 account need attention');
    const two = buildTrayModel(snap([live('a', 'junkie', 'offline', 4), live('b', 'luaauth', 'unauthorized', 6)]), { now: NOW });
    expect(two.tooltip.split('\n').at(-1)).toBe('2 accounts need attention');
  });

  it('has no provider line when nothing is live, and says when monitoring is paused', () => {
    expect(buildTrayModel(snap([], { paused: true }), { now: NOW }).tooltip).toBe('Pulsebar — 0 live\nMonitoring paused');
    expect(buildTrayModel(snap([], { demo: true }), { now: NOW }).tooltip).toBe('Pulsebar (demo) — 0 live');
  });

  it('names up to two stale accounts one by one and counts three or more', () => {
    const stale = (id: string) => live(id, 'luaprot', 'degraded', 2, { stale: true });
    expect(buildTrayModel(snap([stale('s1'), stale('s2')]), { now: NOW }).tooltip).toBe(
      'Pulsebar — – live\ns1 label: 2 (not live — no answer for 1 min)\ns2 label: 2 (not live — no answer for 1 min)',
    );
    expect(buildTrayModel(snap([stale('s1'), stale('s2'), stale('s3')]), { now: NOW }).tooltip).toBe(
      'Pulsebar — – live\n3 accounts not live, left out of the total',
    );
  });

  it('shows the total when some account with a count is live, even beside stale ones and accounts without a count', () => {
    const model = buildTrayModel(snap([live('s', 'junkie', 'degraded', 9, { stale: true }), live('n', 'luaauth', 'ok', null), live('l', 'junkie', 'ok', 3)]), { now: NOW });
    expect(model.title).toBe('3');
    const onlyUncounted = buildTrayModel(snap([live('n', 'luaauth', 'ok', null)], { total: 0 }), { now: NOW });
    expect(onlyUncounted.title).toBe('0');
    // A live account that has no count yet does not make a stale one's number live.
    const staleAndUncounted = buildTrayModel(snap([live('s', 'junkie', 'degraded', 9, { stale: true }), live('n', 'luaauth', 'ok', null)]), { now: NOW });
    expect(staleAndUncounted.title).toBe('–');
  });

  it('cuts a long tooltip to 127 characters ending in an ellipsis, and leaves one of 127 whole', () => {
    const many = Array.from({ length: 3 }, (_, i) => live(`acc${i}`, 'junkie', 'offline', 1));
    const long = buildTrayModel(snap(many, { demo: true, paused: true, byProvider: { junkie: 3, luaprot: 0, luaauth: 0 } }), { now: NOW }).tooltip;
    const full = 'Pulsebar (demo) — 3 live\nJunkie 3\n3 accounts need attention\nMonitoring paused';
    expect(full.length).toBeLessThan(127);
    expect(long).toBe(full);

    const longLabel = live('x', 'luaauth', 'degraded', 1, { stale: true });
    longLabel.account = { ...longLabel.account, label: 'L'.repeat(200) };
    const cut = buildTrayModel(snap([longLabel]), { now: NOW }).tooltip;
    expect(cut).toHaveLength(127);
    expect(cut.endsWith('L…')).toBe(true);
    expect(cut.startsWith('Pulsebar — – live\nLLL')).toBe(true);
  });
});

describe('why a stale account is not live', () => {
  const stale = (provider: ProviderId, status: Partial<AccountLive['status']>) => {
    const a = live('a', provider, 'degraded', 1, { stale: true });
    a.status = { ...a.status, ...status };
    return a;
  };

  it('blames the IP whitelist for LuaProt and refused access for the others', () => {
    const forbidden = { provider: 'luaprot' as const, kind: 'forbidden' as const, message: 'no' };
    expect(staleReason(stale('luaprot', { error: forbidden }), NOW)).toBe('IP not whitelisted');
    expect(staleReason(stale('junkie', { error: { ...forbidden, provider: 'junkie' } }), NOW)).toBe('access refused');
  });

  it('says the key was rejected on a 401, in the unauthorized state, or when it never answered', () => {
    expect(staleReason(stale('junkie', { state: 'unauthorized' }), NOW)).toBe('key rejected');
    expect(staleReason(stale('junkie', { error: { provider: 'junkie', kind: 'unauthorized', message: 'x' } }), NOW)).toBe('key rejected');
    expect(staleReason(stale('junkie', { lastSuccessAt: null }), NOW)).toBe('key rejected');
    expect(staleReason(stale('junkie', { error: { provider: 'junkie', kind: 'timeout', message: 'x' } }), NOW)).toBe('no answer for 1 min');
  });

  it('counts silence in minutes (at least one) up to two hours, then in hours', () => {
    const after = (ms: number) => staleReason(stale('junkie', { lastSuccessAt: NOW - ms }), NOW);
    expect(after(0)).toBe('no answer for 1 min');
    expect(after(59 * 60_000)).toBe('no answer for 59 min');
    expect(after(119 * 60_000)).toBe('no answer for 119 min');
    expect(after(120 * 60_000)).toBe('no answer for 2 h');
    expect(after(179 * 60_000)).toBe('no answer for 2 h');
    expect(after(180 * 60_000)).toBe('no answer for 3 h');
  });
});

describe('tray icon at the edges', () => {
  it('shows the alert state for ten minutes after an unsilenced alert, not before it or after', () => {
    const icon = (at: number, silenced = false) => trayIconState(snap([]), [alertAt(at, silenced)], NOW);
    expect(icon(NOW)).toBe('alert');
    expect(icon(NOW - ALERT_ICON_MS + 1)).toBe('alert');
    expect(icon(NOW - ALERT_ICON_MS)).toBe('normal');
    expect(icon(NOW + 1)).toBe('normal');
    expect(icon(NOW, true)).toBe('normal');
    expect(trayIconState(snap([]), [], NOW)).toBe('normal');
  });

  it('is paused while alerts are paused beyond now, not at the moment the pause ends', () => {
    expect(trayIconState(snap([], { alertsPausedUntil: NOW + 1 }), [], NOW)).toBe('paused');
    expect(trayIconState(snap([], { alertsPausedUntil: NOW }), [], NOW)).toBe('normal');
    expect(buildTrayModel(snap([], { alertsPausedUntil: NOW }), { now: NOW, recentAlerts: [alertAt(NOW)] }).icon).toBe('alert');
  });
});

describe('trend arrows', () => {
  it('shows up, down, level, or nothing when unknown', () => {
    expect(trendArrow(null)).toBe('');
    expect(trendArrow(3)).toBe(' ↑');
    expect(trendArrow(-3)).toBe(' ↓');
    expect(trendArrow(0)).toBe(' →');
  });
});

