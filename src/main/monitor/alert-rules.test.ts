import { describe, expect, it } from 'vitest';
import type { AlertEvent, AlertRule, AlertRuleSpec, AlertScope, QuietHours } from '../../shared/alerts';
import { AlertLog } from './alert-log';
import {
  DEFAULT_ALERT_RULES,
  defaultAlertRules,
  emptyAlertState,
  evaluate,
  forgetSeries,
  restartSeries,
  type AlertEngineState,
} from './alert-rules';
import { History, HOUR_MS, MINUTE_MS } from '../history/history';
import { fixedOffsetLocalMinutes, isQuietTime, parseClockTime } from './quiet-hours';
import { seededRandom } from './seeded-random';
import { seriesKey } from '../history/series-key';

const T0 = Date.UTC(2026, 0, 1, 12, 0); // noon UTC
const POLL = 30_000;
const SCOPE: AlertScope = { type: 'account', accountId: 'acc' };
const KEY = seriesKey(SCOPE);

function rule(spec: AlertRuleSpec, cooldownMinutes = 0, id: string = spec.kind): AlertRule {
  return { id, scope: SCOPE, spec, enabled: true, cooldownMinutes };
}

/**
 * Plays a series through history + engine the way the poller will: append the real
 * count, then evaluate. `undefined` is a failed poll: nothing appended, key absent.
 */
class Run {
  history = new History();
  state: AlertEngineState = emptyAlertState();
  events: AlertEvent[] = [];
  now: number;
  constructor(
    public rules: AlertRule[],
    public options: { quietHours?: QuietHours; pausedUntil?: number; offsetMinutes?: number; start?: number } = {},
  ) {
    this.now = options.start ?? T0;
  }
  poll(count: number | undefined): AlertEvent[] {
    const counts: Record<string, number> = {};
    if (count !== undefined) {
      this.history.append(KEY, this.now, count);
      counts[KEY] = count;
    }
    const r = evaluate({
      rules: this.rules,
      counts,
      history: this.history,
      state: this.state,
      now: this.now,
      quietHours: this.options.quietHours,
      pausedUntil: this.options.pausedUntil,
      localMinutes: fixedOffsetLocalMinutes(this.options.offsetMinutes ?? 0),
      labels: { [KEY]: { subject: 'Hub Alpha (LuaProt main)', provider: 'luaprot' } },
    });
    this.state = r.state;
    this.events.push(...r.events);
    this.now += POLL;
    return r.events;
  }
  /** Holds a count for a duration. */
  hold(count: number | undefined, ms: number): void {
    const end = this.now + ms;
    while (this.now < end) this.poll(count);
  }
}

describe('rise', () => {
  it('fires exactly once for one step, with the promised message', () => {
    const run = new Run([rule({ kind: 'rise', percent: 50, minUsers: 20, windowMinutes: 10 }, 0)]);
    run.hold(50, HOUR_MS);
    run.hold(82, 2 * HOUR_MS); // cooldown 0: only the edge may fire
    expect(run.events).toHaveLength(1);
    const e = run.events[0]!;
    expect(e).toMatchObject({
      kind: 'rise',
      value: 82,
      reference: 50,
      subject: 'Hub Alpha (LuaProt main)',
      provider: 'luaprot',
      silenced: false,
      message: 'Users rose 64 % (+32) to 82 in 1 min',
    });
    expect(e.at).toBe(T0 + HOUR_MS);
  });

  it('needs both the percentage and the user count, measured from the window minimum', () => {
    const spec: AlertRuleSpec = { kind: 'rise', percent: 50, minUsers: 20, windowMinutes: 10 };
    const small = new Run([rule(spec)]);
    small.hold(10, HOUR_MS);
    small.hold(25, HOUR_MS); // +15 users, 150 %
    expect(small.events).toHaveLength(0);
    const big = new Run([rule(spec)]);
    big.hold(100, HOUR_MS);
    big.hold(140, HOUR_MS); // +40 users, 40 %
    expect(big.events).toHaveLength(0);
    // A climb spread over 8 minutes counts from the window's lowest point.
    const climb = new Run([rule(spec)]);
    climb.hold(40, HOUR_MS);
    for (let i = 1; i <= 16; i++) climb.poll(40 + i * 2); // 40 → 72 in 8 min
    expect(climb.events).toHaveLength(1);
    expect(climb.events[0]!.message).toBe('Users rose 50 % (+20) to 60 in 5 min');
  });

  it('from zero', () => {
    const run = new Run([rule({ kind: 'rise', percent: 50, minUsers: 20, windowMinutes: 10 })]);
    run.hold(0, HOUR_MS);
    run.hold(25, HOUR_MS);
    expect(run.events.map((e) => e.message)).toEqual(['Users rose from 0 to 25 in 1 min']);
  });
});

