import { z } from 'zod';
import { LUAPROT_HUBS_ROUTE } from './assumptions';
import { luaprotMessageProblem } from '../../../shared/luaprot-message';
import type { Session } from '../../../shared/model';
import { classifyLuaProt } from './errors';
import { createProviderHttp, type HttpMethod, type ProviderHttp } from '../http';
import { notePresence } from '../item-fields';
import {
  LUAPROT_SESSION_NOTED_FIELDS,
  luaprotHubsSchema,
  luaprotMessageSchema,
  luaprotSessionInfoSchema,
  luaprotSessionsSchema,
  messageOf,
  toLuaProtHubs,
  toLuaProtKeyRecord,
  toLuaProtSession,
} from './schema';
import { ReadNotes, reportNotes } from '../read-notes';
import type { CallOptions, ClientOptions, LuaProtClient, LuaProtHub, LuaProtKeyRecord, LuaProtScope } from '../types';

/** Re-exported for callers of the client; the rule itself lives in shared/luaprot-message.ts. */

/**
 * The count path's view of a session list: the envelope and a list, nothing of the items themselves
 * (no per-session validation, normalization or copy; an odd session still counts as one).
 */
const luaprotSessionCountSchema = z.looseObject({
  success: z.literal(true),
  sessions: z.custom<unknown[]>((v) => Array.isArray(v), { message: 'sessions must be a list' }),
});

const signalOf = (opts?: CallOptions): { signal?: AbortSignal } => (opts?.signal ? { signal: opts.signal } : {});

function checkMessage(http: ProviderHttp, method: HttpMethod, route: string, text: unknown): string {
  const problem = luaprotMessageProblem(text);
  if (problem) throw http.refuse(method, route, problem.message);
  return text as string;
}

/** Exactly one non-empty selector among `names`; returns it. */
function pickOne<N extends string>(
  http: ProviderHttp,
  method: HttpMethod,
  route: string,
  given: object | null | undefined,
  names: readonly N[],
): { name: N; value: string } {
  const bag = (given ?? {}) as Record<string, unknown>;
  const present = names.filter((n) => bag[n] !== undefined);
  const list = names.join(', ');
  if (present.length === 0) throw http.refuse(method, route, `Give one of ${list} to choose the sessions.`);
  if (present.length > 1) throw http.refuse(method, route, `Give only one of ${list} (got ${present.join(' and ')}).`);
  const name = present[0] as N;
  const value = bag[name];
  if (typeof value !== 'string' || value.trim() === '') throw http.refuse(method, route, `The ${name} is empty; give the ${name} to use.`);
  return { name, value };
}

/** LuaProt v1 session routes (+ the inferred hubs route). Base URL is the site root; routes carry /api/v1. */
export function createLuaProtClient(options: ClientOptions): LuaProtClient {
  const http = createProviderHttp('luaprot', options, { classify: classifyLuaProt });

  return {
    provider: 'luaprot',

    async sessions(query, opts?: CallOptions): Promise<Session[]> {
      const route = '/api/v1/sessions/get';
      const { name, value } = pickOne(http, 'GET', route, query, ['hubId', 'key', 'discordId'] as const);
      const body = await http.call({ method: 'GET', route, query: { [name]: value }, ...signalOf(opts) }, luaprotSessionsSchema);
      const notes = new ReadNotes('luaprot');
      const sessions = body.sessions.map((s) => toLuaProtSession(s, notes));
      reportNotes(notes, opts?.onReadNotes);
      return sessions;
    },

    async sessionCount(scope, withIds, opts?: CallOptions): Promise<{ count: number; ids: string[] | null }> {
      const route = '/api/v1/sessions/get';
      const { name, value } = pickOne(http, 'GET', route, scope, ['hubId', 'key'] as const);
      const { sessions } = await http.call({ method: 'GET', route, query: { [name]: value }, ...signalOf(opts) }, luaprotSessionCountSchema);
      if (opts?.onReadNotes) {
        const notes = new ReadNotes('luaprot');
        notePresence(sessions, 'session', LUAPROT_SESSION_NOTED_FIELDS, notes);
        reportNotes(notes, opts.onReadNotes);
      }
      if (!withIds) return { count: sessions.length, ids: null };
      // A session without a usable id cannot be matched across targets: it counts as its own.
      const ids = sessions.map((s, i) => {
        const id = (s as { id?: unknown } | null)?.id;
        // Ids may arrive as numbers (a provider straying from its docs): the same session either way.
        if (typeof id === 'string' && id !== '') return id;
        if (typeof id === 'number' && Number.isFinite(id)) return String(id);
        return `${name}:${value}#${i}`;
      });
      return { count: sessions.length, ids };
    },

    async sessionInfo(sessionId, opts?: CallOptions): Promise<{ session: Session; key: LuaProtKeyRecord }> {
      const body = await http.call(
        { method: 'GET', route: '/api/v1/sessions/{id}/info', params: { id: sessionId }, ...signalOf(opts) },
        luaprotSessionInfoSchema,
      );
      const notes = new ReadNotes('luaprot');
      const result = { session: toLuaProtSession(body.session, notes), key: toLuaProtKeyRecord(body.key ?? {}, notes) };
      reportNotes(notes, opts?.onReadNotes);
      return result;
    },

    async message(sessionId, text, opts?: CallOptions): Promise<string> {
      const route = '/api/v1/sessions/message/{id}';
      const message = checkMessage(http, 'POST', route, text);
      const body = await http.call(
        { method: 'POST', route, params: { id: sessionId }, json: { message }, ...signalOf(opts) },
        luaprotMessageSchema,
      );
      return messageOf(body, 'Messaged the session.');
    },

    async disconnect(sessionId, opts?: CallOptions): Promise<string> {
      const body = await http.call(
        { method: 'DELETE', route: '/api/v1/sessions/disconnect/{id}', params: { id: sessionId }, ...signalOf(opts) },
        luaprotMessageSchema,
      );
      return messageOf(body, 'Disconnected the session.');
    },

    async messageAll(scope: LuaProtScope, text, opts?: CallOptions): Promise<string> {
      const route = '/api/v1/sessions/messageall';
      const { name, value } = pickOne(http, 'POST', route, scope, ['hubId', 'key'] as const);
      const message = checkMessage(http, 'POST', route, text);
      const body = await http.call({ method: 'POST', route, json: { [name]: value, message }, ...signalOf(opts) }, luaprotMessageSchema);
      return messageOf(body, 'Messaged the sessions.');
    },

    async disconnectAll(scope: LuaProtScope, opts?: CallOptions): Promise<string> {
      const route = '/api/v1/sessions/disconnectall';
      const { name, value } = pickOne(http, 'DELETE', route, scope, ['hubId', 'key'] as const);
      const body = await http.call({ method: 'DELETE', route, query: { [name]: value }, ...signalOf(opts) }, luaprotMessageSchema);
      return messageOf(body, 'Disconnected the sessions.');
    },

    async hubs(opts?: CallOptions): Promise<LuaProtHub[]> {
      const body = await http.call({ method: 'GET', route: '/api/v1/hubs/get', assumption: LUAPROT_HUBS_ROUTE, ...signalOf(opts) }, luaprotHubsSchema);
      const notes = new ReadNotes('luaprot');
      const hubs = toLuaProtHubs(body, notes);
      reportNotes(notes, opts?.onReadNotes);
      return hubs;
    },
  };
}
