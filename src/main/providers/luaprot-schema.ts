import { z } from 'zod';
import type { Session } from '../../shared/model';
import type { LuaProtHub, LuaProtKeyRecord } from './types';

/** LuaProt sends epoch seconds; 0 stands for "none" on key-record times. */
export const secondsToMs = (seconds: number): number => seconds * 1000;
const optionalSecondsToMs = (seconds: number | null | undefined): number | null =>
  seconds === null || seconds === undefined || seconds === 0 ? null : seconds * 1000;

const envelope = { success: z.literal(true), message: z.string().optional() };

export const luaprotSessionSchema = z.looseObject({
  id: z.string().min(1),
  robloxUsername: z.string(),
  robloxJobId: z.string().optional(),
  robloxUniverseId: z.string().optional(),
  created: z.number().nonnegative(),
  key: z.string().optional(),
});

export const luaprotSessionsSchema = z.looseObject({ ...envelope, sessions: z.array(luaprotSessionSchema) });

export const luaprotKeyRecordSchema = z.looseObject({
  hubId: z.string(),
  discordId: z.string().nullable().optional(),
  key: z.string(),
  expire: z.number().nonnegative().nullable().optional(),
  note: z.string().nullable().optional(),
  created: z.number().nonnegative().nullable().optional(),
  activated: z.boolean().optional(),
  hwid: z.string().nullable().optional(),
  executionCount: z.number().int().nonnegative().optional(),
  lastExecution: z.number().nonnegative().nullable().optional(),
  blacklisted: z.boolean().optional(),
  blacklistReason: z.string().nullable().optional(),
  discordData: z.looseObject({ username: z.string().nullable().optional() }).nullable().optional(),
});

export const luaprotSessionInfoSchema = z.looseObject({
  ...envelope,
  session: luaprotSessionSchema,
  key: luaprotKeyRecordSchema,
});

/** Success with only a human message (message, disconnect, messageall, disconnectall). */
export const luaprotMessageSchema = z.looseObject({ success: z.literal(true), message: z.string() });

/** GET /api/v1/hubs/get is inferred from third-party code: ids accepted as string or number. */
const idSchema = z.union([z.string().min(1), z.number()]).transform(String);
export const luaprotHubsSchema = z.looseObject({
  ...envelope,
  hubs: z.array(
    z.looseObject({
      id: idSchema,
      name: z.string(),
      scripts: z.array(z.looseObject({ id: idSchema, name: z.string() })).optional(),
    }),
  ),
});

export function toLuaProtSession(raw: z.output<typeof luaprotSessionSchema>): Session {
  const session: Session = {
    provider: 'luaprot',
    id: raw.id,
    username: raw.robloxUsername,
    createdAt: secondsToMs(raw.created),
    extra: { ...raw },
  };
  if (raw.robloxJobId !== undefined) session.jobId = raw.robloxJobId;
  if (raw.robloxUniverseId !== undefined) session.universeId = raw.robloxUniverseId;
  if (raw.key !== undefined) session.userKey = raw.key;
  return session;
}

export function toLuaProtKeyRecord(raw: z.output<typeof luaprotKeyRecordSchema>): LuaProtKeyRecord {
  const record: LuaProtKeyRecord = {
    hubId: raw.hubId,
    key: raw.key,
    expireAt: optionalSecondsToMs(raw.expire),
    createdAt: optionalSecondsToMs(raw.created),
    lastExecutionAt: optionalSecondsToMs(raw.lastExecution),
    extra: { ...raw },
  };
  if (raw.discordId !== undefined) record.discordId = raw.discordId;
  if (raw.note !== undefined) record.note = raw.note;
  if (raw.activated !== undefined) record.activated = raw.activated;
  if (raw.hwid !== undefined) record.hwid = raw.hwid;
  if (raw.blacklisted !== undefined) record.blacklisted = raw.blacklisted;
  if (raw.blacklistReason !== undefined) record.blacklistReason = raw.blacklistReason;
  if (raw.executionCount !== undefined) record.executionCount = raw.executionCount;
  if (raw.discordData !== undefined) record.discordUsername = raw.discordData?.username ?? null;
  return record;
}

export function toLuaProtHubs(body: z.output<typeof luaprotHubsSchema>): LuaProtHub[] {
  return body.hubs.map((hub) => ({
    id: hub.id,
    name: hub.name,
    scripts: (hub.scripts ?? []).map((s) => ({ id: s.id, name: s.name })),
  }));
}
