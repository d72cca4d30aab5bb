import { describe, expect, it } from 'vitest';
import { notLiveAccounts } from './not-live-accounts';
import { sampleAccountLive, sampleSnapshot } from './test-support/sample-data';

describe('notLiveAccounts', () => {
  it('lists the stale accounts that still have a count to show', () => {
    const live = sampleAccountLive({ account: { id: 'a' } });
    const stale = sampleAccountLive({ account: { id: 'b' }, stale: true, total: 4 });
    const staleNoCount = sampleAccountLive({ account: { id: 'c' }, stale: true, total: null });
    expect(notLiveAccounts(sampleSnapshot([live, stale, staleNoCount])).map((a) => a.account.id)).toEqual(['b']);
  });
});
