import { z } from 'zod';
import type { Session, SessionPage } from '../../../shared/model';
import { readItem } from '../item-fields';
import type { ReadNotes } from '../read-notes';
import type { JunkieLiveCounts, JunkieService } from '../types';

/*
 * Envelopes are checked strictly enough to know the answer is the one asked for (`counts` is an
 * object, `sessions` a list); everything inside is read liberally by item-fields.ts, with what was
 * missing or unreadable noted. Only an unusable envelope makes a response "malformed".
 */

/** Seed: GET /live-users → { counts: { scriptId: int }, total: int }. Values are read one by one. */
export const junkieLiveCountsSchema = z.looseObject({
  counts: z.record(z.string(), z.unknown()),
  total: z.unknown().optional(),
});

/** Seed: { sessions: LiveSession[], total, page, limit, totalPages }; only `sessions` is needed. */
export const junkieSessionPageSchema = z.looseObject({
  sessions: z.array(z.unknown()),
  total: z.unknown().optional(),
  page: z.unknown().optional(),
  limit: z.unknown().optional(),
  totalPages: z.unknown().optional(),
});

export const junkieServicesSchema = z.looseObject({ services: z.array(z.unknown()) });

/** Fields of a LiveSession; the seed types all of them, the OpenAPI marks none required. */
export function toJunkieSession(raw: unknown, scriptId: string | undefined, notes: ReadNotes): Session {
  const item = readItem(raw, 'session', notes);
  const session: Session = { provider: 'junkie', id: item.id('sessionId') ?? '', extra: { ...item.raw } };
  const username = item.text('robloxUsername');
  const jobId = item.text('robloxJobId');
  // The seed says string; a numeric placeId is the same place.
  const placeId = item.id('placeId');
  const hwid = item.text('hwid');
  const beatCount = item.count('beatCount');
  const created = item.number('created');
  const lastBeat = item.number('lastBeat');
  if (username !== undefined) session.username = username;
  if (jobId !== undefined) session.jobId = jobId;
  if (placeId !== undefined) session.placeId = placeId;
  if (hwid !== undefined) session.hwid = hwid;
  if (beatCount !== undefined) session.beatCount = beatCount;
  if (created !== undefined) session.createdAt = created;
  if (lastBeat !== undefined) session.lastBeatAt = lastBeat;
  // The list is per script, so the script is known even though items don't repeat it.
  if (scriptId !== undefined) session.scriptId = scriptId;
  return session;
}

export function toJunkieCounts(body: z.output<typeof junkieLiveCountsSchema>, notes: ReadNotes): JunkieLiveCounts {
  const counts: Record<string, number> = {};
  for (const [scriptId, value] of Object.entries(body.counts)) {
    const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
    // An unreadable count is left out (the poller reads a missing script as 0) and noted.
    if (typeof n === 'number' && Number.isInteger(n) && n >= 0) counts[scriptId] = n;
    else notes.note('script', value === null ? 'lacked' : 'unreadable', 'count');
  }
  const envelope = readItem(body, 'live count answer', notes);
  const sum = Object.values(counts).reduce((a, b) => a + b, 0);
  return { counts, total: envelope.count('total') ?? sum };
}

export function toJunkiePage(
  body: z.output<typeof junkieSessionPageSchema>,
  scriptId: string,
  notes: ReadNotes,
  asked: { page?: number; limit?: number } = {},
): SessionPage {
  const envelope = readItem(body, 'session page', notes, new Set(['totalPages']));
  const page: SessionPage = { sessions: body.sessions.map((s) => toJunkieSession(s, scriptId, notes)) };
  const total = envelope.count('total');
  // Missing paging facts fall back to what was asked (the seed's defaults: page 1, limit 20).
  const pageNo = envelope.count('page') ?? asked.page ?? 1;
  const limit = envelope.count('limit') ?? asked.limit ?? 20;
  const totalPages = envelope.count('totalPages');
  if (total !== undefined) page.total = total;
  page.page = pageNo;
  page.limit = limit;
  if (totalPages !== undefined) page.totalPages = totalPages;
  else if (total !== undefined && limit > 0) page.totalPages = Math.ceil(total / limit);
  return page;
}

export function toJunkieService(raw: unknown, notes: ReadNotes): JunkieService {
  // `description` is documented as string or null.
  const item = readItem(raw, 'service', notes, new Set(['description']));
  const id = item.count('id') ?? null;
  return { id, name: item.text('name') ?? `Service ${id ?? '?'}`, description: item.text('description') ?? null, extra: { ...item.raw } };
}
