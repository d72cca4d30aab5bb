import { z } from 'zod';
import type { MessageResult, Session, SessionPage } from '../../../shared/model';
import { classifyLuaAuth } from './errors';
import { createProviderHttp, type HttpMethod, type ProviderHttp } from '../http';
import { jsonProblem } from '../json-text';
import { notePresence } from '../item-fields';
import {
  LUAAUTH_SESSION_NOTED_FIELDS,
  luaauthBulkMessageSchema,
  luaauthExecutionsSchema,
  luaauthMessageSchema,
  luaauthOkSchema,
  luaauthProjectEnvelopeSchema,
  luaauthProjectExecutionsSchema,
  luaauthScriptEnvelopeSchema,
  luaauthSessionEnvelopeSchema,
  luaauthSessionListSchema,
  toLuaAuthProject,
  toLuaAuthScript,
  toLuaAuthSession,
  toMessageResult,
  toDayCounts,
  toProjectExecutions,
} from './schema';
import { ReadNotes, reportNotes } from '../read-notes';
import { routeProblem } from '../../../shared/provider-assumptions';
import { LUAAUTH_BULK_MESSAGE_ROUTE, LUAAUTH_PROJECT_ROUTES, luaauthBulkMessageRoute } from './assumptions';
import { invalidInput } from '../errors';
import { luaauthBulkDisconnectSchema, toDisconnectOutcomes, type DisconnectOutcome } from './bulk';
import type {
  CallOptions,
  ClientOptions,
  LuaAuthClient,
  LuaAuthProject,
  LuaAuthProjectExecutions,
  LuaAuthScript,
  LuaAuthScriptEdit,
  LuaAuthSessionFilter,
} from '../types';

/**
 * The count path's view of a session page: the envelope and a list, nothing of the items themselves
 * (no per-session validation, normalization or copy; an odd session still counts as one).
 */
const luaauthSessionCountSchema = z.looseObject({
  success: z.literal(true),
  sessions: z.custom<unknown[]>((v) => Array.isArray(v), { message: 'sessions must be a list' }),
});

const EDIT_FIELDS = ['name', 'free_for_all', 'use_heartbeat', 'kick_outdated', 'require_sessions'] as const;

const signalOf = (opts?: CallOptions): { signal?: AbortSignal } => (opts?.signal ? { signal: opts.signal } : {});

function checkCommand(http: ProviderHttp, route: string, key: unknown, data: unknown): void {
  if (typeof key !== 'string' || key.trim() === '') {
    throw http.refuse('POST', route, 'The command key is empty; give the name the script registered with la_handle.');
  }
  if (data !== undefined) {
    const problem = jsonProblem(data);
    if (problem) throw http.refuse('POST', route, `The data cannot be sent as JSON: ${problem}.`);
  }
}

function checkIds(http: ProviderHttp, route: string, ids: unknown): string[] {
  if (!Array.isArray(ids) || ids.length === 0) {
    throw http.refuse('POST', route, 'No session ids were given; select at least one session.');
  }
  ids.forEach((id, i) => {
    if (typeof id !== 'string' || id.trim() === '') throw http.refuse('POST', route, `Session id #${i + 1} is empty; remove it or fill it in.`);
  });
  return ids as string[];
}

function checkWindow(http: ProviderHttp, method: HttpMethod, route: string, from: unknown, limit: unknown, required: boolean): void {
  if (from !== undefined || required) {
    if (typeof from !== 'number' || !Number.isInteger(from) || from < 0) {
      throw http.refuse(method, route, `from must be a whole number of 0 or more (got ${String(from)}).`);
    }
  }
  if (limit !== undefined || required) {
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) {
      throw http.refuse(method, route, `limit must be a whole number of at least 1 (got ${String(limit)}).`);
    }
  }
}

