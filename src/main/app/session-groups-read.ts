/**
 * Who is playing where: reads every live session of one target (each page a separate user
 * request through the account's budget, stopping at SESSION_GROUPS_MAX) and groups them by game,
 * server and, where the provider's list gives it, the user's key.
 */
import type { SessionGroupsView } from '../../shared/ipc-contract';
import type { ProviderId, Session, TargetConfig } from '../../shared/model';
import { PROVIDER_NAMES } from '../../shared/model';
import { groupByGame, groupByKey, groupByServer, SESSION_GROUPS_MAX, SESSION_GROUPS_PAGE, sharedKeys } from '../../shared/session-groups';
import type { ProviderClient } from '../providers/types';
import { asProviderErrorInfo, invalidRequest } from '../core/core-errors';
import { isLuaProtEmpty } from './poller';

/** One budgeted request with the account's client. */
export type BudgetedCall = <T>(fn: (client: ProviderClient, signal: AbortSignal | undefined) => Promise<T>) => Promise<T>;

interface Read {
  sessions: Session[];
  total?: number;
  capped: boolean;
}

/** Keeps the first sighting of each id: offset pages can shift while sessions come and go. */
function collect(into: Map<string, Session>, sessions: readonly Session[], anonymous: Session[]): void {
  for (const s of sessions) {
    if (into.size + anonymous.length >= SESSION_GROUPS_MAX) return;
    if (s.id === '') anonymous.push(s);
    else if (!into.has(s.id)) into.set(s.id, s);
  }
}

async function readAll(call: BudgetedCall, provider: ProviderId, target: TargetConfig | undefined, targetId: string): Promise<Read> {
  const seen = new Map<string, Session>();
  const anonymous: Session[] = [];
  const count = () => seen.size + anonymous.length;
  switch (provider) {
    case 'luaprot': {
      // LuaProt lists a hub's (or key's) sessions in one answer, with no paging.
      const scope = target?.kind === 'key' ? { key: targetId } : { hubId: targetId };
      const all = await call(async (client, signal) => {
        if (client.provider !== 'luaprot') throw invalidRequest('the account changed provider while reading');
        try {
          return await client.sessions(scope, signal ? { signal } : {});
        } catch (error) {
          const info = asProviderErrorInfo(error);
          if (info && isLuaProtEmpty(info)) return [];
          throw error;
        }
      });
      collect(seen, all, anonymous);
      return { sessions: [...seen.values(), ...anonymous], total: all.length, capped: all.length > count() };
    }
    case 'junkie': {
      let total: number | undefined;
      for (let page = 1; count() < SESSION_GROUPS_MAX; page++) {
        const got = await call(async (client, signal) => {
          if (client.provider !== 'junkie') throw invalidRequest('the account changed provider while reading');
          return client.sessions(targetId, { page, limit: SESSION_GROUPS_PAGE }, signal ? { signal } : {});
        });
        total = got.total ?? total;
        collect(seen, got.sessions, anonymous);
        const lastPage = got.totalPages !== undefined ? page >= got.totalPages : got.sessions.length < SESSION_GROUPS_PAGE;
        if (got.sessions.length === 0 || lastPage) return { sessions: [...seen.values(), ...anonymous], ...(total !== undefined ? { total } : {}), capped: false };
      }
      return { sessions: [...seen.values(), ...anonymous], ...(total !== undefined ? { total } : {}), capped: true };
    }
    case 'luaauth': {
      if (target?.kind === 'project') {
        throw invalidRequest('targetId: a LuaAuth project has no session list of its own; pick one of its scripts');
      }
      // Read until an empty page: a server may cut `limit` silently (see setLuaAuthPageCap in the
      // simulator), so a short page does not prove it was the last. Costs one request at the end.
      let from = 0;
      while (count() < SESSION_GROUPS_MAX) {
        const got = await call(async (client, signal) => {
          if (client.provider !== 'luaauth') throw invalidRequest('the account changed provider while reading');
          return client.sessions(targetId, { from, limit: SESSION_GROUPS_PAGE }, signal ? { signal } : {});
        });
        if (got.sessions.length === 0) return { sessions: [...seen.values(), ...anonymous], capped: false };
        collect(seen, got.sessions, anonymous);
        from += got.sessions.length;
      }
      // LuaAuth gives no total; whether more follow is unknown without reading on.
      return { sessions: [...seen.values(), ...anonymous], capped: true };
    }
  }
}

function notesFor(provider: ProviderId, sessions: readonly Session[]): string[] {
  const name = PROVIDER_NAMES[provider];
  const notes: string[] = [];
  const noGame = sessions.filter((s) => !s.placeId && !s.universeId).length;
  const noJob = sessions.filter((s) => !s.jobId).length;
  if (noGame > 0) notes.push(`${name} did not say which game ${noGame} of ${sessions.length} sessions are in.`);
  if (noJob > 0) notes.push(`${name} did not say which server ${noJob} of ${sessions.length} sessions are on.`);
  const noKey = provider === 'luaauth' ? sessions.filter((s) => !s.userKey).length : 0;
  if (noKey > 0) notes.push(`LuaAuth did not give the user key of ${noKey} of ${sessions.length} sessions; they are left out of the key groups.`);
  if (provider === 'junkie') notes.push('Junkie\u2019s session list gives no user key, so sessions cannot be grouped by key.');
  if (provider === 'luaprot') {
    notes.push('LuaProt\u2019s session list gives no user key (only each session\u2019s own detail does), so sessions are not grouped by key.');
    notes.push('LuaProt gives the universe id (the game), not the place id.');
  }
  return notes;
}

export async function readSessionGroups(call: BudgetedCall, provider: ProviderId, target: TargetConfig | undefined, targetId: string): Promise<SessionGroupsView> {
  const read = await readAll(call, provider, target, targetId);
  const keysKnown = provider === 'luaauth';
  const view: SessionGroupsView = {
    provider,
    sessions: read.sessions,
    capped: read.capped,
    games: groupByGame(read.sessions),
    servers: groupByServer(read.sessions),
    keys: keysKnown ? groupByKey(read.sessions) : null,
    sharedKeys: keysKnown ? sharedKeys(read.sessions) : [],
    notes: notesFor(provider, read.sessions),
  };
  if (read.total !== undefined) view.total = read.total;
  else if (!read.capped) view.total = read.sessions.length;
  return view;
}
