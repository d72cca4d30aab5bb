import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../shared/clock';
import type { AccountConfig } from '../../shared/model';
import { UserRequests } from '../core/user-requests';
import { runFor } from '../core/core-test-support';
import { ProviderError } from '../providers/errors';
import { defaultProviderRegistry } from '../providers/registry';
import type { JunkieClient } from '../providers/types';
import { AccountBudgets } from './account-budgets';
import { Poller } from './poller';

/*
 * Polling and user actions take from one AccountBudgets: what the user spends, polling waits for,
 * and a user action's 429 holds polling too. In-process fake client, ManualClock.
 */

const T0 = Date.UTC(2026, 0, 5, 12, 0, 0);
/** Own limits (a setting): 4 a minute, of which polling may use 2. */
const account: AccountConfig = {
  id: 'jk',
  label: 'Junkie main',
  provider: 'junkie',
  baseUrl: 'https://api.junkie.test',
  targets: [],
  autoTargets: true,
  assumptions: { rateLimits: [{ max: 4, windowSeconds: 60 }] },
};

function setup() {
  const clock = new ManualClock(T0);
  const polls: number[] = [];
  const client = {
    provider: 'junkie',
    async liveCounts() {
      polls.push(clock.now());
      return { counts: { s1: 3 }, total: 3 };
    },
  } as unknown as JunkieClient;
  const blocked: string[] = [];
  const budgets = new AccountBudgets({ clock, onBlocked: (id) => blocked.push(id) });
  const poller = new Poller({ clock, budgets, intervalMs: () => 30_000 });
  const requests = new UserRequests({ clock, budgets });
  poller.upsert(account, client);
  /** One user action on the account that is answered at once. */
  const userAction = () => requests.run(account, client, async () => 'done');
  return { clock, polls, client, blocked, budgets, poller, requests, userAction };
}

describe('one budget object for polling and user actions', () => {
  it('user requests that use up the budget delay the next poll job until they leave the window', async () => {
    const t = setup();
    for (let i = 0; i < 4; i++) await t.userAction();
    // The cycle is due now, but its one job finds the window full of the user's requests.
    await runFor(t.clock, t.poller, 0);
    expect(t.polls).toEqual([]);
    expect(t.poller.nextDueAt()).toBe(T0 + 60_000);
    await runFor(t.clock, t.poller, 59_999);
    expect(t.polls).toEqual([]);
    await runFor(t.clock, t.poller, 1);
    expect(t.polls).toEqual([T0 + 60_000]);
  });

  it('without those user requests the same poll goes out at once', async () => {
    const t = setup();
    await runFor(t.clock, t.poller, 0);
    expect(t.polls).toEqual([T0]);
  });

  it('polling and user actions see the same budget: background requests leave the user their half', async () => {
    const t = setup();
    await runFor(t.clock, t.poller, 0);
    expect(t.polls).toHaveLength(1);
    expect(t.budgets.get(account.id)!.usage(t.clock.now()).windows[0]).toMatchObject({ used: 1, backgroundUsed: 1 });
    for (let i = 0; i < 3; i++) expect(t.budgets.takeUser(account.id).ok).toBe(true);
    expect(t.budgets.takeUser(account.id)).toEqual({ ok: false, freeAt: T0 + 60_000 });
  });

  it('a user action’s 429 blocks polling for its Retry-After and tells the driver', async () => {
    const t = setup();
    await expect(
      t.requests.run(account, t.client, async () => {
        throw new ProviderError({ kind: 'rate_limited', provider: 'junkie', message: 'slow down', retryAfterMs: 20_000 });
      }),
    ).rejects.toThrow();
    expect(t.blocked).toEqual([account.id]);
    expect(t.poller.nextDueAt()).toBe(T0 + 20_000);
    await runFor(t.clock, t.poller, 19_999);
    expect(t.polls).toEqual([]);
    await runFor(t.clock, t.poller, 1);
    expect(t.polls).toEqual([T0 + 20_000]);
  });

  it('user requests noted as sent (the key test of accounts:add) hold polling too', async () => {
    const t = setup();
    t.budgets.noteUserSent(account.id, 4);
    expect(t.budgets.takeUser(account.id)).toMatchObject({ ok: false });
    await runFor(t.clock, t.poller, 0);
    expect(t.polls).toEqual([]);
    // Not answered here: counted from the delay margin (1 s) after sending, for one window.
    expect(t.poller.nextDueAt()).toBe(T0 + 61_000);
  });

  it('a wall clock stepped back, seen first by a user action, moves the budget back once', async () => {
    const t = setup();
    for (let i = 0; i < 4; i++) await t.userAction();
    const back = T0 - 3_600_000;
    t.clock.set(back);
    // Counted as just sent, not an hour in the future: free a window from now.
    expect(t.budgets.takeUser(account.id)).toEqual({ ok: false, freeAt: back + 60_000 });
    // The poller reads the same clock afterwards: the budget is not moved a second time.
    await runFor(t.clock, t.poller, 0);
    expect(t.polls).toEqual([]);
    expect(t.poller.nextDueAt()).toBe(back + 60_000);
    await runFor(t.clock, t.poller, 60_000);
    expect(t.polls).toEqual([back + 60_000]);
  });

  it('changed limits replace the budget; the same limits keep what it counted; a removed account drops it', async () => {
    const t = setup();
    await runFor(t.clock, t.poller, 0);
    const first = t.budgets.get(account.id)!;
    t.poller.upsert({ ...account, label: 'Renamed' }, t.client);
    expect(t.budgets.get(account.id)).toBe(first);
    t.poller.upsert({ ...account, assumptions: { rateLimits: [{ max: 10, windowSeconds: 60 }] } }, t.client);
    const second = t.budgets.get(account.id)!;
    expect(second).not.toBe(first);
    expect(second.windows).toEqual([{ max: 10, windowMs: 60_000 }]);
    t.poller.remove(account.id);
    expect(t.budgets.get(account.id)).toBeUndefined();
    // An account nobody polls is not limited here.
    expect(t.budgets.takeUser(account.id).ok).toBe(true);
  });
});

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

/* AccountBudgets on its own: the background share, the user's side of a window, the clock, unknown accounts. */
describe('AccountBudgets on its own', () => {
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
