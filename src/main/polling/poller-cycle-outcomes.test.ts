import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../shared/clock';
import { explainError, type ProviderErrorInfo, type ProviderErrorKind } from '../../shared/errors';
import type { AccountStatus } from '../../shared/ipc-contract';
import type { AccountConfig } from '../../shared/model';
import { RateBudget } from '../monitor/rate-budget';
import { ProviderError } from '../providers/errors';
import type { JunkieClient, LuaProtClient } from '../providers/types';
import { runFor } from '../core/core-test-support';
import { isLuaProtEmpty } from '../providers/luaprot/empty-answer';
import { defaultProviderRegistry } from '../providers/registry';
import { isPermanentFailure, minIntervalMs } from './cycle-outcome';
import { AccountBudgets } from './account-budgets';
import { Poller, type PollResult } from './poller';

/** Requests one cycle of this account costs, as its provider's count plan says. */
const requestsPerCycle = (account: AccountConfig): number => defaultProviderRegistry.get(account.provider).countPlan.requestsPerCycle(account);
const luaprotModule = defaultProviderRegistry.get('luaprot');

/*
 * What one poll cycle reports — the total, which targets count, the account's state and the words
 * that explain it, and when the next cycle runs — against in-process fake clients whose every
 * answer the test decides (no HTTP, no simulator).
 */

const T0 = Date.UTC(2026, 0, 5, 12, 0, 0);
const INTERVAL = 30_000;

type Answer = { count: number; ids?: string[] } | ProviderErrorKind | { error: ProviderErrorKind; message?: string; retryAfterMs?: number };

function failure(provider: 'luaprot' | 'junkie', answer: Exclude<Answer, { count: number }>): ProviderError {
  const info: ProviderErrorInfo =
    typeof answer === 'string'
      ? { kind: answer, provider, message: `${answer} happened` }
      : { kind: answer.error, provider, message: answer.message ?? `${answer.error} happened`, ...(answer.retryAfterMs ? { retryAfterMs: answer.retryAfterMs } : {}) };
  return new ProviderError(info);
}

/** A LuaProt client answering each hub or key from `answers` (a function of the call number, or fixed). */
function luaprot(answers: Record<string, Answer | ((call: number) => Answer)>): LuaProtClient & { calls: string[] } {
  const calls: string[] = [];
  const perId = new Map<string, number>();
  const client = {
    provider: 'luaprot' as const,
    calls,
    async sessionCount(scope: { hubId: string } | { key: string }, withIds: boolean) {
      const id = 'hubId' in scope ? scope.hubId : scope.key;
      calls.push(id);
      const n = (perId.get(id) ?? 0) + 1;
      perId.set(id, n);
      const entry = answers[id];
      const answer = typeof entry === 'function' ? entry(n) : entry;
      if (answer === undefined) throw failure('luaprot', 'not_found');
      if (typeof answer === 'object' && 'count' in answer) return { count: answer.count, ids: withIds ? (answer.ids ?? null) : null };
      throw failure('luaprot', answer);
    },
  };
  return client as unknown as LuaProtClient & { calls: string[] };
}

function junkie(answer: (call: number) => Record<string, number> | ProviderErrorKind): JunkieClient {
  let n = 0;
  return {
    provider: 'junkie',
    async liveCounts() {
      const a = answer(++n);
      if (typeof a === 'string') throw failure('junkie', a);
      return { counts: a, total: Object.values(a).reduce((s, x) => s + x, 0) };
    },
  } as unknown as JunkieClient;
}

function setup(account: AccountConfig, client: LuaProtClient | JunkieClient) {
  const clock = new ManualClock(T0);
  const results: PollResult[] = [];
  const statuses: AccountStatus[] = [];
  const poller = new Poller({
    clock,
    budgets: new AccountBudgets({ clock }),
    intervalMs: () => INTERVAL,
    onResult: (r) => results.push(r),
    onStatus: (s) => statuses.push(s),
    backoff: { jitter: 'none', baseMs: 1_000, capMs: 60_000 },
  });
  poller.upsert(account, client);
  return { clock, results, statuses, poller, run: (ms: number) => runFor(clock, poller, ms), status: () => poller.status(account.id)! };
}

