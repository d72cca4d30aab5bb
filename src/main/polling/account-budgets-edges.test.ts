import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../shared/clock';
import type { AccountConfig } from '../../shared/model';
import { defaultProviderRegistry } from '../providers/registry';
import { AccountBudgets } from './account-budgets';

/* AccountBudgets on its own: the background share, the user's side of a window, the clock, unknown accounts. */

const T0 = Date.UTC(2026, 0, 5, 12, 0, 0);
/** Own limits (a setting): 4 a minute. */
const account: AccountConfig = {
  id: 'jk',
  label: 'Junkie main',
  provider: 'junkie',
  baseUrl: 'https://api.junkie.test',
  targets: [],
  autoTargets: true,
  assumptions: { rateLimits: [{ max: 4, windowSeconds: 60 }] },
};
const junkie = defaultProviderRegistry.get('junkie');

function budgetsWith(options: { share?: number; blocked?: string[] } = {}) {
  const clock = new ManualClock(T0);
  const budgets = new AccountBudgets({
    clock,
    ...(options.share !== undefined ? { share: options.share } : {}),
    ...(options.blocked ? { onBlocked: (id: string) => options.blocked!.push(id) } : {}),
  });
  return { clock, budgets, budget: budgets.set(account, junkie) };
}

/** Background requests that go out within one window, each as early as the budget allows and answered at once. */
function backgroundPerWindow(t: ReturnType<typeof budgetsWith>): number {
  let n = 0;
  for (;;) {
    const at = t.budget.nextFreeAt(1, t.clock.now());
    if (at >= T0 + 60_000) return n;
    t.clock.set(at);
    t.budget.tryStart(1, at)!.done(at);
    n += 1;
  }
}

describe('AccountBudgets', () => {
  it('gives polling half of each window by default, and the share it is given', () => {
    expect(backgroundPerWindow(budgetsWith())).toBe(2);
    expect(backgroundPerWindow(budgetsWith({ share: 1 }))).toBe(4);
  });

  it("says when the user's side of the window frees, which is sooner than polling's when polling's half is full", () => {
    const t = budgetsWith();
    // Polling's half (2 of 4): two requests answered late, so they count until T0 + 45 s + a window.
    const first = t.budget.tryStart(1, T0)!;
    t.clock.set(T0 + 30_000);
    const second = t.budget.tryStart(1, T0 + 30_000)!;
    // The user's two, answered at once: they count until T0 + 31 s + a window.
    t.clock.set(T0 + 31_000);
    for (let i = 0; i < 2; i++) {
      const r = t.budgets.takeUser(account.id);
      expect(r.ok).toBe(true);
      if (r.ok) r.ticket.done(T0 + 31_000);
    }
    first.done(T0 + 45_000);
    second.done(T0 + 45_000);
    t.clock.set(T0 + 46_000);
    const refused = t.budgets.takeUser(account.id);
    expect(refused).toEqual({ ok: false, freeAt: T0 + 91_000 });
    expect(t.budget.nextFreeAt(1, T0 + 46_000)).toBe(T0 + 105_000);
  });

  it('moves nothing when the clock goes forward: a full window frees a window later', () => {
    const t = budgetsWith();
    for (let i = 0; i < 4; i++) {
      const r = t.budgets.takeUser(account.id);
      expect(r.ok).toBe(true);
      if (r.ok) r.ticket.done(T0);
    }
    t.clock.advance(30_000);
    expect(t.budgets.takeUser(account.id).ok).toBe(false);
    t.clock.advance(40_000);
    const later = t.budgets.takeUser(account.id);
    expect(later.ok).toBe(true);
  });

  it('does not limit, note or block an account it holds no budget for, and tells nobody', () => {
    const blocked: string[] = [];
    const t = budgetsWith({ blocked });
    const free = t.budgets.takeUser('nobody');
    expect(free.ok).toBe(true);
    if (free.ok) expect(() => free.ticket.done(T0)).not.toThrow();
    expect(() => t.budgets.noteUserSent('nobody')).not.toThrow();
    t.budgets.noteRateLimited('nobody', 10_000);
    expect(blocked).toEqual([]);
    // The account it does hold is untouched by all that.
    expect(t.budget.isBlocked(T0)).toBe(false);
  });

  it('blocks an account for a Retry-After (5 s without one) with or without a listener', () => {
    const t = budgetsWith();
    t.budgets.noteRateLimited(account.id, undefined);
    expect(t.budget.isBlocked(T0 + 4_999)).toBe(true);
    expect(t.budget.isBlocked(T0 + 5_000)).toBe(false);
    const blocked: string[] = [];
    const u = budgetsWith({ blocked });
    u.budgets.noteRateLimited(account.id, 8_000);
    expect(blocked).toEqual([account.id]);
    expect(u.budget.isBlocked(T0 + 7_999)).toBe(true);
  });
});
