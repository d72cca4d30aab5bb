import type { AlertRule, AlertRuleSpec, AlertScope } from '../../shared/alerts';

/**
 * Starting points for a new alert rule: the situations a script seller wants to hear about. The numbers
 * are our defaults (assumption, not in the seeds), the same as the default rules where one exists, and
 * every one can be changed in the rule's editor right after adding it.
 */
export interface AlertTemplate {
  id: string;
  name: string;
  hint: string;
  spec: (count: number | null) => AlertRuleSpec;
  cooldownMinutes: number;
}

/** A round number above (or below) today's count for "above N" / "below N": 500 for 412, 2,000 for 1,530. */
export function roundThreshold(count: number | null, direction: 'up' | 'down'): number {
  if (count === null || count <= 0) return direction === 'up' ? 100 : 10;
  const target = direction === 'up' ? count * 1.25 : count * 0.5;
  const step = 10 ** Math.max(0, Math.floor(Math.log10(target)));
  const rounded = direction === 'up' ? Math.ceil(target / step) * step : Math.floor(target / step) * step;
  return Math.max(1, rounded);
}

export const ALERT_TEMPLATES: readonly AlertTemplate[] = [
  {
    id: 'spike',
    name: 'Spike',
    hint: 'rises 50 % and 20 users within 10 min',
    spec: () => ({ kind: 'rise', percent: 50, minUsers: 20, windowMinutes: 10 }),
    cooldownMinutes: 30,
  },
  {
    id: 'collapse',
    name: 'Collapse',
    hint: 'falls 60 % within 10 min',
    spec: () => ({ kind: 'drop', percent: 60, windowMinutes: 10, toZero: false, minUsers: 10 }),
    cooldownMinutes: 30,
  },
  {
    id: 'zero',
    name: 'Drops to zero',
    hint: 'nobody left within 10 min',
    spec: () => ({ kind: 'drop', percent: 100, windowMinutes: 10, toZero: true, minUsers: 5 }),
    cooldownMinutes: 30,
  },
  {
    id: 'above',
    name: 'Above N users',
    hint: 'crosses a number upward',
    spec: (count) => ({ kind: 'threshold', value: roundThreshold(count, 'up'), hysteresis: 5, direction: 'up' }),
    cooldownMinutes: 60,
  },
  {
    id: 'below',
    name: 'Below N users',
    hint: 'falls under a number',
    spec: (count) => ({ kind: 'threshold', value: roundThreshold(count, 'down'), hysteresis: 5, direction: 'down' }),
    cooldownMinutes: 60,
  },
  {
    id: 'record',
    name: 'New all-time high',
    hint: 'beats its record',
    spec: () => ({ kind: 'all_time_high', minUsers: 10, marginPercent: 2, minHistoryHours: 24 }),
    cooldownMinutes: 30,
  },
];

export function ruleFromTemplate(template: AlertTemplate, id: string, scope: AlertScope, count: number | null): AlertRule {
  return { id, scope, spec: template.spec(count), enabled: true, cooldownMinutes: template.cooldownMinutes };
}
