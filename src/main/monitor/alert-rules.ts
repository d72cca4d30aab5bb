import type { AlertEvent, AlertRule, AlertRuleSpec, AlertScope, QuietHours } from '../../shared/alerts';
import type { ProviderId } from '../../shared/model';
import type { HistoryPoint } from '../history/history';
import { isQuietTime, systemLocalMinutes, type LocalMinutes } from './quiet-hours';
import { seriesKey } from '../history/series-key';

/**
 * The alert rule engine: a pure function from (rules, this poll's counts, history,
 * previous state, now) to (events, next state). No timers, no I/O, no clock.
 *
 * CONTRACT — missing samples: `counts` holds only counts the provider really
 * reported this cycle. When a poll failed or a count is unknown, leave the key
 * out; never pass 0. A missing key means "no news": its rules are skipped and keep
 * their state (a pending drop waits for the next real count). Otherwise an outage
 * would look like everybody leaving.
 *
 * Semantics per rule kind (all of them per rule AND scope, with a cooldown):
 * - rise: count − min(window) ≥ minUsers and ≥ percent % of that min. Edge-triggered:
 *   fires when the condition becomes true, not again until it has been false.
 * - drop: max(window) − count ≥ percent % of max (or count is 0 with toZero), the max
 *   being at least minUsers. The first poll showing it only marks it pending; the
 *   next real count must still be that far below the same max to fire. Edge-triggered.
 * - threshold: fires once on crossing (up: count ≥ value; down: count ≤ value) and
 *   re-arms only once the count is back past value ∓ hysteresis (strictly). The side
 *   is first learnt from the previous sample, or from the first count without firing.
 * - all_time_high: count above the highest count kept in history before now (not on
 *   the very first sample), at least minUsers, optionally by marginPercent and only
 *   once the history spans minHistoryHours.
 * A condition met during its cooldown is swallowed, not postponed. Events raised in
 * quiet hours or during a pause carry `silenced: true` and start a cooldown like any other.
 */

/** What the engine reads from history (History implements it). */
export interface AlertHistoryView {
  /** Real samples at or after `sinceMs`, oldest first. May include the current cycle's sample. */
  valuesSince(key: string, sinceMs: number): readonly HistoryPoint[];
  /** Highest sample strictly before `beforeMs` over the kept history (only those at or after `fromMs` when given). */
  allTimeHigh(key: string, beforeMs: number, fromMs?: number): number | undefined;
  /** Time of the oldest kept sample. */
  oldestAt(key: string): number | undefined;
}

export interface ScopeLabel {
  /** "Hub Alpha (LuaProt main)". */
  subject: string;
  provider?: ProviderId;
}

export interface RuleState {
  /** Time of the last event (silenced or not), for the cooldown. */
  lastFiredAt?: number;
  /** rise/drop: the condition held at the last evaluation (an event was raised or swallowed). */
  active?: boolean;
  /** threshold: ready to fire on the next crossing. Undefined until the side is known. */
  armed?: boolean;
  /** drop: seen once, waiting for the next poll to confirm. */
  pending?: { since: number; reference: number; referenceAt: number };
}

export interface AlertEngineState {
  version: 1;
  /** Keyed by `${ruleId}@${seriesKey}`. */
  rules: Record<string, RuleState>;
  /** Highest count seen per scope key; used only when history has nothing (e.g. a lost history file). */
  highs: Record<string, number>;
  /**
   * Per scope key: samples before this time are not comparable with later ones (the series changed
   * what it counts: an account added or removed, a target left out of a total). Rules ignore them.
   */
  since?: Record<string, number>;
}

export interface AlertInput {
  rules: readonly AlertRule[];
  /** This cycle's real counts by scope key (series-key.ts). Unknown counts are absent, never 0. */
  counts: Readonly<Record<string, number>>;
  history: AlertHistoryView;
  state?: AlertEngineState;
  now: number;
  quietHours?: QuietHours;
  /** Local wall-clock minutes for quiet hours; default the machine's zone. */
  localMinutes?: LocalMinutes;
  /** Alerts are silenced until this time. */
  pausedUntil?: number;
  /** Human subjects per scope key; a generic one is made up when absent. */
  labels?: Readonly<Record<string, ScopeLabel>>;
}