const hubs = (...ids: string[]): AccountConfig => ({
  id: 'lp',
  label: 'LuaProt main',
  provider: 'luaprot',
  baseUrl: 'https://api.luaprot.com',
  targets: ids.map((id) => ({ kind: 'hub' as const, id, label: `Hub ${id.toUpperCase()}` })),
});

describe('one cycle, every target answering', () => {
  it('reports the sum, complete, ok, and schedules the next cycle one interval after this one started', async () => {
    const t = setup(hubs('a', 'b'), luaprot({ a: { count: 5 }, b: { count: 7 } }));
    await t.run(1);
    const r = t.results[0]!;
    expect(r.total).toBe(12);
    expect(r.complete).toBe(true);
    expect(r.targets.map((x) => [x.id, x.label, x.count])).toEqual([
      ['a', 'Hub A', 5],
      ['b', 'Hub B', 7],
    ]);
    expect(r.targets.every((x) => x.error === undefined && x.permanent === undefined)).toBe(true);
    expect(t.status()).toMatchObject({ state: 'ok', error: null, explanation: null, lastSuccessAt: T0, lastAttemptAt: T0, nextPollAt: T0 + INTERVAL });
  });

  it('counts a session seen in a hub and in one of its keys once', async () => {
    const account: AccountConfig = { ...hubs('h'), targets: [{ kind: 'hub', id: 'h' }, { kind: 'key', id: 'k' }] };
    const t = setup(account, luaprot({ h: { count: 3, ids: ['s1', 's2', 's3'] }, k: { count: 2, ids: ['s2', 's4'] } }));
    await t.run(1);
    expect(t.results[0]!.total).toBe(4);
    expect(t.results[0]!.targets.map((x) => x.count)).toEqual([3, 2]);
    // Unlabelled targets are named by kind and id.
    expect(t.results[0]!.targets.map((x) => x.label)).toEqual(['Hub h', 'Key k']);
  });

  it("names a target by the user's label, trimmed, or by kind and id when the label is blank", async () => {
    const account: AccountConfig = { ...hubs('h'), targets: [{ kind: 'hub', id: 'h', label: '  Main hub ' }, { kind: 'key', id: 'k', label: '   ' }] };
    const t = setup(account, luaprot({ h: { count: 1 }, k: { count: 1 } }));
    await t.run(10_000);
    expect(t.results[0]!.targets.map((x) => x.label)).toEqual(['Main hub', 'Key k']);
  });

  it('reads an empty LuaProt hub ("No active sessions found.") as a count of 0, not a failure', async () => {
    const t = setup(hubs('a', 'b'), luaprot({ a: { count: 4 }, b: { error: 'provider_refused', message: 'No active sessions found.' } }));
    await t.run(1);
    expect(t.results[0]).toMatchObject({ total: 4, complete: true });
    expect(t.results[0]!.targets[1]).toMatchObject({ count: 0 });
    expect(t.status().state).toBe('ok');
  });
});

