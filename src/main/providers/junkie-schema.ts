import { z } from 'zod';
import type { Session, SessionPage } from '../../shared/model';
import type { JunkieLiveCounts, JunkieService } from './types';

/** Seed: GET /live-users → { counts: { scriptId: int }, total: int }. */
export const junkieLiveCountsSchema = z.looseObject({
  counts: z.record(z.string(), z.number().int().nonnegative()),
  total: z.number().int().nonnegative(),
});

/** Seed LiveSession; created/lastBeat are epoch ms. Unknown fields pass through to `extra`. */
export const junkieSessionSchema = z.looseObject({
  sessionId: z.string().min(1),
  robloxUsername: z.string(),
  robloxJobId: z.string().optional(),
  placeId: z.string().optional(),
  hwid: z.string().optional(),
  beatCount: z.number().int().nonnegative().optional(),
  created: z.number().int().nonnegative(),
  lastBeat: z.number().int().nonnegative().optional(),
});

export const junkieSessionPageSchema = z.looseObject({
  sessions: z.array(junkieSessionSchema),
  total: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  limit: z.number().int().positive(),
  totalPages: z.number().int().nonnegative().optional(),
});

export const junkieServiceSchema = z.looseObject({
  id: z.number().int(),
  name: z.string(),
  description: z.string().nullable().optional(),
});

export const junkieServicesSchema = z.looseObject({ services: z.array(junkieServiceSchema) });

export function toJunkieCounts(body: z.output<typeof junkieLiveCountsSchema>): JunkieLiveCounts {
  return { counts: { ...body.counts }, total: body.total };
}

export function toJunkieSession(raw: z.output<typeof junkieSessionSchema>, scriptId?: string): Session {
  const session: Session = {
    provider: 'junkie',
    id: raw.sessionId,
    username: raw.robloxUsername,
    createdAt: raw.created,
    extra: { ...raw },
  };
  if (raw.robloxJobId !== undefined) session.jobId = raw.robloxJobId;
  if (raw.placeId !== undefined) session.placeId = raw.placeId;
  if (raw.hwid !== undefined) session.hwid = raw.hwid;
  if (raw.beatCount !== undefined) session.beatCount = raw.beatCount;
  if (raw.lastBeat !== undefined) session.lastBeatAt = raw.lastBeat;
  // The list is per script, so the script is known even though items don't repeat it.
  if (scriptId !== undefined) session.scriptId = scriptId;
  return session;
}

export function toJunkiePage(body: z.output<typeof junkieSessionPageSchema>, scriptId: string): SessionPage {
  return {
    sessions: body.sessions.map((s) => toJunkieSession(s, scriptId)),
    total: body.total,
    page: body.page,
    limit: body.limit,
    totalPages: body.totalPages ?? Math.ceil(body.total / body.limit),
  };
}

export function toJunkieService(raw: z.output<typeof junkieServiceSchema>): JunkieService {
  return { id: raw.id, name: raw.name, description: raw.description ?? null, extra: { ...raw } };
}