describe('cooldown', () => {
  it('is per rule and scope: a second spike inside it is swallowed, after it fires', () => {
    const spec: AlertRuleSpec = { kind: 'rise', percent: 50, minUsers: 20, windowMinutes: 10 };
    const run = new Run([rule(spec, 30, 'a'), rule(spec, 0, 'b')]);
    run.hold(50, HOUR_MS);
    run.hold(100, 5 * MINUTE_MS); // spike 1
    run.hold(50, 15 * MINUTE_MS);
    run.hold(100, 5 * MINUTE_MS); // spike 2, 20 min after spike 1
    run.hold(50, 30 * MINUTE_MS);
    run.hold(100, 5 * MINUTE_MS); // spike 3, 55 min after spike 1
    expect(run.events.filter((e) => e.ruleId === 'a').map((e) => (e.at - T0) / MINUTE_MS)).toEqual([60, 115]);
    expect(run.events.filter((e) => e.ruleId === 'b').map((e) => (e.at - T0) / MINUTE_MS)).toEqual([60, 80, 115]);
  });
});

describe('threshold', () => {
  it('fires once on crossing up and re-arms only below value − hysteresis', () => {
    const run = new Run([rule({ kind: 'threshold', value: 100, hysteresis: 10, direction: 'up' })]);
    const fired = [90, 99, 105, 120, 98, 95, 104, 91, 90, 89, 100, 101].map((c) => run.poll(c).length);
    expect(fired).toEqual([0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0]);
    expect(run.events[0]).toMatchObject({ value: 105, reference: 100, message: 'Users reached 100 (now 105)' });
  });

  it('mirrors for direction down', () => {
    const run = new Run([rule({ kind: 'threshold', value: 20, hysteresis: 5, direction: 'down' })]);
    // 25 is not past 20 + 5 (strictly); 26 re-arms; 18 crosses again.
    const fired = [30, 21, 20, 15, 24, 19, 25, 18, 26, 18].map((c) => run.poll(c).length);
    expect(fired).toEqual([0, 0, 1, 0, 0, 0, 0, 0, 0, 1]);
    expect(run.events[0]!.message).toBe('Users fell to 20, at or below 20');
  });

  it('does not call the first count ever a crossing, but learns the side from history after a restart', () => {
    const spec: AlertRuleSpec = { kind: 'threshold', value: 100, hysteresis: 10, direction: 'up' };
    const fresh = new Run([rule(spec)]);
    expect(fresh.poll(150)).toHaveLength(0);
    fresh.hold(150, HOUR_MS);
    expect(fresh.events).toHaveLength(0);
    // Engine state lost, history kept: the previous sample (80) says we were below.
    const restarted = new Run([rule(spec)]);
    restarted.hold(80, 10 * MINUTE_MS);
    restarted.state = emptyAlertState();
    expect(restarted.poll(120)).toHaveLength(1);
  });
});