describe('one target failing', () => {
  it('a hub that is gone: left out of the total (permanent), the account degraded, named in the explanation', async () => {
    const t = setup(hubs('a', 'b'), luaprot({ a: { count: 5 }, b: 'not_found' }));
    await t.run(1);
    const r = t.results[0]!;
    expect(r.total).toBe(5);
    expect(r.complete).toBe(false);
    expect(r.targets[1]).toMatchObject({ id: 'b', count: null, permanent: true, error: { kind: 'not_found' } });
    expect(r.targets[0]!.permanent).toBeUndefined();
    const status = t.status();
    expect(status.state).toBe('degraded');
    expect(status.error?.kind).toBe('not_found');
    const words = explainError(status.error!);
    expect(status.explanation).toEqual({
      title: `Hub B: ${words.title}`,
      advice: `${words.advice} It is left out of the account total until it answers again.`,
    });
    // Nothing to retry sooner: the next cycle keeps the interval.
    expect(status.nextPollAt).toBe(T0 + INTERVAL);
  });

  it('two gone and one passing failure: the first named, the others counted, and the total waits rather than leaving them out', async () => {
    const t = setup(hubs('a', 'b', 'c', 'd'), luaprot({ a: { count: 5 }, b: 'not_found', c: 'invalid_input', d: 'not_found' }));
    await t.run(10_000);
    const words = explainError(t.status().error!);
    expect(t.status().explanation).toEqual({
      title: `Hub B (and 2 more targets): ${words.title}`,
      advice: `${words.advice} They are left out of the account total until they answer again.`,
    });

    const mixed = setup(hubs('a', 'b', 'c'), luaprot({ a: { count: 5 }, b: 'not_found', c: 'malformed' }));
    await mixed.run(10_000);
    const status = mixed.status();
    // The passing failure is the account's error; the permanent one is only counted beside it.
    expect(status.error?.kind).toBe('malformed');
    const mixedWords = explainError(status.error!);
    expect(status.explanation).toEqual({
      title: `Hub C (and 1 more target): ${mixedWords.title}`,
      advice: `${mixedWords.advice} The account total waits for it a few rounds, then goes on without it.`,
    });
    expect(mixed.results[0]!.targets.map((x) => x.permanent)).toEqual([undefined, true, undefined]);
  });

  it('a passing failure is retried after the back-off (1 s, then 2 s), not a whole interval later', async () => {
    const t = setup(hubs('a'), luaprot({ a: (n) => (n === 2 || n === 3 ? 'unavailable' : { count: 5 }) }));
    await t.run(1);
    expect(t.status()).toMatchObject({ state: 'ok', nextPollAt: T0 + INTERVAL });
    await t.run(INTERVAL);
    expect(t.status()).toMatchObject({ state: 'degraded', nextPollAt: T0 + INTERVAL + 1_000 });
    await t.run(1_000);
    expect(t.status()).toMatchObject({ state: 'degraded', nextPollAt: T0 + INTERVAL + 1_000 + 2_000 });
    await t.run(2_000);
    expect(t.status()).toMatchObject({ state: 'ok', error: null, nextPollAt: T0 + INTERVAL + 3_000 + INTERVAL });
    expect(t.results.at(-1)).toMatchObject({ total: 5, complete: true });
  });
});

