import { describe, expect, it } from 'vitest';
import type { AlertRule } from '../../shared/alerts';
import { ruleSentence } from './alert-sentence';
import { ALERT_TEMPLATES, roundThreshold, ruleFromTemplate } from './alert-templates';

const rule = (spec: AlertRule['spec'], cooldownMinutes = 30): AlertRule => ({ id: 'r', scope: { type: 'total' }, spec, enabled: true, cooldownMinutes });

describe('ruleSentence', () => {
  it('says each kind of rule as one sentence', () => {
    expect(ruleSentence(rule({ kind: 'rise', percent: 50, minUsers: 20, windowMinutes: 10 }), 'All accounts')).toBe(
      'Tell me when All accounts rises 50 % and 20 users within 10 min; then wait 30 min',
    );
    expect(ruleSentence(rule({ kind: 'drop', percent: 60, windowMinutes: 10, toZero: true, minUsers: 10 }), 'Demo Junkie total')).toBe(
      'Tell me when Demo Junkie total falls 60 % within 10 min or to zero, from at least 10 users; then wait 30 min',
    );
    expect(ruleSentence(rule({ kind: 'drop', percent: 100, windowMinutes: 5, toZero: true }), 'Hub')).toBe('Tell me when Hub falls to zero within 5 min; then wait 30 min');
    expect(ruleSentence(rule({ kind: 'threshold', value: 10000, hysteresis: 5, direction: 'up' }, 0), 'Hub')).toBe('Tell me when Hub goes above 10,000 users');
    expect(ruleSentence(rule({ kind: 'threshold', value: 40, hysteresis: 5, direction: 'down' }), 'Hub')).toBe('Tell me when Hub falls below 40 users; then wait 30 min');
    expect(ruleSentence(rule({ kind: 'all_time_high', minUsers: 10, marginPercent: 2, minHistoryHours: 24 }), 'Hub')).toBe(
      'Tell me when Hub sets a new all-time high of at least 10 users (2 % above the last, after 24 h of history); then wait 30 min',
    );
  });
});

describe('alert templates', () => {
  it('suggest a round threshold near today’s count', () => {
    expect(roundThreshold(412, 'up')).toBe(600);
    expect(roundThreshold(1530, 'up')).toBe(2000);
    expect(roundThreshold(412, 'down')).toBe(200);
    expect(roundThreshold(null, 'up')).toBe(100);
    expect(roundThreshold(0, 'down')).toBe(10);
  });
  it('make complete rules with distinct names', () => {
    expect(new Set(ALERT_TEMPLATES.map((t) => t.name)).size).toBe(ALERT_TEMPLATES.length);
    const spike = ruleFromTemplate(ALERT_TEMPLATES[0]!, 'n', { type: 'total' }, 100);
    expect(ruleSentence(spike, 'All accounts')).toBe('Tell me when All accounts rises 50 % and 20 users within 10 min; then wait 30 min');
  });
});
