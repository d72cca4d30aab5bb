import { z } from 'zod';
import type { MessageResult, Session } from '../../shared/model';
import type { LuaAuthProject, LuaAuthProjectExecutions, LuaAuthScript } from './types';

const ok = { success: z.literal(true) };

export const luaauthOkSchema = z.looseObject(ok);

/** Seed Session; roblox_id/place_id are JSON numbers, created_at epoch ms. */
export const luaauthSessionSchema = z.looseObject({
  id: z.string().min(1),
  user_key: z.string().optional(),
  script_id: z.string().optional(),
  roblox_id: z.number().optional(),
  place_id: z.number().optional(),
  job_id: z.string().optional(),
  created_at: z.number().nonnegative(),
});

export const luaauthSessionEnvelopeSchema = z.looseObject({ ...ok, session: luaauthSessionSchema });
export const luaauthSessionListSchema = z.looseObject({ ...ok, sessions: z.array(luaauthSessionSchema) });

const messageResultSchema = z.looseObject({
  processed: z.boolean(),
  response: z.unknown().optional(),
  reason: z.string().optional(),
});
export const luaauthMessageSchema = z.looseObject({ ...ok, ...messageResultSchema.shape });
export const luaauthBulkMessageSchema = z.looseObject({ ...ok, responses: z.array(messageResultSchema) });

export const luaauthScriptSchema = z.looseObject({
  id: z.string().min(1),
  project_id: z.string(),
  // Editing with name "" sets it to null (documented edit semantics), so null must be readable.
  name: z.string().nullable(),
  free_for_all: z.boolean(),
  use_heartbeat: z.boolean(),
  kick_outdated: z.boolean(),
  require_sessions: z.boolean(),
  enabled: z.boolean(),
  total_executions: z.number(),
  total_sessions: z.number(),
  total_instances: z.number(),
});
export const luaauthScriptEnvelopeSchema = z.looseObject({ ...ok, script: luaauthScriptSchema });

const dayCounts = z.record(z.string(), z.number());
export const luaauthExecutionsSchema = z.looseObject({ ...ok, executions: dayCounts });

export const luaauthProjectSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  total_executions: z.number(),
});
export const luaauthProjectEnvelopeSchema = z.looseObject({ ...ok, project: luaauthProjectSchema });
export const luaauthProjectExecutionsSchema = z.looseObject({ ...ok, executions: z.record(z.string(), dayCounts) });

export function toLuaAuthSession(raw: z.output<typeof luaauthSessionSchema>): Session {
  const session: Session = { provider: 'luaauth', id: raw.id, createdAt: raw.created_at, extra: { ...raw } };
  if (raw.user_key !== undefined) session.userKey = raw.user_key;
  if (raw.script_id !== undefined) session.scriptId = raw.script_id;
  if (raw.roblox_id !== undefined) session.robloxUserId = raw.roblox_id;
  if (raw.place_id !== undefined) session.placeId = String(raw.place_id);
  if (raw.job_id !== undefined) session.jobId = raw.job_id;
  return session;
}

export function toMessageResult(raw: z.output<typeof messageResultSchema>, sessionId?: string): MessageResult {
  const result: MessageResult = { processed: raw.processed };
  if (raw.processed && 'response' in raw) result.response = raw.response;
  if (raw.reason !== undefined) result.reason = raw.reason;
  // Items may name their session; otherwise the caller's order is the best we know.
  const own = [raw.session_id, raw.sessionId, raw.id].find((v): v is string => typeof v === 'string');
  const id = own ?? sessionId;
  if (id !== undefined) result.sessionId = id;
  return result;
}

export function toLuaAuthScript(raw: z.output<typeof luaauthScriptSchema>): LuaAuthScript {
  return {
    id: raw.id,
    projectId: raw.project_id,
    name: raw.name ?? '',
    freeForAll: raw.free_for_all,
    useHeartbeat: raw.use_heartbeat,
    kickOutdated: raw.kick_outdated,
    requireSessions: raw.require_sessions,
    enabled: raw.enabled,
    totalExecutions: raw.total_executions,
    totalSessions: raw.total_sessions,
    totalInstances: raw.total_instances,
    extra: { ...raw },
  };
}

export function toLuaAuthProject(raw: z.output<typeof luaauthProjectSchema>): LuaAuthProject {
  return { id: raw.id, name: raw.name, totalExecutions: raw.total_executions, extra: { ...raw } };
}

/**
 * Keys are "total" and "<script name> - <script id>". Names may themselves contain " - ",
 * ids are assumed not to, so split on the LAST separator. Keys without one are skipped.
 */
export function toProjectExecutions(executions: Record<string, Record<string, number>>): LuaAuthProjectExecutions {
  const result: LuaAuthProjectExecutions = { total: {}, scripts: [] };
  for (const [key, days] of Object.entries(executions)) {
    if (key === 'total') {
      result.total = { ...days };
      continue;
    }
    const at = key.lastIndexOf(' - ');
    if (at < 0) continue;
    const name = key.slice(0, at);
    const id = key.slice(at + 3);
    if (id === '') continue;
    result.scripts.push({ id, name, days: { ...days } });
  }
  return result;
}