describe('every target failing', () => {
  it('network failures: offline, no count, no total', async () => {
    const t = setup(hubs('a'), luaprot({ a: 'network' }));
    await t.run(1);
    expect(t.status().state).toBe('offline');
    expect(t.status().lastSuccessAt).toBeNull();
    expect(t.results[0]).toMatchObject({ total: null, complete: false });
    expect(t.results[0]!.targets[0]!.count).toBeNull();
  });

  it('a provider outage is degraded while the last count is fresh (3 intervals), offline after', async () => {
    const t = setup(hubs('a'), luaprot({ a: (n) => (n === 1 ? { count: 9 } : 'unavailable') }));
    await t.run(1);
    expect(t.status().state).toBe('ok');
    await t.run(INTERVAL);
    expect(t.status().state).toBe('degraded');
    // Still within 3 intervals (90 s) of the last count: degraded.
    await t.run(58_000);
    expect(t.status().state).toBe('degraded');
    await t.run(40_000);
    expect(t.status().state).toBe('offline');
    expect(t.status().lastSuccessAt).toBe(T0);
  });

  it('a rejected key halts polling: unauthorized, nothing more due, no total', async () => {
    const client = luaprot({ a: 'unauthorized', b: { count: 1 } });
    const t = setup(hubs('a', 'b'), client);
    await t.run(1);
    expect(t.status()).toMatchObject({ state: 'unauthorized', nextPollAt: null, error: { kind: 'unauthorized' } });
    expect(t.results[0]).toMatchObject({ total: null, complete: false });
    expect(t.results[0]!.targets.every((x) => x.count === null)).toBe(true);
    const sent = client.calls.length;
    await t.run(10 * INTERVAL);
    expect(client.calls.length).toBe(sent);
    expect(t.poller.nextDueAt()).toBeNull();
  });

  it('a rate limit: rate_limited, the same request again after Retry-After, then ok', async () => {
    const client = luaprot({ a: (n) => (n === 1 ? { error: 'rate_limited', retryAfterMs: 20_000 } : { count: 2 }) });
    const t = setup(hubs('a'), client);
    await t.run(1);
    expect(t.status()).toMatchObject({ state: 'rate_limited', error: { kind: 'rate_limited', retryAfterMs: 20_000 } });
    await t.run(19_000);
    expect(client.calls).toHaveLength(1);
    await t.run(2_000);
    expect(client.calls).toHaveLength(2);
    expect(t.status().state).toBe('ok');
    expect(t.results).toHaveLength(1);
    expect(t.results[0]).toMatchObject({ total: 2, complete: true });
  });

  it('a burst of 429s each asking 1 s: retried after 1 s every time, no back-off growing past it; the status carries the retry time, never a relative one', async () => {
    const client = luaprot({ a: (n) => (n <= 4 ? { error: 'rate_limited', retryAfterMs: 1_000 } : { count: 2 }) });
    const t = setup(hubs('a'), client);
    await t.run(1);
    expect(t.status()).toMatchObject({ state: 'rate_limited', retry: { at: T0 + 1_000, askedByProvider: true } });
    expect(t.status().explanation?.title).not.toMatch(/retrying in/i);
    await t.run(1_000);
    expect(client.calls).toHaveLength(2);
    // The second refusal was published with its own retry time (not only the first one's).
    expect(t.statuses.at(-1)?.retry?.at).toBe(T0 + 2_000);
    await t.run(3_000);
    expect(client.calls).toHaveLength(5);
    expect(t.status().state).toBe('ok');
    expect(t.status().retry).toBeUndefined();
  });

  it("a 429 without Retry-After: Pulsebar's back-off chooses the retry time, and the status says so", async () => {
    const client = luaprot({ a: (n) => (n <= 2 ? 'rate_limited' : { count: 2 }) });
    const t = setup(hubs('a'), client);
    await t.run(1);
    expect(t.status().retry).toEqual({ at: T0 + 1_000, askedByProvider: false });
    await t.run(1_000);
    expect(t.status().retry).toEqual({ at: T0 + 1_000 + 2_000, askedByProvider: false });
  });

  it('waits a Retry-After longer than the interval in full before the next cycle', async () => {
    const client = luaprot({ a: (n) => (n === 1 ? { error: 'unavailable', retryAfterMs: 90_000 } : { count: 2 }) });
    const t = setup(hubs('a'), client);
    await t.run(1);
    expect(t.status().nextPollAt).toBe(T0 + 90_000);
  });
});

