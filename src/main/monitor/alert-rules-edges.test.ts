import { describe, expect, it } from 'vitest';
import type { AlertEvent, AlertRule, AlertRuleSpec, AlertScope } from '../../shared/alerts';
import { emptyAlertState, evaluate, forgetSeries, restartSeries, type AlertEngineState, type AlertInput } from './alert-rules';
import { History, MINUTE_MS } from '../history/history';
import { seriesKey as scopeKey } from '../history/series-key';

/*
 * The alert rules at their edges: exactly at a percentage, a user count, a cooldown's end, a
 * pause's end; the words of each message; who an alert is about when no label was given; and what
 * the engine keeps or forgets when a series restarts or goes away.
 */

const T0 = Date.UTC(2026, 0, 1, 12, 0);
const POLL = 30_000;
const SCOPE: AlertScope = { type: 'target', accountId: 'acc', targetId: 'hub-1' };
const KEY = scopeKey(SCOPE);

const rule = (spec: AlertRuleSpec, cooldownMinutes = 0, scope: AlertScope = SCOPE, id: string = spec.kind): AlertRule => ({
  id,
  scope,
  spec,
  enabled: true,
  cooldownMinutes,
});

/** Feeds counts every 30 s through a History and the engine, as the poller does. */
class Feed {
  history = new History();
  state: AlertEngineState = emptyAlertState();
  events: AlertEvent[] = [];
  now = T0;
  constructor(
    public rules: AlertRule[],
    public extra: Partial<AlertInput> = {},
  ) {}
  poll(count: number | undefined, key = KEY): AlertEvent[] {
    const counts: Record<string, number> = {};
    if (count !== undefined) {
      this.history.append(key, this.now, count);
      counts[key] = count;
    }
    const r = evaluate({ rules: this.rules, counts, history: this.history, state: this.state, now: this.now, localMinutes: () => 0, ...this.extra });
    this.state = r.state;
    this.events.push(...r.events);
    this.now += POLL;
    return r.events;
  }
  hold(count: number, ms: number): void {
    const end = this.now + ms;
    while (this.now < end) this.poll(count);
  }
}

describe('rise at its edges', () => {
  const spec: AlertRuleSpec = { kind: 'rise', percent: 50, minUsers: 20, windowMinutes: 10 };

  it('fires at exactly the percentage and exactly the user count, not one short of either', () => {
    const exact = new Feed([rule(spec)]);
    exact.hold(40, 15 * MINUTE_MS);
    expect(exact.poll(60)).toHaveLength(1); // +20 users, +50 %
    const shortUsers = new Feed([rule(spec)]);
    shortUsers.hold(30, 15 * MINUTE_MS);
    expect(shortUsers.poll(49)).toHaveLength(0); // +19 users, 63 %
    const shortPercent = new Feed([rule(spec)]);
    shortPercent.hold(42, 15 * MINUTE_MS);
    expect(shortPercent.poll(62)).toHaveLength(0); // +20 users, 47.6 %
  });

  it('measures from the lowest count inside the window only, and says how long ago it was', () => {
    const f = new Feed([rule(spec)]);
    f.hold(10, 2 * MINUTE_MS); // older than the window by the time of the jump
    f.hold(40, 12 * MINUTE_MS);
    const before = f.events.length;
    const [e] = f.poll(60);
    expect(f.events.length).toBe(before + 1);
    // The most recent of equal lows: "in 1 min", not "in 10 min".
    expect(e).toMatchObject({ reference: 40, value: 60, message: 'Users rose 50 % (+20) to 60 in 1 min' });
  });

  it('never fires on a count that did not grow, whatever minUsers is', () => {
    const f = new Feed([rule({ kind: 'rise', percent: 0, minUsers: 0, windowMinutes: 10 })]);
    f.hold(30, 15 * MINUTE_MS);
    expect(f.events).toEqual([]);
    expect(f.poll(31)).toHaveLength(1);
  });
});

