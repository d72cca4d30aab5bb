import { LUAPROT_MESSAGE_MAX, LUAPROT_MESSAGE_MIN } from '../../../shared/luaprot-message';
import type { Session } from '../../../shared/model';
import { asProviderErrorInfo, invalidRequest } from '../../core/core-errors';
import type { ActionModule } from '../module';
import { asLuaProt } from './client-of';
import { orNoSessions } from './empty-answer';

const scopeOf = (kind: string | undefined, id: string) => (kind === 'key' ? { key: id } : { hubId: id });
const TEXT_NEEDED = `text: LuaProt messages need a text of ${LUAPROT_MESSAGE_MIN} to ${LUAPROT_MESSAGE_MAX} characters`;

/** LuaProt has no search: sessions are filtered here by username or job id. */
export function matchesSearch(session: Session, needle: string): boolean {
  const n = needle.toLowerCase();
  return (session.username?.toLowerCase().includes(n) ?? false) || (session.jobId?.toLowerCase().includes(n) ?? false);
}

/** LuaProt lists a hub's or key's sessions in one answer; actions are text messages and disconnects, one or by scope. */
export const luaprotActions: ActionModule = {
  async list(client, q, target, opts) {
    const sessions = await orNoSessions(() => asLuaProt(client).sessions(scopeOf(target?.kind, q.targetId), opts), asProviderErrorInfo);
    const filtered = q.search ? sessions.filter((s) => matchesSearch(s, q.search!)) : sessions;
    return { sessions: filtered, total: filtered.length };
  },
  async readAll(call, target, targetId, sink) {
    // One answer, no paging.
    const all = await call((client, signal) => orNoSessions(() => asLuaProt(client).sessions(scopeOf(target?.kind, targetId), signal ? { signal } : {}), asProviderErrorInfo));
    sink.add(all);
    return { total: all.length, capped: all.length > sink.count() };
  },
  groupNotes: () => [
    'LuaProt\u2019s session list gives no user key (only each session\u2019s own detail does), so sessions are not grouped by key.',
    'LuaProt gives the universe id (the game), not the place id.',
  ],
  async info(client, sessionId, opts) {
    const { session, key } = await asLuaProt(client).sessionInfo(sessionId, opts);
    return { session, keyRecord: { ...key } };
  },
  async message(client, q, opts) {
    if (q.text === undefined) throw invalidRequest(TEXT_NEEDED);
    return { provider: 'luaprot', message: await asLuaProt(client).message(q.sessionId, q.text, opts) };
  },
  async disconnect(client, sessionId, opts) {
    return { message: await asLuaProt(client).disconnect(sessionId, opts) };
  },
  async messageMany(client, q, opts) {
    if (!q.scope) throw invalidRequest('scope: LuaProt messages many sessions by { hubId } or { key }, not by a list of ids');
    if (q.text === undefined) throw invalidRequest(TEXT_NEEDED);
    return { provider: 'luaprot', message: await asLuaProt(client).messageAll(q.scope, q.text, opts) };
  },
  async disconnectMany(client, q, opts) {
    if (!q.scope) throw invalidRequest('scope: LuaProt disconnects many sessions by { hubId } or { key }, not by a list of ids');
    return { message: await asLuaProt(client).disconnectAll(q.scope, opts) };
  },
};
