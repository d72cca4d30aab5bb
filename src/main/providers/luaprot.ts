import { z } from 'zod';
import type { Session } from '../../shared/model';
import { classifyLuaProt } from './error-mapping';
import { createProviderHttp, type HttpMethod, type ProviderHttp } from './http';
import {
  luaprotHubsSchema,
  luaprotMessageSchema,
  luaprotSessionInfoSchema,
  luaprotSessionsSchema,
  toLuaProtHubs,
  toLuaProtKeyRecord,
  toLuaProtSession,
} from './luaprot-schema';
import type { CallOptions, ClientOptions, LuaProtClient, LuaProtHub, LuaProtKeyRecord, LuaProtScope } from './types';

export const LUAPROT_MESSAGE_MAX = 100;

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
  if (typeof text !== 'string') throw http.refuse(method, route, 'The message must be text.');
  // Counted as JavaScript does (UTF-16 units), the conservative reading of "1..100 characters".
  if (text.length === 0) throw http.refuse(method, route, 'The message is empty; LuaProt needs 1 to 100 characters.');
  if (text.length > LUAPROT_MESSAGE_MAX) {
    throw http.refuse(
      method,
      route,
      `The message has ${text.length} characters; LuaProt accepts at most ${LUAPROT_MESSAGE_MAX}. Shorten it by ${text.length - LUAPROT_MESSAGE_MAX}.`,
    );
  }
  return text;
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
      return body.sessions.map(toLuaProtSession);
    },

    async sessionCount(scope, withIds, opts?: CallOptions): Promise<{ count: number; ids: string[] | null }> {
      const route = '/api/v1/sessions/get';
      const { name, value } = pickOne(http, 'GET', route, scope, ['hubId', 'key'] as const);
      const { sessions } = await http.call({ method: 'GET', route, query: { [name]: value }, ...signalOf(opts) }, luaprotSessionCountSchema);
      if (!withIds) return { count: sessions.length, ids: null };
      // A session without a usable id cannot be matched across targets: it counts as its own.
      const ids = sessions.map((s, i) => {
        const id = (s as { id?: unknown } | null)?.id;
        return typeof id === 'string' && id !== '' ? id : `${name}:${value}#${i}`;
      });
      return { count: sessions.length, ids };
    },

    async sessionInfo(sessionId, opts?: CallOptions): Promise<{ session: Session; key: LuaProtKeyRecord }> {
      const body = await http.call(
        { method: 'GET', route: '/api/v1/sessions/{id}/info', params: { id: sessionId }, ...signalOf(opts) },
        luaprotSessionInfoSchema,
      );
      return { session: toLuaProtSession(body.session), key: toLuaProtKeyRecord(body.key) };
    },

    async message(sessionId, text, opts?: CallOptions): Promise<string> {
      const route = '/api/v1/sessions/message/{id}';
      const message = checkMessage(http, 'POST', route, text);
      const body = await http.call(
        { method: 'POST', route, params: { id: sessionId }, json: { message }, ...signalOf(opts) },
        luaprotMessageSchema,
      );
      return body.message;
    },

    async disconnect(sessionId, opts?: CallOptions): Promise<string> {
      const body = await http.call(
        { method: 'DELETE', route: '/api/v1/sessions/disconnect/{id}', params: { id: sessionId }, ...signalOf(opts) },
        luaprotMessageSchema,
      );
      return body.message;
    },

    async messageAll(scope: LuaProtScope, text, opts?: CallOptions): Promise<string> {
      const route = '/api/v1/sessions/messageall';
      const { name, value } = pickOne(http, 'POST', route, scope, ['hubId', 'key'] as const);
      const message = checkMessage(http, 'POST', route, text);
      const body = await http.call({ method: 'POST', route, json: { [name]: value, message }, ...signalOf(opts) }, luaprotMessageSchema);
      return body.message;
    },

    async disconnectAll(scope: LuaProtScope, opts?: CallOptions): Promise<string> {
      const route = '/api/v1/sessions/disconnectall';
      const { name, value } = pickOne(http, 'DELETE', route, scope, ['hubId', 'key'] as const);
      const body = await http.call({ method: 'DELETE', route, query: { [name]: value }, ...signalOf(opts) }, luaprotMessageSchema);
      return body.message;
    },

    async hubs(opts?: CallOptions): Promise<LuaProtHub[]> {
      const body = await http.call({ method: 'GET', route: '/api/v1/hubs/get', ...signalOf(opts) }, luaprotHubsSchema);
      return toLuaProtHubs(body);
    },
  };
}