describe('Junkie: one call for every script', () => {
  const account: AccountConfig = { id: 'jk', label: 'Junkie', provider: 'junkie', baseUrl: 'https://api.junkie.dev', targets: [] };

  it('discovers the scripts it lists, then counts one it stops listing as 0', async () => {
    const t = setup(account, junkie((n): Record<string, number> => (n === 1 ? { s1: 4, s2: 6 } : { s1: 5 })));
    await t.run(1);
    expect(t.results[0]).toMatchObject({ total: 10, complete: true });
    expect(t.results[0]!.targets.map((x) => [x.id, x.label, x.count])).toEqual([
      ['s1', 'Script s1', 4],
      ['s2', 'Script s2', 6],
    ]);
    await t.run(INTERVAL);
    expect(t.results[1]!.targets.map((x) => [x.id, x.count])).toEqual([
      ['s1', 5],
      ['s2', 0],
    ]);
    expect(t.results[1]!.total).toBe(5);
  });

  it('a failed call fails every target: no total, never zeros', async () => {
    const t = setup({ ...account, targets: [{ kind: 'script', id: 's1' }] }, junkie(() => 'unavailable'));
    await t.run(1);
    expect(t.results[0]).toMatchObject({ total: null, complete: false });
    expect(t.results[0]!.targets[0]).toMatchObject({ count: null, error: { kind: 'unavailable' } });
    expect(t.status().state).toBe('offline');
  });

  it('with no targets and nothing listed, a successful call is a total of 0, and a failed one no total', async () => {
    const ok = setup(account, junkie(() => ({})));
    await ok.run(1);
    expect(ok.results[0]).toMatchObject({ total: 0, complete: true });
    expect(ok.status().lastSuccessAt).toBe(T0);
    const down = setup(account, junkie(() => 'unavailable'));
    await down.run(1);
    expect(down.results[0]).toMatchObject({ total: null, complete: false });
    expect(down.status().lastSuccessAt).toBeNull();
  });
});

describe('cycle arithmetic', () => {
  it('tells a failure retrying cannot cure from one it can', () => {
    const info = (kind: ProviderErrorKind, message = 'x', provider: 'luaprot' | 'junkie' = 'luaprot'): ProviderErrorInfo => ({ kind, provider, message });
    expect(isPermanentFailure(info('not_found'))).toBe(true);
    expect(isPermanentFailure(info('invalid_input'))).toBe(true);
    expect(isPermanentFailure(info('provider_refused'))).toBe(true);
    expect(isPermanentFailure(info('provider_refused', 'No active sessions found.'), luaprotModule)).toBe(false);
    for (const kind of ['unavailable', 'timeout', 'network', 'malformed', 'rate_limited', 'unauthorized', 'forbidden'] as const) {
      expect(isPermanentFailure(info(kind)), kind).toBe(false);
    }
    expect(isLuaProtEmpty(info('provider_refused', 'no ACTIVE sessions found'))).toBe(true);
    expect(isLuaProtEmpty(info('provider_refused', 'No active sessions found.', 'junkie'))).toBe(false);
    expect(isLuaProtEmpty(info('not_found', 'No active sessions found.'))).toBe(false);
  });

  it('counts the requests of a cycle: one for Junkie, one per hub or key, one per LuaAuth script or project, at least one', () => {
    const base = { id: 'x', label: 'x', baseUrl: 'https://x' };
    expect(requestsPerCycle({ ...base, provider: 'junkie', targets: [{ kind: 'script', id: 'a' }, { kind: 'script', id: 'b' }] })).toBe(1);
    expect(requestsPerCycle({ ...base, provider: 'luaprot', targets: [{ kind: 'hub', id: 'a' }, { kind: 'key', id: 'b' }, { kind: 'script', id: 'c' }, { kind: 'script', id: 'd' }] })).toBe(2);
    expect(requestsPerCycle({ ...base, provider: 'luaprot', targets: [] })).toBe(1);
    expect(requestsPerCycle({ ...base, provider: 'luaauth', targets: [{ kind: 'project', id: 'p' }, { kind: 'script', id: 's' }, { kind: 'hub', id: 'h' }, { kind: 'hub', id: 'i' }] })).toBe(2);
    expect(requestsPerCycle({ ...base, provider: 'luaauth', targets: [] })).toBe(1);
  });

  it('stretches the interval so background polling stays within half of LuaProt\'s limits (20 per 10 s, 60 per minute)', () => {
    const budget = RateBudget.forProvider('luaprot');
    expect(minIntervalMs(budget, 1)).toBe(2_000);
    expect(minIntervalMs(budget, 15)).toBe(30_000);
    expect(minIntervalMs(budget, 31)).toBe(62_000);
  });
});