/** LuaAuth: sessions, scripts and projects. Success is read from `success`, never from the status. */
export function createLuaAuthClient(options: ClientOptions): LuaAuthClient {
  const http = createProviderHttp('luaauth', options, { classify: classifyLuaAuth, lenientJson: true });
  // ASSUMPTION (named in luaauth/assumptions.ts): the seed's bulk-message route is a slip; the account may override it.
  const bulkMessageRoute = options.bulkMessageRoute ?? LUAAUTH_BULK_MESSAGE_ROUTE;
  const routeRefused = routeProblem(bulkMessageRoute);
  if (routeRefused) throw invalidInput('luaauth', 'bulk message route', routeRefused);

  /** Runs `read` with a fresh tally and hands the tally to the caller's listener. */
  const reading = <T>(opts: CallOptions | undefined, read: (notes: ReadNotes) => T): T => {
    const notes = new ReadNotes('luaauth');
    const value = read(notes);
    reportNotes(notes, opts?.onReadNotes);
    return value;
  };

  /** One page of POST /scripts/:id/sessions, read with `schema` (whole sessions, or just the list). */
  const sessionsPage = async <S extends z.ZodType>(scriptId: string, page: { from: number; limit: number }, schema: S, opts?: CallOptions): Promise<z.output<S>> => {
    const route = '/scripts/{id}/sessions';
    checkWindow(http, 'POST', route, page?.from, page?.limit, true);
    const { from, limit } = page;
    return http.call({ method: 'POST', route, params: { id: scriptId }, json: { from, limit }, ...signalOf(opts) }, schema);
  };

  const ok = async (method: 'POST', route: string, id: string, json: unknown, opts?: CallOptions): Promise<void> => {
    await http.call({ method, route, params: { id }, ...(json !== undefined ? { json } : {}), ...signalOf(opts) }, luaauthOkSchema);
  };

  return {
    provider: 'luaauth',

    async session(sessionId, opts): Promise<Session> {
      const body = await http.call(
        { method: 'GET', route: '/sessions/{id}', params: { id: sessionId }, ...signalOf(opts) },
        luaauthSessionEnvelopeSchema,
      );
      return reading(opts, (notes) => toLuaAuthSession(body.session, notes));
    },

    async message(sessionId, key, data, opts): Promise<MessageResult> {
      const route = '/sessions/{id}/message';
      checkCommand(http, route, key, data);
      const body = await http.call(
        {
          method: 'POST',
          route,
          params: { id: sessionId },
          json: data === undefined ? { key } : { key, data },
          long: true,
          ...signalOf(opts),
        },
        luaauthMessageSchema,
      );
      return toMessageResult(body, sessionId);
    },

    async disconnect(sessionId, opts): Promise<void> {
      await ok('POST', '/sessions/{id}/disconnect', sessionId, undefined, opts);
    },

    async messageMany(sessionIds, key, data, opts): Promise<MessageResult[]> {
      const route = bulkMessageRoute;
      const ids = checkIds(http, route, sessionIds);
      checkCommand(http, route, key, data);
      const body = await http.call(
        {
          method: 'POST',
          route,
          json: data === undefined ? { session_ids: ids, key } : { session_ids: ids, key, data },
          long: true,
          assumption: luaauthBulkMessageRoute(route),
          ...signalOf(opts),
        },
        luaauthBulkMessageSchema,
      );
      // Items carry no session id in the seed; when counts match, assume request order.
      const sameLength = body.responses.length === ids.length;
      return reading(opts, (notes) => body.responses.map((item, i) => toMessageResult(item, sameLength ? ids[i] : undefined, notes)));
    },

    async disconnectMany(sessionIds, opts): Promise<DisconnectOutcome[]> {
      const route = '/sessions/disconnect';
      const ids = checkIds(http, route, sessionIds);
      const body = await http.call({ method: 'POST', route, json: { session_ids: ids }, ...signalOf(opts) }, luaauthBulkDisconnectSchema);
      return reading(opts, (notes) => toDisconnectOutcomes(body, ids, notes));
    },

    async script(scriptId, opts): Promise<LuaAuthScript> {
      const body = await http.call(
        { method: 'GET', route: '/scripts/{id}', params: { id: scriptId }, ...signalOf(opts) },
        luaauthScriptEnvelopeSchema,
      );
      return reading(opts, (notes) => toLuaAuthScript(body.script, notes));
    },

    async executions(scriptId, opts): Promise<Record<string, number>> {
      const body = await http.call(
        { method: 'GET', route: '/scripts/{id}/executions', params: { id: scriptId }, ...signalOf(opts) },
        luaauthExecutionsSchema,
      );
      return reading(opts, (notes) => toDayCounts(body.executions, notes));
    },

    async edit(scriptId, patch: LuaAuthScriptEdit, opts): Promise<void> {
      // Only the fields given: an omitted field is left unchanged by LuaAuth, so nothing is filled in.
      const body: Record<string, unknown> = {};
      for (const field of EDIT_FIELDS) {
        const value = patch?.[field];
        if (value !== undefined) body[field] = value;
      }
      await ok('POST', '/scripts/{id}/edit', scriptId, body, opts);
    },

    async toggle(scriptId, enabled, opts): Promise<void> {
      if (typeof enabled !== 'boolean') throw http.refuse('POST', '/scripts/{id}/toggle', 'The new state must be true (on) or false (off).');
      await ok('POST', '/scripts/{id}/toggle', scriptId, { state: enabled }, opts);
    },

    async update(scriptId, source, opts): Promise<void> {
      if (typeof source !== 'string' || source.length === 0) {
        throw http.refuse('POST', '/scripts/{id}/update', 'The script source is empty; give the new source code.');
      }
      await ok('POST', '/scripts/{id}/update', scriptId, { script: source }, opts);
    },

    async remove(scriptId, opts): Promise<void> {
      await ok('POST', '/scripts/{id}/remove', scriptId, undefined, opts);
    },

    async sessions(scriptId, page, opts): Promise<SessionPage> {
      const { from, limit } = page;
      const body = await sessionsPage(scriptId, page, luaauthSessionListSchema, opts);
      const sessions = reading(opts, (notes) => body.sessions.map((s) => toLuaAuthSession(s, notes)));
      // No total is given: a full page means another may follow.
      return { sessions, from, limit, hasMore: sessions.length >= limit };
    },

    async sessionCount(scriptId, page, opts): Promise<number> {
      // The same page as `sessions`, read only for its length (no normalization) and what it lacks.
      const body = await sessionsPage(scriptId, page, luaauthSessionCountSchema, opts);
      if (opts?.onReadNotes) reading(opts, (notes) => notePresence(body.sessions, 'session', LUAAUTH_SESSION_NOTED_FIELDS, notes));
      return body.sessions.length;
    },

    async filterSessions(scriptId, filter: LuaAuthSessionFilter, opts): Promise<SessionPage> {
      const route = '/scripts/{id}/sessions/filter';
      const { from, limit, key, roblox_id, place_id, job_id } = filter ?? {};
      checkWindow(http, 'GET', route, from, limit, false);
      const text = (v: string | undefined): string | undefined => (v === undefined || v === '' ? undefined : v);
      const body = await http.call(
        {
          method: 'GET',
          route,
          params: { id: scriptId },
          query: { from, limit, key: text(key), roblox_id: text(roblox_id), place_id: text(place_id), job_id: text(job_id) },
          ...signalOf(opts),
        },
        luaauthSessionListSchema,
      );
      const sessions = reading(opts, (notes) => body.sessions.map((s) => toLuaAuthSession(s, notes)));
      const page: SessionPage = { sessions };
      if (from !== undefined) page.from = from;
      if (limit !== undefined) {
        page.limit = limit;
        page.hasMore = sessions.length >= limit;
      }
      return page;
    },

    async project(projectId, opts): Promise<LuaAuthProject> {
      const body = await http.call(
        { method: 'GET', route: '/projects/{id}', params: { id: projectId }, assumption: LUAAUTH_PROJECT_ROUTES, ...signalOf(opts) },
        luaauthProjectEnvelopeSchema,
      );
      return reading(opts, (notes) => toLuaAuthProject(body.project, notes));
    },

    async projectExecutions(projectId, opts): Promise<LuaAuthProjectExecutions> {
      const body = await http.call(
        { method: 'GET', route: '/projects/{id}/executions', params: { id: projectId }, assumption: LUAAUTH_PROJECT_ROUTES, ...signalOf(opts) },
        luaauthProjectExecutionsSchema,
      );
      return reading(opts, (notes) => toProjectExecutions(body.executions, notes));
    },
  };
}
