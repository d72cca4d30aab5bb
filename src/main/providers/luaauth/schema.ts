import { z } from 'zod';
import type { MessageResult, Session } from '../../../shared/model';
import { readItem } from '../item-fields';
import type { ReadNotes } from '../read-notes';
import type { LuaAuthProject, LuaAuthProjectExecutions, LuaAuthScript } from '../types';

/*
 * Envelopes: `success: true` and the payload key of the right shape. Items inside are read
 * liberally (item-fields.ts): a `roblox_id` sent as a string, a script without `total_instances`,
 * one odd session in a page, are read with what is known and noted, never a failed call.
 */
const ok = { success: z.literal(true) };

export const luaauthOkSchema = z.looseObject(ok);

export const luaauthSessionEnvelopeSchema = z.looseObject({ ...ok, session: z.unknown() });
export const luaauthSessionListSchema = z.looseObject({ ...ok, sessions: z.array(z.unknown()) });

/** processed is the one thing a message answer must say; the rest is read when present. */
const messageResultSchema = z.looseObject({
  processed: z.boolean(),
  response: z.unknown().optional(),
  reason: z.unknown().optional(),
});
export const luaauthMessageSchema = z.looseObject({ ...ok, ...messageResultSchema.shape });
/** Bulk answers: one item per session; an item that cannot be read is reported as unknown, not a failed call. */
export const luaauthBulkMessageSchema = z.looseObject({ ...ok, responses: z.array(z.unknown()) });

export const luaauthScriptEnvelopeSchema = z.looseObject({ ...ok, script: z.unknown() });

const dayCounts = z.record(z.string(), z.unknown());
export const luaauthExecutionsSchema = z.looseObject({ ...ok, executions: dayCounts });

export const luaauthProjectEnvelopeSchema = z.looseObject({ ...ok, project: z.unknown() });
export const luaauthProjectExecutionsSchema = z.looseObject({ ...ok, executions: z.record(z.string(), z.unknown()) });

/** The session fields toLuaAuthSession notes when missing (the count path checks just these). */
export const LUAAUTH_SESSION_NOTED_FIELDS = ['id', 'user_key', 'script_id', 'roblox_id', 'place_id', 'job_id', 'created_at'] as const;

export function toLuaAuthSession(raw: unknown, notes: ReadNotes): Session {
  const item = readItem(raw, 'session', notes);
  const session: Session = { provider: 'luaauth', id: item.id('id') ?? '', extra: { ...item.raw } };
  const userKey = item.text('user_key');
  const scriptId = item.id('script_id');
  // Documented as numbers in the body but as strings in the filter query: both are read, as digits.
  const robloxId = item.id('roblox_id');
  const placeId = item.id('place_id');
  const jobId = item.text('job_id');
  const created = item.number('created_at');
  if (userKey !== undefined) session.userKey = userKey;
  if (scriptId !== undefined) session.scriptId = scriptId;
  if (robloxId !== undefined) session.robloxUserId = robloxId;
  if (placeId !== undefined) session.placeId = placeId;
  if (jobId !== undefined) session.jobId = jobId;
  if (created !== undefined) session.createdAt = created;
  return session;
}

/** One processed/response or processed/reason answer; `sessionId` is the caller's when items name none. */
export function toMessageResult(raw: unknown, sessionId: string | undefined, notes?: ReadNotes): MessageResult {
  const parsed = messageResultSchema.safeParse(raw);
  const obj = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  // Items may name their session; otherwise the caller's order is the best we know.
  const own = [obj.session_id, obj.sessionId, obj.id].find((v): v is string => typeof v === 'string');
  const id = own ?? sessionId;
  if (!parsed.success) {
    notes?.note('reply', 'lacked', 'processed');
    const result: MessageResult = { processed: false, reason: 'LuaAuth sent no readable answer for this session' };
    if (id !== undefined) result.sessionId = id;
    return result;
  }
  const result: MessageResult = { processed: parsed.data.processed };
  if (parsed.data.processed && 'response' in parsed.data) result.response = parsed.data.response;
  if (typeof parsed.data.reason === 'string') result.reason = parsed.data.reason;
  if (id !== undefined) result.sessionId = id;
  return result;
}

export function toLuaAuthScript(raw: unknown, notes: ReadNotes): LuaAuthScript {
  // Editing with name "" sets it to null (documented edit semantics), so a null name is expected.
  const item = readItem(raw, 'script', notes, new Set(['name']));
  return {
    id: item.id('id') ?? '',
    projectId: item.id('project_id') ?? null,
    name: item.text('name') ?? '',
    freeForAll: item.flag('free_for_all') ?? null,
    useHeartbeat: item.flag('use_heartbeat') ?? null,
    kickOutdated: item.flag('kick_outdated') ?? null,
    requireSessions: item.flag('require_sessions') ?? null,
    enabled: item.flag('enabled') ?? null,
    totalExecutions: item.count('total_executions') ?? null,
    totalSessions: item.count('total_sessions') ?? null,
    totalInstances: item.count('total_instances') ?? null,
    extra: { ...item.raw },
  };
}

export function toLuaAuthProject(raw: unknown, notes: ReadNotes): LuaAuthProject {
  const item = readItem(raw, 'project', notes);
  return { id: item.id('id') ?? '', name: item.text('name') ?? '', totalExecutions: item.count('total_executions') ?? null, extra: { ...item.raw } };
}

/** Day keys to counts; a day whose count cannot be read is left out and noted. */
export function toDayCounts(days: unknown, notes: ReadNotes): Record<string, number> {
  const out: Record<string, number> = {};
  if (typeof days !== 'object' || days === null || Array.isArray(days)) {
    notes.note('execution series', 'unreadable', '');
    return out;
  }
  for (const [day, value] of Object.entries(days)) {
    const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
    if (typeof n === 'number' && Number.isFinite(n)) out[day] = n;
    else notes.note('execution day', value === null ? 'lacked' : 'unreadable', 'count');
  }
  return out;
}

/**
 * Keys are "total" and "<script name> - <script id>". Names may themselves contain " - ",
 * ids are assumed not to, so split on the LAST separator. Keys without one are skipped.
 */
export function toProjectExecutions(executions: Record<string, unknown>, notes: ReadNotes): LuaAuthProjectExecutions {
  const result: LuaAuthProjectExecutions = { total: {}, scripts: [] };
  for (const [key, days] of Object.entries(executions)) {
    if (key === 'total') {
      result.total = toDayCounts(days, notes);
      continue;
    }
    const at = key.lastIndexOf(' - ');
    if (at < 0) continue;
    const name = key.slice(0, at);
    const id = key.slice(at + 3);
    if (id === '') continue;
    result.scripts.push({ id, name, days: toDayCounts(days, notes) });
  }
  return result;
}
