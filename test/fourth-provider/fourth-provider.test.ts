/**
 * A fourth provider, registered through a registry and touching no other file, is polled,
 * counted, listed, alerted on and shown in the snapshot and the tray like the shipped three.
 */
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/shared/clock';
import type { AlertEvent, AlertRule } from '../../src/shared/alerts';
import type { AccountStatus, AccountView, MonitorSnapshot } from '../../src/shared/ipc-contract';
import type { AccountConfig } from '../../src/shared/model';
import { ActionService } from '../../src/main/actions/action-service';
import { RulesAlertEngine } from '../../src/main/alerts/alert-engine';
import { MonitorService } from '../../src/main/core/monitor-service';
import { AccountBudgets } from '../../src/main/polling/account-budgets';
import { Poller } from '../../src/main/polling/poller';
import { buildTrayModel } from '../../src/main/tray/tray-model';
import { History } from '../../src/main/history/history';
import { createProviderRegistry, DEFAULT_PROVIDER_MODULES } from '../../src/main/providers/registry';
import { ECHO_ID, echoModule, setRoom, type EchoClient } from './echo-provider';

const BASE = 'echo://fourth-provider-test';

describe('a fourth provider through the registry', () => {
  it('is polled, counted, listed, alerted on and shown in the snapshot and tray', async () => {
    const registry = createProviderRegistry([...DEFAULT_PROVIDER_MODULES, echoModule]);
    expect(registry.ids()).toEqual(['junkie', 'luaprot', 'luaauth', 'echo']);
    setRoom(BASE, 'lobby', 3);
    setRoom(BASE, 'arena', 2);

    const clock = new ManualClock(Date.UTC(2026, 0, 5, 12));
    const config: AccountConfig = {
      id: 'echo-1',
      label: 'My echo',
      provider: ECHO_ID,
      baseUrl: BASE,
      targets: [{ kind: 'script', id: 'lobby' }, { kind: 'script', id: 'arena', label: 'Arena' }],
    };
    const view: AccountView = { ...config, hasKey: true, demo: false };
    const rules: AlertRule[] = [];
    const fired: AlertEvent[] = [];
    let snapshot: MonitorSnapshot | null = null;
    const statuses = new Map<string, AccountStatus>();
    const monitor = new MonitorService({
      clock,
      history: new History(),
      alerts: new RulesAlertEngine({ rules: () => rules, accounts: () => [config], quietHours: () => undefined, pausedUntil: () => null, localMinutes: () => 12 * 60 }),
      onCommit: (s, events) => {
        snapshot = s;
        fired.push(...events);
      },
      alertsPausedUntil: () => null,
      demo: () => false,
      keyStore: () => 'memory',
      paused: () => false,
      registry,
    });
    const poller = new Poller({
      clock,
      budgets: new AccountBudgets({ clock }),
      registry,
      intervalMs: () => 30_000,
      onResult: (r) => monitor.accept(r),
      onStatus: (s) => {
        statuses.set(s.accountId, s);
        monitor.setStatus(s);
      },
    });
    const client = registry.get(ECHO_ID).createClient({ baseUrl: BASE, apiKey: 'echo-key' }) as EchoClient;
    monitor.setAccounts([view], (id) => statuses.get(id)!);
    poller.upsert(config, client);

    const round = async (): Promise<MonitorSnapshot> => {
      await poller.runDue();
      monitor.commit();
      clock.advance(30_000);
      return snapshot!;
    };

    // Polled and counted through its count plan, shown in the snapshot with its own nouns.
    const first = await round();
    expect(client.calls.filter((c) => c.startsWith('sessions'))).toEqual(['sessions lobby', 'sessions arena']);
    const account = first.accounts.find((a) => a.account.id === 'echo-1')!;
    expect(account.total).toBe(5);
    expect(account.targets.map((t) => [t.label, t.count])).toEqual([
      ['Room lobby', 3],
      ['Arena', 2],
    ]);
    expect(first.byProvider).toMatchObject({ echo: 5 });
    expect(first.total).toBe(5);
    expect(statuses.get('echo-1')?.state).toBe('ok');

    // Shown in the tray by its own label.
    const tray = buildTrayModel(first, { now: clock.now() });
    expect(tray.tooltip).toContain('Echo 5');
    expect(tray.menu.map((m) => m.label)).toContain('My echo (Echo): 5');

    // Alerted on: a threshold on the lobby fires once its count crosses it.
    await round();
    rules.push({ id: 'lobby-up', scope: { type: 'target', accountId: 'echo-1', targetId: 'lobby' }, spec: { kind: 'threshold', value: 10, hysteresis: 1, direction: 'up' }, enabled: true, cooldownMinutes: 0 });
    setRoom(BASE, 'lobby', 12);
    const later = await round();
    expect(later.accounts[0]!.total).toBe(14);
    expect(fired.map((e) => [e.kind, e.scope])).toEqual([['threshold', { type: 'target', accountId: 'echo-1', targetId: 'lobby' }]]);

    // Listed (and grouped) through the one action service; a missing action is refused in its words.
    const actions = new ActionService({ account: () => config, call: (_id, fn) => fn(client, undefined) }, registry);
    const page = await actions.list({ accountId: 'echo-1', targetId: 'lobby' });
    expect(page.sessions).toHaveLength(12);
    expect(page.sessions[0]).toMatchObject({ provider: 'echo', username: 'player0' });
    const groups = await actions.groups({ accountId: 'echo-1', targetId: 'arena' });
    expect(groups).toMatchObject({ provider: 'echo', total: 2, keys: null });
    expect(groups.servers).toHaveLength(2);
    await expect(actions.message({ accountId: 'echo-1', sessionId: 'lobby-0', text: 'hi' })).rejects.toThrow('Echo has no message action: it only echoes who is there.');
    poller.stop();
  });
});
