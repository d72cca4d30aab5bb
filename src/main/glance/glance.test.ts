import { describe, expect, it } from 'vitest';
import type { AlertEvent } from '../../shared/alerts';
import type { AccountLive, TargetLive } from '../../shared/ipc-contract';
import type { ProviderId } from '../../shared/model';
import { computeGlance, GLANCE_MAX_CHANGES, GLANCE_WINDOW_MS } from './glance';

const NOW = Date.UTC(2026, 0, 5, 12);
const target = (id: string, count: number | null, sparkline: number[] = []): TargetLive => ({ kind: 'hub', id, label: `T ${id}`, count, trend: null, sparkline });
const account = (id: string, targets: TargetLive[], over: { demo?: boolean; stale?: boolean; provider?: ProviderId } = {}): AccountLive => ({
  account: { id, label: `A ${id}`, provider: over.provider ?? 'luaprot', baseUrl: 'https://x', targets: [], hasKey: true, demo: over.demo ?? false },
  status: { accountId: id, state: 'ok', lastSuccessAt: NOW, lastAttemptAt: NOW, nextPollAt: null, error: null, explanation: null },
  total: targets.reduce((n, t) => n + (t.count ?? 0), 0),
  targets,
  ...(over.stale ? { stale: true } : {}),
});
const alert = (id: string, at: number): AlertEvent => ({ id, ruleId: 'r', kind: 'rise', scope: { type: 'total' }, subject: 'All accounts', at, value: 1, reference: 0, message: `m ${id}`, silenced: false });

describe('computeGlance', () => {
  it('lists the targets that moved most over the hour, either way, largest first', () => {
    const before: Record<string, number> = { a: 10, b: 50, c: 7, d: 3 };
    const glance = computeGlance({
      now: NOW,
      accounts: [account('x', [target('a', 12), target('b', 20), target('c', 7), target('d', 40)])],
      countAt: (_acc, t, at) => (at === NOW - GLANCE_WINDOW_MS ? before[t] : undefined),
      alerts: [],
    });
    expect(glance.changes.map((c) => [c.targetId, c.delta])).toEqual([
      ['d', 37],
      ['b', -30],
      ['a', 2],
    ]);
    expect(glance.changes[1]).toMatchObject({ before: 50, now: 20, label: 'T b', accountLabel: 'A x', demo: false });
    expect(glance.since).toBe(NOW - GLANCE_WINDOW_MS);
  });

  it('falls back to the oldest sample of the hour, leaves out stale accounts, and caps the list', () => {
    const many = Array.from({ length: GLANCE_MAX_CHANGES + 3 }, (_, i) => target(`m${i}`, 100 + i, [1]));
    const glance = computeGlance({
      now: NOW,
      accounts: [account('x', many), account('old', [target('s', 500, [1])], { stale: true })],
      countAt: () => undefined,
      alerts: [],
    });
    expect(glance.changes).toHaveLength(GLANCE_MAX_CHANGES);
    expect(glance.changes[0]).toMatchObject({ targetId: `m${GLANCE_MAX_CHANGES + 2}`, before: 1 });
    expect(glance.changes.some((c) => c.accountId === 'old')).toBe(false);
  });

  it('keeps the alerts of the last hour, newest first', () => {
    const glance = computeGlance({
      now: NOW,
      accounts: [],
      countAt: () => undefined,
      alerts: [alert('old', NOW - GLANCE_WINDOW_MS - 1), alert('one', NOW - 60_000), alert('two', NOW - 1_000)],
    });
    expect(glance.alerts.map((a) => a.id)).toEqual(['two', 'one']);
  });

  it('says which totals hold demo users: the grand total and that provider’s', () => {
    const glance = computeGlance({
      now: NOW,
      accounts: [account('demo', [target('a', 5)], { demo: true, provider: 'junkie' }), account('real', [target('b', 5)])],
      countAt: () => undefined,
      alerts: [],
    });
    expect(glance.demoInTotal).toBe(true);
    expect(glance.demoInProvider).toEqual({ junkie: true, luaprot: false, luaauth: false });
    // A stale demo account is out of the totals: no badge for it.
    const stale = computeGlance({ now: NOW, accounts: [account('demo', [target('a', 5)], { demo: true, stale: true })], countAt: () => undefined, alerts: [] });
    expect(stale.demoInTotal).toBe(false);
  });
});
