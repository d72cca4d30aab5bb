import { z } from 'zod';
import type { ReadNotes } from '../read-notes';

/**
 * What LuaAuth said about each session of a bulk disconnect.
 *
 * The seed documents only `{ "success": true }` for POST /sessions/disconnect: LuaAuth does not say
 * which sessions it disconnected (an unknown or already-gone id is not reported). So the app reports
 * "accepted, not confirmed per session" unless the answer carries per-session detail.
 * ASSUMPTIONS (not in the seed), read when present: `responses` (one item per id, in request order,
 * like bulk message), or `disconnected` / `failed` lists of ids (or of `{id, reason}`).
 */
export interface DisconnectOutcome {
  sessionId: string;
  /** true/false when LuaAuth said so for this session; null when it said nothing about it. */
  disconnected: boolean | null;
  reason?: string;
}

export const luaauthBulkDisconnectSchema = z.looseObject({
  success: z.literal(true),
  responses: z.unknown().optional(),
  disconnected: z.unknown().optional(),
  failed: z.unknown().optional(),
});

const record = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

function reasonOf(item: Record<string, unknown>): string | undefined {
  if (typeof item.reason === 'string') return item.reason;
  const error = record(item.error);
  if (typeof error?.message === 'string') return error.message;
  return typeof item.message === 'string' ? item.message : undefined;
}

/** `[id]` or `[{id|session_id, reason}]` → id → reason (or ''). */
function idList(value: unknown): Map<string, string> | undefined {
  if (!Array.isArray(value)) return undefined;
  const out = new Map<string, string>();
  for (const item of value) {
    if (typeof item === 'string') out.set(item, '');
    const obj = record(item);
    const id = obj && [obj.id, obj.session_id, obj.sessionId].find((v): v is string => typeof v === 'string');
    if (obj && id) out.set(id, reasonOf(obj) ?? '');
  }
  return out;
}

export function toDisconnectOutcomes(body: z.output<typeof luaauthBulkDisconnectSchema>, ids: string[], notes: ReadNotes): DisconnectOutcome[] {
  if (Array.isArray(body.responses) && body.responses.length === ids.length) {
    return ids.map((sessionId, i) => {
      const item = record(body.responses && (body.responses as unknown[])[i]);
      const said = item && [item.disconnected, item.success, item.processed].find((v): v is boolean => typeof v === 'boolean');
      if (said === undefined) notes.note('disconnect reply', 'lacked', 'disconnected');
      const reason = item ? reasonOf(item) : undefined;
      return { sessionId, disconnected: said ?? null, ...(reason !== undefined ? { reason } : {}) };
    });
  }
  const done = idList(body.disconnected);
  const failed = idList(body.failed);
  return ids.map((sessionId) => {
    if (failed?.has(sessionId)) {
      const reason = failed.get(sessionId);
      return { sessionId, disconnected: false, ...(reason ? { reason } : {}) };
    }
    if (done?.has(sessionId)) return { sessionId, disconnected: true };
    // A session absent from a `disconnected` list that was given was not disconnected.
    if (done) return { sessionId, disconnected: false };
    return { sessionId, disconnected: null };
  });
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The outcome in words for the window and the CLI; `count` only when LuaAuth confirmed some. */
export function describeDisconnects(outcomes: DisconnectOutcome[]): { message: string; count?: number } {
  const done = outcomes.filter((o) => o.disconnected === true);
  const failed = outcomes.filter((o) => o.disconnected === false);
  const unknown = outcomes.filter((o) => o.disconnected === null);
  if (done.length === 0 && failed.length === 0) {
    return {
      message: `LuaAuth accepted the disconnect of ${plural(unknown.length, 'session')}; it does not confirm each one (an id that was already gone is not reported).`,
    };
  }
  const parts = [`${plural(done.length, 'session')} disconnected`];
  if (failed.length > 0) {
    const shown = failed.slice(0, 3).map((o) => `${o.sessionId}${o.reason ? `: ${o.reason}` : ''}`);
    const more = failed.length > 3 ? ` and ${failed.length - 3} more` : '';
    parts.push(`${failed.length} not (${shown.join('; ')}${more})`);
  }
  if (unknown.length > 0) parts.push(`${unknown.length} not confirmed by LuaAuth`);
  return { message: `${parts.join(', ')}.`, count: done.length };
}