export interface AlertResult {
  events: AlertEvent[];
  state: AlertEngineState;
}

export function emptyAlertState(): AlertEngineState {
  return { version: 1, rules: {}, highs: {} };
}

export type AlertRuleTemplate = { name: string; spec: AlertRuleSpec; cooldownMinutes: number };

/** What a new account or the grand total starts with. */
export const DEFAULT_ALERT_RULES: readonly AlertRuleTemplate[] = Object.freeze([
  { name: 'rise', spec: { kind: 'rise', percent: 50, minUsers: 20, windowMinutes: 10 }, cooldownMinutes: 30 },
  { name: 'drop', spec: { kind: 'drop', percent: 60, windowMinutes: 10, toZero: true, minUsers: 10 }, cooldownMinutes: 30 },
  {
    name: 'all_time_high',
    spec: { kind: 'all_time_high', minUsers: 10, marginPercent: 2, minHistoryHours: 24 },
    cooldownMinutes: 30,
  },
]);

/** DEFAULT_ALERT_RULES bound to a scope, with stable ids (`<scope key>:<name>`). */
export function defaultAlertRules(scope: AlertScope): AlertRule[] {
  const key = seriesKey(scope);
  return DEFAULT_ALERT_RULES.map((t) => ({
    id: `${key}:${t.name}`,
    scope,
    spec: { ...t.spec },
    enabled: true,
    cooldownMinutes: t.cooldownMinutes,
  }));
}

/**
 * The series of `keys` changed what they count at `at` (accounts added or removed, a target left out of
 * or back in a total): their rules start afresh and never compare with samples before `at`.
 */
export function restartSeries(state: AlertEngineState, keys: readonly string[], at: number): AlertEngineState {
  const drop = new Set(keys);
  const next: AlertEngineState = { version: 1, rules: {}, highs: { ...state.highs }, since: { ...state.since } };
  for (const [stateKey, st] of Object.entries(state.rules)) {
    if (!drop.has(stateKey.slice(stateKey.indexOf('@') + 1))) next.rules[stateKey] = st;
    else if (st.lastFiredAt !== undefined) next.rules[stateKey] = { lastFiredAt: st.lastFiredAt }; // cooldowns still hold
  }
  for (const key of keys) {
    delete next.highs[key];
    next.since![key] = at;
  }
  return next;
}

/** Forgets everything about scope keys that no longer exist (a removed account and its targets). */
export function forgetSeries(state: AlertEngineState, gone: (key: string) => boolean): AlertEngineState {
  const next: AlertEngineState = { version: 1, rules: {}, highs: {}, since: {} };
  for (const [stateKey, st] of Object.entries(state.rules)) if (!gone(stateKey.slice(stateKey.indexOf('@') + 1))) next.rules[stateKey] = st;
  for (const [key, high] of Object.entries(state.highs)) if (!gone(key)) next.highs[key] = high;
  for (const [key, at] of Object.entries(state.since ?? {})) if (!gone(key)) next.since![key] = at;
  return next;
}

/** The history as the rules may see it: nothing before a series' restart time. */
function sinceView(history: AlertHistoryView, since: Readonly<Record<string, number>>): AlertHistoryView {
  return {
    valuesSince: (key, sinceMs) => history.valuesSince(key, Math.max(sinceMs, since[key] ?? -Infinity)),
    allTimeHigh: (key, beforeMs, fromMs) => {
      const from = Math.max(fromMs ?? -Infinity, since[key] ?? -Infinity);
      return Number.isFinite(from) ? history.allTimeHigh(key, beforeMs, from) : history.allTimeHigh(key, beforeMs);
    },
    oldestAt: (key) => {
      const oldest = history.oldestAt(key);
      return oldest === undefined ? undefined : Math.max(oldest, since[key] ?? -Infinity);
    },
  };
}

