import { describe, expect, it } from 'vitest';
import type { AccountLive } from './ipc-contract';
import type { AccountState } from './model';
import { inErrorState, needsAttention } from './account-attention';

const account = (state: AccountState, stale?: boolean): Pick<AccountLive, 'status' | 'stale'> => ({
  status: { accountId: 'a', state, lastSuccessAt: 1, lastAttemptAt: 1, nextPollAt: null, error: null, explanation: null },
  ...(stale === undefined ? {} : { stale }),
});

describe('which accounts need attention (tray icon, tooltip and the window header alike)', () => {
  it('a refused key or access, offline and rate limited do', () => {
    for (const state of ['unauthorized', 'offline', 'rate_limited'] as const) {
      expect(needsAttention(account(state)), state).toBe(true);
      expect(inErrorState(account(state)), state).toBe(true);
    }
  });

  it('live, paused, idle and having trouble do not, unless left out of the totals (stale)', () => {
    for (const state of ['ok', 'paused', 'idle', 'degraded'] as const) {
      expect(needsAttention(account(state)), state).toBe(false);
      expect(needsAttention(account(state, false)), state).toBe(false);
      expect(needsAttention(account(state, true)), state).toBe(true);
      expect(inErrorState(account(state, true)), state).toBe(false);
    }
  });
});