describe('drop', () => {
  const spec: AlertRuleSpec = { kind: 'drop', percent: 60, windowMinutes: 10, toZero: true };

  it('a single-poll dip that recovers does not alert', () => {
    const run = new Run([rule(spec)]);
    run.hold(100, HOUR_MS);
    expect(run.poll(30)).toHaveLength(0); // pending
    expect(run.poll(97)).toHaveLength(0); // recovered
    run.hold(100, HOUR_MS);
    expect(run.events).toHaveLength(0);
  });

  it('is confirmed by the next poll and fires exactly once', () => {
    const run = new Run([rule(spec)]);
    run.hold(100, HOUR_MS);
    expect(run.poll(30)).toHaveLength(0);
    const confirmed = run.poll(35);
    expect(confirmed).toHaveLength(1);
    expect(confirmed[0]).toMatchObject({ kind: 'drop', value: 35, reference: 100, message: 'Users fell 65 % (-65) to 35 in 1 min' });
    run.hold(35, 2 * HOUR_MS); // stays low: no repeat, even without cooldown
    run.hold(100, HOUR_MS);
    run.poll(20);
    run.poll(20); // a new drop after recovery is a new event
    expect(run.events).toHaveLength(2);
  });

  it('to zero, confirmed, and a failed poll in between is no news', () => {
    const run = new Run([rule({ ...spec, percent: 90 } as AlertRuleSpec)]);
    run.hold(15, HOUR_MS);
    run.poll(0);
    run.poll(undefined); // provider failure: key absent, not zero
    run.poll(undefined);
    expect(run.events).toHaveLength(0);
    expect(run.poll(0)).toHaveLength(1);
    expect(run.events[0]!.message).toBe('Users fell to 0 from 15 in 2 min');
  });

  it('an outage (no counts at all) never looks like a drop', () => {
    const run = new Run([rule(spec), ...defaultAlertRules(SCOPE)]);
    run.hold(200, 26 * HOUR_MS);
    run.hold(undefined, 3 * HOUR_MS);
    run.hold(200, HOUR_MS);
    expect(run.events).toHaveLength(0);
  });

  it('ignores drops from a peak below minUsers', () => {
    const run = new Run([rule({ ...spec, minUsers: 10 } as AlertRuleSpec)]);
    run.hold(6, HOUR_MS);
    run.hold(0, HOUR_MS);
    expect(run.events).toHaveLength(0);
  });
});

describe('all-time high', () => {
  it('fires only when the kept high is beaten, never on the first sample', () => {
    const run = new Run([rule({ kind: 'all_time_high', minUsers: 10 }, 30)]);
    expect(run.poll(500)).toHaveLength(0); // first sample ever
    run.hold(400, HOUR_MS);
    expect(run.poll(500)).toHaveLength(0); // equal is not a new high
    const e = run.poll(510);
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ value: 510, reference: 500, message: 'New all-time high: 510 users (previous 500)' });
    run.hold(510, HOUR_MS);
    expect(run.events).toHaveLength(1);
  });

  it('respects minUsers, the margin and the history span', () => {
    const run = new Run([rule({ kind: 'all_time_high', minUsers: 10, marginPercent: 5, minHistoryHours: 24 })]);
    run.hold(5, HOUR_MS);
    run.poll(8); // below minUsers
    run.hold(50, 30 * MINUTE_MS); // beats the high but history spans < 24 h
    expect(run.events).toHaveLength(0);
    run.hold(50, 24 * HOUR_MS);
    run.poll(52); // +4 %: inside the margin
    expect(run.events).toHaveLength(0);
    expect(run.poll(55)).toHaveLength(1);
  });
});

describe('default rules', () => {
  it('are what a new account gets', () => {
    expect(DEFAULT_ALERT_RULES.map((r) => r.spec.kind)).toEqual(['rise', 'drop', 'all_time_high']);
    const rules = defaultAlertRules({ type: 'total' });
    expect(rules.map((r) => r.id)).toEqual(['*:rise', '*:drop', '*:all_time_high']);
    expect(rules.every((r) => r.enabled && r.cooldownMinutes === 30)).toBe(true);
  });

  it('stay quiet on hours of ±10 % noise around a steady level (seeded)', () => {
    for (const level of [25, 100, 1_000, 20_000]) {
      for (const seed of [1, 2, 3]) {
        const rnd = seededRandom(seed * 1_000 + level);
        const run = new Run(defaultAlertRules(SCOPE));
        // 36 h so the all-time-high rule is past its 24 h history span for 12 h.
        for (let i = 0; i < (36 * HOUR_MS) / POLL; i++) run.poll(Math.round(level * (0.9 + rnd() * 0.2)));
        expect(run.events, `level ${level} seed ${seed}`).toEqual([]);
      }
    }
  });

  it('do alert on a real surge and a real collapse in the same noisy series', () => {
    const rnd = seededRandom(99);
    const run = new Run(defaultAlertRules(SCOPE));
    const noisy = (level: number, ms: number) => {
      const end = run.now + ms;
      while (run.now < end) run.poll(Math.round(level * (0.9 + rnd() * 0.2)));
    };
    noisy(100, 26 * HOUR_MS);
    noisy(200, HOUR_MS); // surge: rise + all-time high (the way back down is < 60 %: no drop)
    noisy(100, 2 * HOUR_MS);
    noisy(0, HOUR_MS); // collapse
    expect(run.events.map((e) => e.kind).sort()).toEqual(['all_time_high', 'drop', 'rise']);
  });
});