const MINUTE = 60_000;
/** How far back a threshold rule looks for the previous sample to learn its side. */
const THRESHOLD_LOOKBACK_MS = 60 * MINUTE;

export function evaluate(input: AlertInput): AlertResult {
  const { now, counts } = input;
  const prev = input.state ?? emptyAlertState();
  // The wall clock may have stepped back (NTP, a manual change): nothing in the state may lie in the future,
  // or cooldowns and restarts would hold every rule silent until the clock caught up.
  const since: Record<string, number> = {};
  for (const [key, at] of Object.entries(prev.since ?? {})) since[key] = Math.min(at, now);
  const history = Object.keys(since).length > 0 ? sinceView(input.history, since) : input.history;
  const state: AlertEngineState = { version: 1, rules: {}, highs: { ...prev.highs }, since };
  const silenced =
    (input.pausedUntil !== undefined && now < input.pausedUntil) ||
    isQuietTime(input.quietHours, (input.localMinutes ?? systemLocalMinutes)(now));
  const events: AlertEvent[] = [];

  // The high before this cycle, once per key, before any rule updates it.
  const highBefore = new Map<string, number | undefined>();
  const previousHigh = (key: string): number | undefined => {
    // After a restart of the series the stored high belongs to what it counted before: history only.
    if (!highBefore.has(key)) highBefore.set(key, history.allTimeHigh(key, now) ?? (key in since ? undefined : prev.highs[key]));
    return highBefore.get(key);
  };

  for (const rule of input.rules) {
    const key = seriesKey(rule.scope);
    const stateKey = `${rule.id}@${key}`;
    const st: RuleState = { ...prev.rules[stateKey] };
    if (st.lastFiredAt !== undefined && st.lastFiredAt > now) st.lastFiredAt = now;
    if (st.pending && st.pending.since > now) delete st.pending;
    state.rules[stateKey] = st;
    const count = counts[key];
    if (!rule.enabled || count === undefined || !Number.isFinite(count) || count < 0) continue;

    const outcome = check(rule.spec, key, count, now, st, history, previousHigh);
    if (!outcome) continue;
    const cooling = st.lastFiredAt !== undefined && now - st.lastFiredAt < rule.cooldownMinutes * MINUTE;
    if (cooling) continue; // swallowed: the edge/arming state already moved on
    st.lastFiredAt = now;
    const label = input.labels?.[key] ?? { subject: defaultSubject(rule.scope) };
    events.push({
      id: `${rule.id}@${key}@${now}`,
      ruleId: rule.id,
      kind: rule.spec.kind,
      scope: rule.scope,
      ...(label.provider ? { provider: label.provider } : {}),
      subject: label.subject,
      at: now,
      value: count,
      reference: outcome.reference,
      message: outcome.message,
      silenced,
    });
  }

  for (const [key, count] of Object.entries(counts)) {
    if (!Number.isFinite(count) || count < 0) continue;
    const high = previousHigh(key);
    state.highs[key] = high === undefined ? count : Math.max(high, count);
  }
  return { events, state };
}

interface Outcome {
  reference: number;
  message: string;
}

