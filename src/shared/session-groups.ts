import type { Session } from './model';

/**
 * "Who is playing where": live sessions grouped by game, by server (job) and, where the provider
 * gives the user's key, by key with a flag for keys running on more than one Roblox account at
 * once (possible key sharing). Pure; main and the window use the same rules.
 */

export interface SessionGroup {
  /** The place/universe id, job id or user key; '' for sessions that did not say. */
  key: string;
  count: number;
  sessionIds: string[];
}

export interface SharedKey extends SessionGroup {
  /** Distinct Roblox accounts (user id, else username) seen on this key right now. */
  accounts: string[];
}

/** The game a session is in: Junkie/LuaAuth give the place id, LuaProt the universe id. */
export function gameOf(session: Session): string {
  return session.placeId ?? session.universeId ?? '';
}

function groupBy(sessions: readonly Session[], keyOf: (s: Session) => string): SessionGroup[] {
  const groups = new Map<string, SessionGroup>();
  for (const s of sessions) {
    const key = keyOf(s);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, count: 0, sessionIds: [] }));
    g.count += 1;
    g.sessionIds.push(s.id);
  }
  // Biggest first; sessions that did not say where they are go last; ties by key for a stable order.
  return [...groups.values()].sort((a, b) => Number(a.key === '') - Number(b.key === '') || b.count - a.count || a.key.localeCompare(b.key));
}

export function groupByGame(sessions: readonly Session[]): SessionGroup[] {
  return groupBy(sessions, gameOf);
}

export function groupByServer(sessions: readonly Session[]): SessionGroup[] {
  return groupBy(sessions, (s) => s.jobId ?? '');
}

function accountOf(session: Session): string | undefined {
  if (session.robloxUserId) return session.robloxUserId;
  return session.username ? `@${session.username.toLowerCase()}` : undefined;
}

/** Keys with sessions on two or more Roblox accounts at once, most accounts first. */
export function sharedKeys(sessions: readonly Session[]): SharedKey[] {
  const byKey = new Map<string, { sessionIds: string[]; accounts: Set<string> }>();
  for (const s of sessions) {
    if (!s.userKey) continue;
    let k = byKey.get(s.userKey);
    if (!k) byKey.set(s.userKey, (k = { sessionIds: [], accounts: new Set() }));
    k.sessionIds.push(s.id);
    const account = accountOf(s);
    if (account) k.accounts.add(account);
  }
  const shared: SharedKey[] = [];
  for (const [key, k] of byKey) {
    if (k.accounts.size >= 2) shared.push({ key, count: k.sessionIds.length, sessionIds: k.sessionIds, accounts: [...k.accounts].sort() });
  }
  return shared.sort((a, b) => b.accounts.length - a.accounts.length || b.count - a.count || a.key.localeCompare(b.key));
}

/** Sessions by the user's key (LuaAuth `user_key`); sessions without one are left out. */
export function groupByKey(sessions: readonly Session[]): SessionGroup[] {
  return groupBy(
    sessions.filter((s) => s.userKey),
    (s) => s.userKey ?? '',
  );
}

/**
 * Most live sessions read for grouping: 40 Junkie/LuaAuth pages of 50, within a user action's
 * budget (our choice, not a provider limit). Beyond it the window says "first N of M".
 */
export const SESSION_GROUPS_MAX = 2_000;
/** Page size used when reading for groups: the largest both Junkie and LuaAuth document. */
export const SESSION_GROUPS_PAGE = 50;
