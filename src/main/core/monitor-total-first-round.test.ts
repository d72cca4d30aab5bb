import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../shared/clock';
import type { AccountStatus, AccountView } from '../../shared/ipc-contract';
import { TOTAL_SERIES } from '../../shared/series-ref';
import { RulesAlertEngine } from '../alerts/alert-engine';
import { History } from '../history/history';
import { seriesKey } from '../history/series-key';
import type { PollResult } from '../polling/poller';
import { MonitorService } from './monitor-service';

const view = (id: string): AccountView => ({
  id,
  label: id,
  provider: 'junkie',
  baseUrl: 'http://127.0.0.1:1',
  targets: [{ kind: 'script', id: `${id}-s` }],
  hasKey: true,
  demo: false,
});
const statusOf = (accountId: string, state: AccountStatus['state']): AccountStatus => ({
  accountId,
  state,
  lastSuccessAt: null,
  lastAttemptAt: null,
  nextPollAt: null,
  error: null,
  explanation: null,
});

/** Two accounts just started: the quick one answers its first cycle a round before the slow one. */
function setup() {
  const clock = new ManualClock(Date.UTC(2026, 0, 5, 12));
  const history = new History();
  const accounts = [view('quick'), view('slow')];
  const monitor = new MonitorService({
    clock,
    history,
    alerts: new RulesAlertEngine({ rules: () => [], accounts: () => accounts, quietHours: () => undefined, pausedUntil: () => null, localMinutes: () => 0 }),
    onCommit: () => undefined,
    alertsPausedUntil: () => null,
    demo: () => false,
    keyStore: () => 'memory',
    paused: () => false,
  });
  monitor.setAccounts(accounts, (id) => statusOf(id, 'idle'));
  /** One account's cycle ends: its status (as the poller publishes it) and its result, then the round commits. */
  const answer = (accountId: string, count: number | null, state: AccountStatus['state'] = 'ok') => {
    monitor.setStatus(statusOf(accountId, state));
    const result: PollResult = { accountId, at: clock.now(), targets: count === null ? [] : [{ kind: 'script', id: `${accountId}-s`, label: 'S', count }], total: count, complete: count !== null };
    monitor.accept(result);
  };
  const round = () => {
    monitor.commit();
    clock.advance(30_000);
  };
  const totals = () => history.range(seriesKey(TOTAL_SERIES), 0, clock.now() + 1, 1000).map((p) => p.value);
  return { answer, round, totals, monitor };
}

describe('the grand total right after a start', () => {
  it('is not recorded while an account is still on its first cycle, so the chart shows no false collapse', () => {
    const { answer, round, totals, monitor } = setup();
    answer('quick', 200);
    round();
    expect(totals()).toEqual([]);
    // The live figure still shows what is counted so far.
    expect(monitor.snapshot().total).toBe(200);
    answer('slow', 120);
    round();
    expect(totals()).toEqual([320]);
    answer('quick', 201);
    round();
    expect(totals()).toEqual([320, 321]);
  });

  it('is recorded without an account whose first cycle failed (it is not awaited for ever)', () => {
    const { answer, round, totals } = setup();
    answer('quick', 200);
    answer('slow', null, 'offline');
    round();
    expect(totals()).toEqual([200]);
  });

  it('numbers every snapshot it makes, growing even when the clock steps back (the window keeps the newest)', () => {
    const { monitor } = setup();
    const first = monitor.snapshot().seq;
    const second = monitor.snapshot(Date.UTC(2020, 0, 1)).seq;
    expect(second).toBeGreaterThan(first);
  });
});