function check(
  spec: AlertRuleSpec,
  key: string,
  count: number,
  now: number,
  st: RuleState,
  history: AlertHistoryView,
  previousHigh: (key: string) => number | undefined,
): Outcome | undefined {
  switch (spec.kind) {
    case 'rise': {
      const ref = extreme(prior(history, key, now, spec.windowMinutes), 'min');
      const met = ref !== undefined && riseMet(spec, ref.value, count);
      const fire = met && !st.active;
      st.active = met;
      if (!fire || !ref) return undefined;
      const delta = count - ref.value;
      const when = `in ${minutesBetween(ref.at, now)} min`;
      const message =
        ref.value === 0
          ? `Users rose from 0 to ${count} ${when}`
          : `Users rose ${Math.round((delta / ref.value) * 100)} % (+${delta}) to ${count} ${when}`;
      return { reference: ref.value, message };
    }

    case 'drop': {
      const windowMs = spec.windowMinutes * MINUTE;
      const pending = st.pending;
      delete st.pending;
      if (pending && now - pending.since <= windowMs) {
        // Second look: still that far below the same peak? Then it is real.
        if (dropMet(spec, pending.reference, count) && !st.active) {
          st.active = true;
          const when = `in ${minutesBetween(pending.referenceAt, now)} min`;
          const message =
            count === 0
              ? `Users fell to 0 from ${pending.reference} ${when}`
              : `Users fell ${Math.round(((pending.reference - count) / pending.reference) * 100)} % (-${pending.reference - count}) to ${count} ${when}`;
          return { reference: pending.reference, message };
        }
        if (!dropMet(spec, pending.reference, count)) st.active = false;
        return undefined;
      }
      const ref = extreme(prior(history, key, now, spec.windowMinutes), 'max');
      const met = ref !== undefined && dropMet(spec, ref.value, count);
      if (met && !st.active) st.pending = { since: now, reference: ref.value, referenceAt: ref.at };
      if (!met) st.active = false;
      return undefined;
    }

    case 'threshold': {
      const { value, hysteresis, direction } = spec;
      const beyond = (c: number) => (direction === 'up' ? c >= value : c <= value);
      const back = (c: number) => (direction === 'up' ? c < value - hysteresis : c > value + hysteresis);
      if (st.armed === undefined) {
        const before = prior(history, key, now, THRESHOLD_LOOKBACK_MS / MINUTE).at(-1);
        if (!before) {
          // First sight: learn the side without calling it a crossing.
          st.armed = !beyond(count);
          return undefined;
        }
        st.armed = !beyond(before.value);
      }
      if (st.armed && beyond(count)) {
        st.armed = false;
        const message =
          direction === 'up' ? `Users reached ${value} (now ${count})` : `Users fell to ${count}, at or below ${value}`;
        return { reference: value, message };
      }
      if (!st.armed && back(count)) st.armed = true;
      return undefined;
    }

    case 'all_time_high': {
      const high = previousHigh(key);
      if (high === undefined || count <= high || count < spec.minUsers) return undefined;
      if (count < high * (1 + (spec.marginPercent ?? 0) / 100)) return undefined;
      const oldest = history.oldestAt(key) ?? now;
      if (now - oldest < (spec.minHistoryHours ?? 0) * 60 * MINUTE) return undefined;
      return { reference: high, message: `New all-time high: ${count} users (previous ${high})` };
    }
  }
}

function riseMet(spec: { percent: number; minUsers: number }, ref: number, count: number): boolean {
  const delta = count - ref;
  if (delta <= 0 || delta < spec.minUsers) return false;
  return ref === 0 || (delta / ref) * 100 >= spec.percent;
}

function dropMet(spec: { percent: number; toZero: boolean; minUsers?: number }, ref: number, count: number): boolean {
  if (ref <= 0 || ref < (spec.minUsers ?? 1) || count >= ref) return false;
  if (spec.toZero && count === 0) return true;
  return spec.percent > 0 && ((ref - count) / ref) * 100 >= spec.percent;
}

/** Samples inside the rule window, before this cycle. */
function prior(history: AlertHistoryView, key: string, now: number, windowMinutes: number): HistoryPoint[] {
  return history.valuesSince(key, now - windowMinutes * MINUTE).filter((p) => p.at < now);
}

/** The lowest/highest sample; the most recent one on ties, so "in N min" is not overstated. */
function extreme(points: readonly HistoryPoint[], which: 'min' | 'max'): HistoryPoint | undefined {
  let best: HistoryPoint | undefined;
  for (const p of points) {
    if (!best || (which === 'min' ? p.value <= best.value : p.value >= best.value)) best = p;
  }
  return best;
}

function minutesBetween(from: number, to: number): number {
  return Math.max(1, Math.round((to - from) / MINUTE));
}

function defaultSubject(scope: AlertScope): string {
  switch (scope.type) {
    case 'total':
      return 'All accounts';
    case 'account':
      return `Account ${scope.accountId}`;
    case 'target':
      return `${scope.targetId} (${scope.accountId})`;
  }
}
