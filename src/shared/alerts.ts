import type { ProviderId } from './model';
import type { SeriesRef } from './series-ref';

/**
 * Alert rule and event types. The rule engine (src/main/monitor/alert-rules.ts)
 * is pure; these are the persisted and displayed shapes.
 */

/** What a rule watches: one target of one account, an account's total, or the grand total (series-ref.ts). */
export type AlertScope = SeriesRef;

export type AlertRuleSpec =
  /** Rise of at least `percent` % AND at least `minUsers` users within `windowMinutes`. */
  | { kind: 'rise'; percent: number; minUsers: number; windowMinutes: number }
  /** Crossing `value` upward (fires once) until the count falls below `value - hysteresis`; direction 'down' mirrors it. */
  | { kind: 'threshold'; value: number; hysteresis: number; direction: 'up' | 'down' }
  /**
   * Drop of at least `percent` % within `windowMinutes`, or to zero when `toZero`; confirmed over two polls.
   * `minUsers` (optional, default 1): the window's peak must have been at least this, so 3 → 1 is not news.
   */
  | { kind: 'drop'; percent: number; windowMinutes: number; toZero: boolean; minUsers?: number }
  /**
   * New all-time high (over the kept history), at least `minUsers` to avoid noise at tiny counts.
   * Optional: `marginPercent` — beat the previous high by at least this much (default 0);
   * `minHistoryHours` — only once the kept history spans this long (default 0), since a "record"
   * over the first hours of history is noise.
   */
  | { kind: 'all_time_high'; minUsers: number; marginPercent?: number; minHistoryHours?: number };

export interface AlertRule {
  id: string;
  scope: AlertScope;
  spec: AlertRuleSpec;
  enabled: boolean;
  /** Minimum minutes between two alerts of this rule for the same scope. */
  cooldownMinutes: number;
}

export interface QuietHours {
  enabled: boolean;
  /** Local time "HH:MM"; a range may wrap past midnight (22:00 → 07:00). */
  start: string;
  end: string;
}

export interface AlertEvent {
  id: string;
  ruleId: string;
  kind: AlertRuleSpec['kind'];
  scope: AlertScope;
  provider?: ProviderId;
  /** Human label of what it is about: "Hub Alpha (LuaProt main)". */
  subject: string;
  at: number;
  /** Count now and the reference it is compared with. */
  value: number;
  reference: number;
  /** One sentence: "Users rose 64 % (+32) to 82 in 10 min". */
  message: string;
  /** True when raised during quiet hours or a pause: recorded, not notified. */
  silenced: boolean;
}
