import { describe, expect, it } from 'vitest';
import { liveTotals } from './live-totals';
import type { AccountLive, MonitorSnapshot } from './ipc-contract';
import type { ProviderId } from './model';

type Over = { account?: { id?: string; provider?: ProviderId }; total?: number | null; stale?: boolean };
/** Only what the rule reads: provider, total, stale (cast: the rest of an AccountLive is not read). */
const sampleAccountLive = (over: Over = {}): AccountLive =>
  ({ account: { id: 'a', provider: 'junkie', ...over.account }, total: over.total === undefined ? 10 : over.total, stale: over.stale ?? false }) as AccountLive;
/** Sums like the monitor service: live accounts only. */
function sampleSnapshot(accounts: AccountLive[]): Pick<MonitorSnapshot, 'total' | 'byProvider' | 'accounts'> {
  const byProvider: Record<ProviderId, number> = { junkie: 0, luaprot: 0, luaauth: 0 };
  for (const a of accounts) if (!a.stale) byProvider[a.account.provider] += a.total ?? 0;
  return { total: Object.values(byProvider).reduce((n, v) => n + v, 0), byProvider, accounts };
}

// Moved from the renderer's live-total.test.ts with the rule: the assertions are unchanged.
const liveTotal = (snapshot: ReturnType<typeof sampleSnapshot>): number | null => liveTotals(snapshot).total;

describe('liveTotals: the grand total', () => {
  it('is the snapshot total while any counted account is live', () => {
    const live = sampleAccountLive({ account: { id: 'a' }, total: 7 });
    const stale = sampleAccountLive({ account: { id: 'b' }, total: 5, stale: true });
    expect(liveTotal(sampleSnapshot([live, stale]))).toBe(7);
  });
  it('is null (a dash, not a zero) when every account with a count is stale', () => {
    const a = sampleAccountLive({ account: { id: 'a' }, total: 3, stale: true });
    const uncounted = sampleAccountLive({ account: { id: 'b' }, total: null });
    expect(liveTotal(sampleSnapshot([a, uncounted]))).toBeNull();
  });
  it('is the (zero) total when nothing has been counted yet, not a dash', () => {
    expect(liveTotal(sampleSnapshot([sampleAccountLive({ total: null })]))).toBe(0);
    expect(liveTotal(sampleSnapshot([]))).toBe(0);
  });
  it('a live account counting zero is a real zero', () => {
    const zero = sampleAccountLive({ account: { id: 'a' }, total: 0 });
    const stale = sampleAccountLive({ account: { id: 'b' }, total: 9, stale: true });
    expect(liveTotal(sampleSnapshot([zero, stale]))).toBe(0);
  });
});

describe('liveTotals: per provider', () => {
  it('is null for a provider whose accounts are all stale, its sum while one is live, absent without accounts', () => {
    const j1 = sampleAccountLive({ account: { id: 'j1', provider: 'junkie' }, total: 4 });
    const j2 = sampleAccountLive({ account: { id: 'j2', provider: 'junkie' }, total: 6, stale: true });
    const lp = sampleAccountLive({ account: { id: 'lp', provider: 'luaprot' }, total: 8, stale: true });
    expect(liveTotals(sampleSnapshot([j1, j2, lp])).byProvider).toEqual({ junkie: 4, luaprot: null });
  });
  it('a live account not counted yet makes its provider a zero, not a dash', () => {
    const fresh = sampleAccountLive({ account: { id: 'a', provider: 'luaauth' }, total: null });
    expect(liveTotals(sampleSnapshot([fresh])).byProvider).toEqual({ luaauth: 0 });
  });
});
