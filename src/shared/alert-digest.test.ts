import { describe, expect, it } from 'vitest';
import { digestByScope, noticeText, summarizeCycle } from './alert-digest';
import type { AlertEvent } from './alerts';

const event = (n: number, overrides: Partial<AlertEvent> = {}): AlertEvent => ({
  id: `e${n}`,
  ruleId: `r${n}`,
  kind: 'rise',
  scope: { type: 'total' },
  subject: 'All accounts',
  at: 1,
  value: 80,
  reference: 40,
  message: 'Users rose 100 % (+40) to 80 in 10 min',
  silenced: false,
  ...overrides,
});

describe('one notice per spike', () => {
  it('groups the rules of one scope, strongest first, and keeps scopes apart', () => {
    const digests = digestByScope([
      event(1),
      event(2, { kind: 'drop', value: 0, reference: 50, message: 'Users fell to 0 from 50 in 3 min' }),
      event(3, { scope: { type: 'target', accountId: 'a', targetId: 't' }, subject: 'Hub (LuaProt)' }),
      event(4, { silenced: true, kind: 'all_time_high' }),
    ]);
    expect(digests.map((d) => [d.subject, d.strongest.id, d.others.map((o) => o.id)])).toEqual([
      ['Hub (LuaProt)', 'e3', []],
      ['All accounts', 'e1', ['e2']],
    ]);
  });

  it('makes one title and body for a scope whatever the number of rules, and one window notice line', () => {
    const summary = summarizeCycle([
      event(1, { kind: 'all_time_high', value: 82, reference: 80, message: 'New all-time high: 82 users (previous 80)' }),
      event(2),
      event(3, { kind: 'threshold', value: 82, reference: 100, message: 'Users fell to 82, at or below 100' }),
    ])!;
    expect(summary.title).toBe('All accounts');
    expect(summary.body).toBe('Users rose 100 % (+40) to 80 in 10 min (also: below 100, new all-time high)');
    expect(noticeText(summary)).toBe('All accounts: Users rose 100 % (+40) to 80 in 10 min (also: below 100, new all-time high)');
  });

  it('spells out at most four scopes, then counts the rest; nothing when all are silenced', () => {
    const many = Array.from({ length: 6 }, (_, i) => event(i, { scope: { type: 'account', accountId: `a${i}` }, subject: `Acc ${i}` }));
    const summary = summarizeCycle(many)!;
    expect(summary.title).toBe('6 alerts');
    expect(summary.body.split('\n')).toHaveLength(5);
    expect(noticeText(summary)).toMatch(/^6 alerts: Acc 0: .* · …and 2 more$/);
    expect(summarizeCycle([event(1, { silenced: true })])).toBeNull();
  });
});
