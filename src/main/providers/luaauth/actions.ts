import { SESSION_GROUPS_PAGE } from '../../../shared/session-groups';
import { invalidRequest } from '../../core/core-errors';
import type { ActionModule } from '../module';
import { describeDisconnects } from './bulk';
import { asLuaAuth } from './client-of';

const NO_PROJECT_LIST = 'targetId: a LuaAuth project has no session list of its own; pick one of its scripts';
const COMMAND_NEEDED = 'command: LuaAuth messages need the command (handler key) to run';

function parseData(data: string | undefined): unknown {
  if (data === undefined || data.trim() === '') return undefined;
  return JSON.parse(data) as unknown;
}

/** LuaAuth lists per script (offset paging, server filters); messages are commands; scripts can be switched and edited. */
export const luaauthActions: ActionModule = {
  list(client, q, target, opts) {
    if (target?.kind === 'project') throw invalidRequest(NO_PROJECT_LIST);
    const from = q.from ?? 0;
    const limit = q.limit ?? 50;
    const filter = q.filter ?? {};
    const hasFilter = Object.values(filter).some((v) => v !== undefined && v !== '');
    if (hasFilter) return asLuaAuth(client).filterSessions(q.targetId, { from, limit, ...filter }, opts);
    return asLuaAuth(client).sessions(q.targetId, { from, limit }, opts);
  },
  async readAll(call, target, targetId, sink) {
    if (target?.kind === 'project') throw invalidRequest(NO_PROJECT_LIST);
    // Read until an empty page: a server may cut `limit` silently (see setLuaAuthPageCap in the
    // simulator), so a short page does not prove it was the last. Costs one request at the end.
    let from = 0;
    while (!sink.full()) {
      const got = await call((client, signal) => asLuaAuth(client).sessions(targetId, { from, limit: SESSION_GROUPS_PAGE }, signal ? { signal } : {}));
      if (got.sessions.length === 0) return { capped: false };
      sink.add(got.sessions);
      from += got.sessions.length;
    }
    // LuaAuth gives no total; whether more follow is unknown without reading on.
    return { capped: true };
  },
  groupNotes(sessions) {
    const noKey = sessions.filter((s) => !s.userKey).length;
    return noKey > 0 ? [`LuaAuth did not give the user key of ${noKey} of ${sessions.length} sessions; they are left out of the key groups.`] : [];
  },
  async info(client, sessionId, opts) {
    return { session: await asLuaAuth(client).session(sessionId, opts) };
  },
  async message(client, q, opts) {
    if (q.command === undefined) throw invalidRequest(COMMAND_NEEDED);
    return { provider: 'luaauth', result: await asLuaAuth(client).message(q.sessionId, q.command, parseData(q.data), opts) };
  },
  async disconnect(client, sessionId, opts) {
    await asLuaAuth(client).disconnect(sessionId, opts);
    return { message: 'Session disconnected.' };
  },
  async messageMany(client, q, opts) {
    if (!q.sessionIds) throw invalidRequest('sessionIds: LuaAuth messages many sessions by their ids');
    if (q.command === undefined) throw invalidRequest(COMMAND_NEEDED);
    return { provider: 'luaauth', results: await asLuaAuth(client).messageMany(q.sessionIds, q.command, parseData(q.data), opts) };
  },
  async disconnectMany(client, q, opts) {
    if (!q.sessionIds) throw invalidRequest('sessionIds: LuaAuth disconnects many sessions by their ids');
    // What LuaAuth said per session, not the number asked for (it documents only success: true).
    const outcomes = await asLuaAuth(client).disconnectMany(q.sessionIds, opts);
    return { ...describeDisconnects(outcomes), outcomes };
  },
  scripts: {
    info: (client, id, opts) => asLuaAuth(client).script(id, opts),
    executions: (client, id, opts) => asLuaAuth(client).executions(id, opts),
    toggle: (client, id, enabled, opts) => asLuaAuth(client).toggle(id, enabled, opts),
    edit: (client, id, patch, opts) => asLuaAuth(client).edit(id, patch, opts),
  },
};
