import { describe, expect, it } from 'vitest';
import { liveTotal, notLiveAccounts } from './live-total';
import { sampleAccountLive, sampleSnapshot } from './test-support/sample-data';

describe('liveTotal', () => {
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

describe('notLiveAccounts', () => {
  it('lists the stale accounts that still have a count to show', () => {
    const live = sampleAccountLive({ account: { id: 'a' } });
    const stale = sampleAccountLive({ account: { id: 'b' }, stale: true, total: 4 });
    const staleNoCount = sampleAccountLive({ account: { id: 'c' }, stale: true, total: null });
    expect(notLiveAccounts(sampleSnapshot([live, stale, staleNoCount])).map((a) => a.account.id)).toEqual(['b']);
  });
});