describe('quiet hours and pause', () => {
  it('parses and wraps midnight', () => {
    const q: QuietHours = { enabled: true, start: '22:00', end: '07:00' };
    expect(parseClockTime('7:05')).toBe(425);
    expect(parseClockTime('24:00')).toBe(1440);
    expect(parseClockTime('25:00')).toBeUndefined();
    expect(parseClockTime('noon')).toBeUndefined();
    expect([21 * 60 + 59, 22 * 60, 23 * 60 + 59, 0, 6 * 60 + 59, 7 * 60].map((m) => isQuietTime(q, m))).toEqual([
      false, true, true, true, true, false,
    ]);
    expect(isQuietTime({ enabled: true, start: '09:00', end: '17:00' }, 12 * 60)).toBe(true);
    expect(isQuietTime({ enabled: true, start: '09:00', end: '17:00' }, 17 * 60)).toBe(false);
    expect(isQuietTime({ ...q, enabled: false }, 23 * 60)).toBe(false);
    expect(isQuietTime({ enabled: true, start: 'x', end: '07:00' }, 23 * 60)).toBe(false);
    expect(fixedOffsetLocalMinutes(120)(Date.UTC(2026, 0, 1, 23, 30))).toBe(90); // 01:30 at UTC+2
    expect(fixedOffsetLocalMinutes(-300)(Date.UTC(2026, 0, 1, 2, 0))).toBe(21 * 60); // 21:00 the day before at UTC−5
  });

  it('silences events in quiet hours (wrapping midnight, in the given zone), and the cooldown still applies', () => {
    const quietHours: QuietHours = { enabled: true, start: '22:00', end: '07:00' };
    const spec: AlertRuleSpec = { kind: 'rise', percent: 50, minUsers: 20, windowMinutes: 10 };
    // The zone is UTC+2: start at 19:00 UTC = 21:00 local.
    const run = new Run([rule(spec, 30)], { quietHours, offsetMinutes: 120, start: Date.UTC(2026, 0, 1, 19, 0) });
    run.hold(50, 150 * MINUTE_MS);
    run.hold(100, 5 * MINUTE_MS); // 23:30 local: silenced
    run.hold(50, 5 * MINUTE_MS);
    run.hold(100, 5 * MINUTE_MS); // 23:45 local: inside the cooldown, nothing
    expect(run.events.map((e) => e.silenced)).toEqual([true]);
    // Past midnight, until 07:00 local, still silenced; at 07:00 notified again.
    run.hold(50, Date.UTC(2026, 0, 2, 4, 50) - run.now); // to 06:50 local
    run.hold(100, 5 * MINUTE_MS); // 06:50
    run.hold(50, 5 * HOUR_MS - 5 * MINUTE_MS);
    run.hold(100, 5 * MINUTE_MS); // 11:50 local
    expect(run.events.map((e) => [e.silenced, new Date(e.at + 120 * MINUTE_MS).toISOString().slice(11, 16)])).toEqual([
      [true, '23:30'],
      [true, '06:50'],
      [false, '11:50'],
    ]);
  });

  it('silences during a pause and not after it', () => {
    const spec: AlertRuleSpec = { kind: 'rise', percent: 50, minUsers: 20, windowMinutes: 10 };
    const run = new Run([rule(spec, 0)], { pausedUntil: T0 + 2 * HOUR_MS });
    run.hold(50, HOUR_MS);
    run.hold(100, 30 * MINUTE_MS);
    run.hold(50, HOUR_MS);
    run.hold(100, 30 * MINUTE_MS);
    expect(run.events.map((e) => e.silenced)).toEqual([true, false]);
  });
});

describe('engine contract', () => {
  it('is pure: the previous state is not mutated and equal input gives equal output', () => {
    const history = new History();
    for (let i = 0; i < 40; i++) history.append(KEY, T0 + i * POLL, i < 30 ? 50 : 100);
    const now = T0 + 39 * POLL;
    const state = emptyAlertState();
    state.rules[`rise@${KEY}`] = { active: false };
    const frozen = JSON.stringify(state);
    const input = {
      rules: [rule({ kind: 'rise', percent: 50, minUsers: 20, windowMinutes: 10 })],
      counts: { [KEY]: 100 },
      history,
      state,
      now,
      localMinutes: fixedOffsetLocalMinutes(0),
    };
    const a = evaluate(input);
    const b = evaluate(input);
    expect(JSON.stringify(state)).toBe(frozen);
    expect(a).toEqual(b);
    expect(JSON.parse(JSON.stringify(a.state))).toEqual(a.state); // persistable as JSON
  });

  it('skips rules whose scope has no count this cycle and keeps their state; disabled rules never fire', () => {
    const run = new Run([rule({ kind: 'rise', percent: 50, minUsers: 20, windowMinutes: 10 }), { ...rule({ kind: 'all_time_high', minUsers: 1 }), enabled: false }]);
    run.hold(50, HOUR_MS);
    run.poll(100);
    const before = run.state.rules[`rise@${KEY}`];
    run.poll(undefined);
    expect(run.state.rules[`rise@${KEY}`]).toEqual(before);
    expect(run.events.map((e) => e.kind)).toEqual(['rise']);
  });
});