describe('drop at its edges', () => {
  const spec: AlertRuleSpec = { kind: 'drop', percent: 60, windowMinutes: 10, toZero: false, minUsers: 10 };

  it('fires on the second poll at exactly the percentage, with the fall in words', () => {
    const f = new Feed([rule(spec)]);
    f.hold(100, 15 * MINUTE_MS);
    expect(f.poll(40)).toEqual([]); // seen once: pending
    const [e] = f.poll(40);
    expect(e).toMatchObject({ kind: 'drop', reference: 100, value: 40, message: 'Users fell 60 % (-60) to 40 in 1 min' });
  });

  it('does not fire one user short of the percentage', () => {
    const f = new Feed([rule(spec)]);
    f.hold(100, 15 * MINUTE_MS);
    f.poll(41);
    f.poll(41);
    expect(f.events).toEqual([]);
  });

  it('a pending drop not confirmed within the window is forgotten', () => {
    const f = new Feed([rule(spec)]);
    f.hold(100, 15 * MINUTE_MS);
    f.poll(30);
    f.now += 11 * MINUTE_MS; // polls failed for 11 minutes
    // The next real count looks afresh (the 100s are out of the window now): nothing to confirm.
    expect(f.poll(30)).toEqual([]);
    expect(f.poll(30)).toEqual([]);
  });

  it('to zero: fires even below the percentage rule, worded as a fall to 0', () => {
    const f = new Feed([rule({ kind: 'drop', percent: 0, windowMinutes: 10, toZero: true, minUsers: 10 })]);
    f.hold(12, 15 * MINUTE_MS);
    f.poll(0);
    const [e] = f.poll(0);
    expect(e?.message).toBe('Users fell to 0 from 12 in 1 min');
    // percent 0 without toZero never fires.
    const none = new Feed([rule({ kind: 'drop', percent: 0, windowMinutes: 10, toZero: false })]);
    none.hold(12, 15 * MINUTE_MS);
    none.poll(1);
    none.poll(1);
    expect(none.events).toEqual([]);
  });

  it('needs a peak of at least minUsers (1 when unset)', () => {
    const small = new Feed([rule({ ...spec, minUsers: 10 })]);
    small.hold(9, 15 * MINUTE_MS);
    small.poll(0);
    small.poll(0);
    expect(small.events).toEqual([]);
    const atMin = new Feed([rule({ ...spec, minUsers: 10 })]);
    atMin.hold(10, 15 * MINUTE_MS);
    atMin.poll(0);
    atMin.poll(0);
    expect(atMin.events).toHaveLength(1);
    const unset = new Feed([rule({ kind: 'drop', percent: 50, windowMinutes: 10, toZero: false })]);
    unset.hold(2, 15 * MINUTE_MS);
    unset.poll(1);
    unset.poll(1);
    expect(unset.events).toHaveLength(1);
  });

  it('after firing, fires again only once the count has recovered', () => {
    const f = new Feed([rule(spec)]);
    f.hold(100, 15 * MINUTE_MS);
    f.hold(30, 3 * MINUTE_MS);
    expect(f.events).toHaveLength(1);
    f.hold(100, 15 * MINUTE_MS);
    f.hold(30, 3 * MINUTE_MS);
    expect(f.events).toHaveLength(2);
  });
});

describe('all-time high at its edges', () => {
  it('needs the count above the high by the margin, at least minUsers, after the history span', () => {
    const spec: AlertRuleSpec = { kind: 'all_time_high', minUsers: 10, marginPercent: 25, minHistoryHours: 1 };
    const short = new Feed([rule(spec)]);
    short.hold(100, 61 * MINUTE_MS);
    expect(short.poll(124)).toEqual([]); // 24 % above
    const exact = new Feed([rule(spec)]);
    exact.hold(100, 61 * MINUTE_MS);
    const [yes] = exact.poll(125); // exactly 25 % above
    expect(yes).toMatchObject({ kind: 'all_time_high', reference: 100, value: 125, message: 'New all-time high: 125 users (previous 100)' });
  });

  it('waits for the history span, and never fires below minUsers or on an equal count', () => {
    const young = new Feed([rule({ kind: 'all_time_high', minUsers: 1, minHistoryHours: 1 })]);
    young.hold(5, 59 * MINUTE_MS);
    young.poll(50);
    expect(young.events).toEqual([]);
    const low = new Feed([rule({ kind: 'all_time_high', minUsers: 10 })]);
    low.poll(5);
    low.poll(9);
    expect(low.events).toEqual([]);
    expect(low.poll(10)).toHaveLength(1);
    expect(low.poll(10)).toEqual([]);
  });

  it('remembers the high when history is lost, but not across a restart of the series', () => {
    const spec: AlertRuleSpec = { kind: 'all_time_high', minUsers: 1 };
    const f = new Feed([rule(spec)]);
    f.poll(50);
    f.poll(40);
    expect(f.state.highs[KEY]).toBe(50);
    f.history = new History(); // the history file was lost
    expect(f.poll(45)).toEqual([]);
    expect(f.poll(51)).toHaveLength(1);

    const restarted = new Feed([rule(spec)]);
    restarted.poll(50);
    restarted.state = restartSeries(restarted.state, [KEY], restarted.now);
    expect(restarted.state.highs[KEY]).toBeUndefined();
    expect(restarted.poll(20)).toEqual([]); // the first sample of the new series
    expect(restarted.poll(21)).toHaveLength(1); // above the new series' own high
  });
});

