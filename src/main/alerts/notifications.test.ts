import { describe, expect, it } from 'vitest';
import type { AlertEvent } from '../../shared/alerts';
import { createAlertNotifier, notificationFor } from './notifications';
import type { NotificationRequest } from '../core/ports';

const event = (n: number, overrides: Partial<AlertEvent> = {}): AlertEvent => ({
  id: `e${n}`,
  ruleId: `r${n}`,
  kind: 'rise',
  scope: { type: 'target', accountId: 'acc', targetId: `t${n}` },
  subject: `Hub ${n} (LuaProt main)`,
  at: 1,
  value: 80,
  reference: 40,
  message: `Users rose 100 % (+40) to 80 in 10 min`,
  silenced: false,
  ...overrides,
});

function recorder(enabled = true) {
  const shown: NotificationRequest[] = [];
  const clicks: unknown[] = [];
  const clickers: Array<() => void> = [];
  const notifier = createAlertNotifier({
    notifier: { notify: (request, onClick) => (shown.push(request), clickers.push(onClick)) },
    enabled: () => enabled,
    onClick: (target) => clicks.push(target),
  });
  return { notifier, shown, clicks, clickers };
}

describe('alert notifications', () => {
  it('shows one notification per alert and opens its target on click', () => {
    const r = recorder();
    r.notifier.notify([event(1)]);
    expect(r.shown).toEqual([
      { title: 'Hub 1 (LuaProt main)', body: 'Users rose 100 % (+40) to 80 in 10 min', target: { accountId: 'acc', targetId: 't1' } },
    ]);
    r.clickers[0]!();
    expect(r.clicks).toEqual([{ accountId: 'acc', targetId: 't1' }]);
  });

  it('groups the alerts of one cycle into one notification', () => {
    const r = recorder();
    r.notifier.notify([event(1), event(2), event(3, { scope: { type: 'account', accountId: 'acc' } })]);
    expect(r.shown).toHaveLength(1);
    expect(r.shown[0]!.title).toBe('3 alerts');
    expect(r.shown[0]!.body).toMatch(/^Hub 1 \(LuaProt main\): Users rose/);
    expect(r.shown[0]!.target).toEqual({ accountId: 'acc' });
    const mixed = notificationFor([event(1), event(2, { scope: { type: 'total' } })]);
    expect(mixed?.target).toBeUndefined();
    const many = notificationFor(Array.from({ length: 7 }, (_, i) => event(i)));
    expect(many?.body).toMatch(/…and 3 more$/);
  });

  it('lists the most specific alerts first, so a script\'s own alert is not hidden behind totals', () => {
    const total = event(1, { scope: { type: 'total' }, subject: 'All accounts' });
    const account = event(2, { scope: { type: 'account', accountId: 'acc' }, subject: 'LuaProt main' });
    const moreTotals = [3, 4, 5].map((n) => event(n, { scope: { type: 'total' }, subject: `Total ${n}` }));
    const target = event(6, { kind: 'threshold', subject: 'Hub 6 (LuaProt main)', message: 'Users reached 240 (now 300)' });
    const request = notificationFor([total, account, ...moreTotals, target])!;
    const lines = request.body.split('\n');
    expect(lines[0]).toBe('Hub 6 (LuaProt main): Users reached 240 (now 300)');
    expect(lines[1]).toMatch(/^LuaProt main:/);
    // The four total-scope alerts are one spike of one scope: one line naming the others briefly.
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('All accounts: Users rose 100 % (+40) to 80 in 10 min (also: a rise)');
  });

  it('tells several rules of one scope in one poll once: the strongest rule, the others named', () => {
    const r = recorder();
    const scope = { type: 'account' as const, accountId: 'acc' };
    r.notifier.notify([
      event(1, { scope, subject: 'LuaProt main', value: 80, reference: 60, message: 'Users rose 33 % (+20) to 80 in 10 min' }),
      event(2, { scope, subject: 'LuaProt main', kind: 'all_time_high', value: 80, reference: 75, message: 'New all-time high: 80 users (previous 75)' }),
      event(3, { scope, subject: 'LuaProt main', kind: 'threshold', value: 80, reference: 20, message: 'Users reached 20 (now 80)' }),
    ]);
    expect(r.shown).toEqual([
      {
        title: 'LuaProt main',
        body: 'Users reached 20 (now 80) (also: a rise, new all-time high)',
        target: { accountId: 'acc' },
      },
    ]);
  });

  it('never notifies silenced events, and nothing when notifications are off', () => {
    const r = recorder();
    r.notifier.notify([event(1, { silenced: true })]);
    r.notifier.notify([]);
    expect(r.shown).toHaveLength(0);
    r.notifier.notify([event(1, { silenced: true }), event(2)]);
    expect(r.shown.map((s) => s.title)).toEqual(['Hub 2 (LuaProt main)']);
    const off = recorder(false);
    off.notifier.notify([event(1), event(2)]);
    expect(off.shown).toHaveLength(0);
  });
});
