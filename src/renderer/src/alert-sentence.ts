import type { AlertRule, AlertRuleSpec } from '../../shared/alerts';

/**
 * An alert rule as one sentence, the way the Alerts view lists it:
 * "Tell me when All accounts rises 50 % and 20 users within 10 min; then wait 30 min".
 * Numbers use the user's grouping ("10,000"); every optional field the rule really uses is said.
 */
const n = (v: number): string => v.toLocaleString();

/** What the rule looks for, after the scope: "rises 50 % and 20 users within 10 min". */
export function specWords(spec: AlertRuleSpec): string {
  switch (spec.kind) {
    case 'rise':
      return `rises ${n(spec.percent)} % and ${n(spec.minUsers)} ${spec.minUsers === 1 ? 'user' : 'users'} within ${n(spec.windowMinutes)} min`;
    case 'drop': {
      const from = spec.minUsers !== undefined && spec.minUsers > 1 ? `, from at least ${n(spec.minUsers)} users` : '';
      // A "drop" of 100 % with "or to zero" is only the fall to zero: said once.
      if (spec.toZero && spec.percent >= 100) return `falls to zero within ${n(spec.windowMinutes)} min${from}`;
      return `falls ${n(spec.percent)} % within ${n(spec.windowMinutes)} min${spec.toZero ? ' or to zero' : ''}${from}`;
    }
    case 'threshold':
      return spec.direction === 'up' ? `goes above ${n(spec.value)} users` : `falls below ${n(spec.value)} users`;
    case 'all_time_high': {
      const extras = [
        spec.marginPercent ? `${n(spec.marginPercent)} % above the last` : '',
        spec.minHistoryHours ? `after ${n(spec.minHistoryHours)} h of history` : '',
      ].filter(Boolean);
      return `sets a new all-time high of at least ${n(spec.minUsers)} users${extras.length > 0 ? ` (${extras.join(', ')})` : ''}`;
    }
  }
}

export function ruleSentence(rule: AlertRule, scopeLabel: string): string {
  const wait = rule.cooldownMinutes > 0 ? `; then wait ${n(rule.cooldownMinutes)} min` : '';
  return `Tell me when ${scopeLabel} ${specWords(rule.spec)}${wait}`;
}