describe('cooldown and silence at their edges', () => {
  it('a cooldown ends exactly cooldownMinutes after the last event', () => {
    const spec: AlertRuleSpec = { kind: 'threshold', value: 10, hysteresis: 0, direction: 'up' };
    const f = new Feed([rule(spec, 2)]);
    f.poll(5);
    expect(f.poll(10)).toHaveLength(1); // at T0 + 30 s
    f.poll(5);
    expect(f.poll(10)).toEqual([]); // at 90 s, 1 min after: swallowed
    f.poll(5);
    expect(f.poll(10)).toHaveLength(1); // at 150 s, exactly 2 min after
    expect(f.events.map((e) => e.at - T0)).toEqual([30_000, 150_000]);
    const g = new Feed([rule(spec, 1)]);
    g.poll(5);
    g.poll(10); // fires at 30 s
    g.poll(5); // 60 s
    expect(g.poll(10)).toHaveLength(1); // 90 s: exactly 1 min later
  });

  it('silences during a pause that lasts beyond now, and not at the moment it ends', () => {
    const spec: AlertRuleSpec = { kind: 'threshold', value: 10, hysteresis: 0, direction: 'up' };
    const during = new Feed([rule(spec)]);
    during.poll(5);
    during.extra = { pausedUntil: during.now + 1 };
    expect(during.poll(10)[0]?.silenced).toBe(true);
    const atEnd = new Feed([rule(spec)]);
    atEnd.poll(5);
    atEnd.extra = { pausedUntil: atEnd.now };
    expect(atEnd.poll(10)[0]?.silenced).toBe(false);
  });

  it('ignores counts that are not real: negative, not finite, or a disabled rule', () => {
    const spec: AlertRuleSpec = { kind: 'threshold', value: 10, hysteresis: 0, direction: 'up' };
    const f = new Feed([rule(spec), { ...rule(spec, 0, SCOPE, 'off'), enabled: false }]);
    f.poll(5);
    const r = evaluate({ rules: f.rules, counts: { [KEY]: -1 }, history: f.history, state: f.state, now: f.now });
    expect(r.events).toEqual([]);
    expect(r.state.highs[KEY]).toBe(5);
    const inf = evaluate({ rules: f.rules, counts: { [KEY]: Number.POSITIVE_INFINITY }, history: f.history, state: f.state, now: f.now });
    expect(inf.events).toEqual([]);
    expect(inf.state.highs[KEY]).toBe(5);
    expect(f.poll(11).map((e) => e.ruleId)).toEqual(['threshold']);
  });
});

describe('who an alert is about', () => {
  it('names the scope when no label was given, and carries the provider only when known', () => {
    const spec: AlertRuleSpec = { kind: 'threshold', value: 10, hysteresis: 0, direction: 'up' };
    const scopes: AlertScope[] = [{ type: 'total' }, { type: 'account', accountId: 'acc' }, SCOPE];
    const subjects = scopes.map((scope) => {
      const key = scopeKey(scope);
      const f = new Feed([rule(spec, 0, scope)]);
      f.poll(5, key);
      const [e] = f.poll(12, key);
      expect(e).not.toHaveProperty('provider');
      expect(e?.id).toBe(`threshold@${key}@${f.now - POLL}`);
      return e?.subject;
    });
    expect(subjects).toEqual(['All accounts', 'Account acc', 'hub-1 (acc)']);
    const labelled = new Feed([rule(spec)], { labels: { [KEY]: { subject: 'Hub One' } } });
    labelled.poll(5);
    const [e] = labelled.poll(12);
    expect(e?.subject).toBe('Hub One');
    expect(e).not.toHaveProperty('provider');
  });
});

describe('restarting and forgetting series', () => {
  it('restart keeps other scopes untouched and only the cooldown of the restarted ones', () => {
    const state: AlertEngineState = {
      version: 1,
      rules: {
        [`rise@${KEY}`]: { lastFiredAt: 5, active: true },
        [`drop@${KEY}`]: { active: true },
        'rise@other': { active: true, lastFiredAt: 7 },
      },
      highs: { [KEY]: 50, other: 9 },
    };
    const next = restartSeries(state, [KEY], 1_000);
    expect(next.rules).toEqual({ [`rise@${KEY}`]: { lastFiredAt: 5 }, 'rise@other': { active: true, lastFiredAt: 7 } });
    expect(next.highs).toEqual({ other: 9 });
    expect(next.since).toEqual({ [KEY]: 1_000 });
    // The input is left as it was.
    expect(state.highs[KEY]).toBe(50);
  });

  it('forget drops rules, highs and restart times of gone scopes only', () => {
    const state: AlertEngineState = {
      version: 1,
      rules: { 'r@acc/x': { active: true }, 'r@keep': { active: false } },
      highs: { 'acc/x': 3, keep: 4 },
      since: { 'acc/x': 1, keep: 2 },
    };
    expect(forgetSeries(state, (k) => k.startsWith('acc/'))).toEqual({ version: 1, rules: { 'r@keep': { active: false } }, highs: { keep: 4 }, since: { keep: 2 } });
    expect(forgetSeries({ version: 1, rules: {}, highs: {} }, () => true)).toEqual({ version: 1, rules: {}, highs: {}, since: {} });
  });

  it('after a restart, compares only with samples since it: no rise from the old level', () => {
    const spec: AlertRuleSpec = { kind: 'rise', percent: 50, minUsers: 20, windowMinutes: 10 };
    const f = new Feed([rule(spec)]);
    f.hold(10, 5 * MINUTE_MS);
    f.state = restartSeries(f.state, [KEY], f.now);
    f.poll(100);
    expect(f.events).toEqual([]);
    f.poll(100);
    expect(f.poll(160)).toHaveLength(1);
  });
});