describe('AlertLog', () => {
  const ev = (i: number): AlertEvent => ({
    id: `e${i}`,
    ruleId: 'r',
    kind: 'rise',
    scope: { type: 'total' },
    subject: 'All accounts',
    at: T0 + i,
    value: i,
    reference: 0,
    message: `event ${i}`,
    silenced: false,
  });

  it('keeps the newest 200, newest first, and round-trips through JSON', () => {
    const log = new AlertLog();
    for (let i = 0; i < 250; i++) log.add(ev(i));
    expect(log.size).toBe(200);
    const list = log.list();
    expect(list).toHaveLength(200);
    expect(list[0]!.id).toBe('e249');
    expect(list.at(-1)!.id).toBe('e50');
    expect(log.list(3).map((e) => e.id)).toEqual(['e249', 'e248', 'e247']);
    const back = AlertLog.fromJSON(JSON.parse(JSON.stringify(log)));
    expect(back.list()).toEqual(list);
    back.add(ev(250));
    expect(back.list()[0]!.id).toBe('e250');
    expect(back.size).toBe(200);
    expect(AlertLog.fromJSON('nonsense').size).toBe(0);
    expect(AlertLog.fromJSON([{ id: 1 }, ev(1)]).list()).toEqual([ev(1)]);
    log.clear();
    expect(log.list()).toEqual([]);
  });
});

describe('restarted series (what a total counts changed: accounts added or removed)', () => {
  it('never compares across the restart: no rise, no drop, no all-time high from the jump itself', () => {
    const run = new Run([
      rule({ kind: 'rise', percent: 50, minUsers: 20, windowMinutes: 10 }),
      rule({ kind: 'drop', percent: 60, windowMinutes: 10, toZero: true, minUsers: 10 }),
      rule({ kind: 'all_time_high', minUsers: 10, marginPercent: 2, minHistoryHours: 1 }),
    ]);
    run.hold(100, 2 * HOUR_MS);
    // An account is added: the total jumps to 300 at this poll.
    run.state = restartSeries(run.state, [KEY], run.now);
    run.hold(300, 30 * MINUTE_MS);
    // ... and removed again.
    run.state = restartSeries(run.state, [KEY], run.now);
    run.hold(100, 30 * MINUTE_MS);
    expect(run.events).toEqual([]);
    // Real changes after a restart are still reported.
    run.hold(200, 2 * MINUTE_MS);
    expect(run.events.map((e) => e.kind)).toEqual(['rise']);
  });

  it('keeps working after the wall clock steps back: restart times and cooldowns in the future are clamped', () => {
    const run = new Run([rule({ kind: 'rise', percent: 50, minUsers: 20, windowMinutes: 10 }, 5)]);
    run.hold(100, 30 * MINUTE_MS);
    run.state = restartSeries(run.state, [KEY], run.now);
    run.hold(100, 5 * MINUTE_MS);
    run.now -= HOUR_MS; // NTP correction
    run.history = new History();
    run.hold(100, 10 * MINUTE_MS);
    run.hold(200, 2 * MINUTE_MS);
    expect(run.events.map((e) => e.kind)).toEqual(['rise']);
  });

  it('forgets the state of scopes that are gone', () => {
    const state: AlertEngineState = {
      version: 1,
      rules: { 'r@acc': { active: true }, 'r@acc/t1': { active: true }, 'r@other': { active: true } },
      highs: { acc: 5, 'acc/t1': 3, other: 9 },
      since: { acc: 1 },
    };
    const next = forgetSeries(state, (key) => key === 'acc' || key.startsWith('acc/'));
    expect(next).toEqual({ version: 1, rules: { 'r@other': { active: true } }, highs: { other: 9 }, since: {} });
  });
});
