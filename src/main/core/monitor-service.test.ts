import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../shared/clock';
import type { AlertEvent, AlertRule } from '../../shared/alerts';
import type { AccountStatus, AccountView, MonitorSnapshot } from '../../shared/ipc-contract';
import { History } from '../history/history';
import { RulesAlertEngine } from '../alerts/alert-engine';
import { MonitorService } from './monitor-service';
import type { PollResult } from '../polling/poller';

const account: AccountView = {
  id: 'acc',
  label: 'Main',
  provider: 'luaprot',
  baseUrl: 'http://127.0.0.1:1',
  targets: [{ kind: 'hub', id: 'h1' }],
  hasKey: true,
  demo: false,
};
const status: AccountStatus = {
  accountId: 'acc',
  state: 'ok',
  lastSuccessAt: null,
  lastAttemptAt: null,
  nextPollAt: null,
  error: null,
  explanation: null,
};

function setup(rules: AlertRule[]) {
  const clock = new ManualClock(Date.UTC(2026, 0, 5, 12));
  const fired: AlertEvent[] = [];
  const alerts = new RulesAlertEngine({
    rules: () => rules,
    accounts: () => [account],
    quietHours: () => undefined,
    pausedUntil: () => null,
    localMinutes: () => 12 * 60,
  });
  const monitor = new MonitorService({
    clock,
    history: new History(),
    alerts,
    onCommit: (_s: MonitorSnapshot, events) => fired.push(...events),
    alertsPausedUntil: () => null,
    demo: () => false,
    keyStore: () => 'memory',
    paused: () => false,
  });
  monitor.setAccounts([account], () => status);
  /** A poll that finished `lagMs` before the round was committed, as happens in real time. */
  const poll = (count: number, lagMs: number) => {
    const result: PollResult = {
      accountId: 'acc',
      at: clock.now(),
      targets: [{ kind: 'hub', id: 'h1', label: 'Hub 1', count }],
      total: count,
      complete: true,
    };
    clock.advance(lagMs);
    monitor.accept(result);
    monitor.commit();
    clock.advance(30_000 - lagMs);
  };
  return { poll, fired, monitor };
}

describe('MonitorService with real-time lag between a poll and its commit', () => {
  it('fires a threshold rule saved just before the poll that crosses it', () => {
    const rules: AlertRule[] = [];
    const { poll, fired } = setup(rules);
    for (let i = 0; i < 3; i++) poll(40, 250);
    rules.push({ id: 't', scope: { type: 'target', accountId: 'acc', targetId: 'h1' }, spec: { kind: 'threshold', value: 100, hysteresis: 5, direction: 'up' }, enabled: true, cooldownMinutes: 0 });
    poll(150, 250);
    expect(fired.map((e) => e.kind)).toEqual(['threshold']);
    poll(160, 250);
    expect(fired).toHaveLength(1);
  });

  it('recognises a new all-time high of an account total', () => {
    const { poll, fired } = setup([
      { id: 'h', scope: { type: 'account', accountId: 'acc' }, spec: { kind: 'all_time_high', minUsers: 10 }, enabled: true, cooldownMinutes: 0 },
    ]);
    for (let i = 0; i < 3; i++) poll(50, 400);
    poll(80, 400);
    expect(fired.map((e) => [e.kind, e.value, e.reference])).toEqual([['all_time_high', 80, 50]]);
  });
});
