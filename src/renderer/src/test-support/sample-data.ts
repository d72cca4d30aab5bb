/** Small builders of the data main sends, for renderer tests: only what a test cares about is passed. */
import type { AccountLive, AccountView, MonitorSnapshot } from '../../../shared/ipc-contract';
import type { ProviderId, Session } from '../../../shared/model';
import { liveTotals } from '../../../shared/live-totals';

export function sampleAccount(over: Partial<AccountView> = {}): AccountView {
  return {
    id: 'acc-1',
    label: 'Main',
    provider: 'luaprot',
    baseUrl: 'https://luaprot.net',
    targets: [{ kind: 'hub', id: 'hub-1', label: 'Alpha hub' }],
    hasKey: true,
    demo: false,
    ...over,
  };
}

export function sampleAccountLive(over: Omit<Partial<AccountLive>, 'account'> & { account?: Partial<AccountView> } = {}): AccountLive {
  const account = sampleAccount(over.account);
  return {
    status: {
      accountId: account.id,
      state: 'ok',
      lastSuccessAt: 1_000,
      lastAttemptAt: 1_000,
      nextPollAt: null,
      error: null,
      explanation: null,
    },
    total: 10,
    targets: account.targets.map((t) => ({ kind: t.kind, id: t.id, label: t.label ?? t.id, count: 10, trend: null, sparkline: [] })),
    ...over,
    account,
  };
}

export function sampleSnapshot(accounts: AccountLive[], over: Partial<MonitorSnapshot> = {}): MonitorSnapshot {
  const live = accounts.filter((a) => !a.stale);
  const byProvider: Record<ProviderId, number> = { junkie: 0, luaprot: 0, luaauth: 0 };
  for (const a of live) byProvider[a.account.provider] += a.total ?? 0;
  const parts: Omit<MonitorSnapshot, 'live'> = {
    at: 1_000,
    seq: 1,
    total: live.reduce((n, a) => n + (a.total ?? 0), 0),
    byProvider,
    accounts,
    alertsPausedUntil: null,
    demo: false,
    paused: false,
    keyStore: 'keychain',
    glance: { since: 0, changes: [], alerts: [], demoInTotal: false, demoInProvider: { junkie: false, luaprot: false, luaauth: false } },
    ...over,
  };
  // The totals as main prints them, by the one rule (shared/live-totals), from whatever the test set.
  return { ...parts, live: liveTotals(parts) };
}

export function sampleSession(over: Partial<Session> = {}): Session {
  return { provider: 'luaprot', id: 's-1', username: 'Builderman', createdAt: Date.now() - 60_000, extra: {}, ...over };
}

/** n sessions named user0..user{n-1}, ids s0..s{n-1}. */
export function sampleSessions(n: number, over: Partial<Session> = {}): Session[] {
  return Array.from({ length: n }, (_, i) => sampleSession({ id: `s${i}`, username: `user${i}`, ...over }));
}
