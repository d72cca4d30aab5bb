import { z } from 'zod';
import type { Session } from '../../../shared/model';
import { readItem } from '../item-fields';
import type { ReadNotes } from '../read-notes';
import type { LuaProtHub, LuaProtKeyRecord } from '../types';

/** LuaProt sends epoch seconds; 0 stands for "none" on key-record times. */
export const secondsToMs = (seconds: number): number => seconds * 1000;
const optionalSecondsToMs = (seconds: number | undefined): number | null =>
  seconds === undefined || seconds === 0 ? null : seconds * 1000;

/*
 * Envelopes: `success: true` and the payload key of the right shape. Items inside are read
 * liberally (item-fields.ts): one odd session never fails a count or a list.
 */
const envelope = { success: z.literal(true), message: z.unknown().optional() };

export const luaprotSessionsSchema = z.looseObject({ ...envelope, sessions: z.array(z.unknown()) });

export const luaprotSessionInfoSchema = z.looseObject({
  ...envelope,
  session: z.unknown(),
  key: z.unknown().optional(),
});

/** Success with only a human message (message, disconnect, messageall, disconnectall). */
export const luaprotMessageSchema = z.looseObject({ success: z.literal(true), message: z.unknown().optional() });

/** The provider's words of a success answer, or ours when it sent none. */
export const messageOf = (body: { message?: unknown }, fallback: string): string =>
  typeof body.message === 'string' && body.message !== '' ? body.message : fallback;

/** GET /api/v1/hubs/get is inferred from third-party code; its items are read like any other. */
export const luaprotHubsSchema = z.looseObject({ ...envelope, hubs: z.array(z.unknown()) });

/** `key` is only in session info (not in the list item), so its absence from a list is not noted. */
const SESSION_QUIET = new Set(['key']);

/** The session fields toLuaProtSession notes when missing (the count path checks just these). */
export const LUAPROT_SESSION_NOTED_FIELDS = ['id', 'robloxUsername', 'robloxJobId', 'robloxUniverseId', 'created'] as const;

export function toLuaProtSession(raw: unknown, notes: ReadNotes): Session {
  const item = readItem(raw, 'session', notes, SESSION_QUIET);
  const session: Session = { provider: 'luaprot', id: item.id('id') ?? '', extra: { ...item.raw } };
  const username = item.text('robloxUsername');
  const jobId = item.text('robloxJobId');
  const universeId = item.id('robloxUniverseId');
  const created = item.number('created');
  const key = item.text('key');
  if (username !== undefined) session.username = username;
  if (jobId !== undefined) session.jobId = jobId;
  if (universeId !== undefined) session.universeId = universeId;
  if (created !== undefined) session.createdAt = secondsToMs(created);
  if (key !== undefined) session.userKey = key;
  return session;
}

/** The seed's example has null for these; the keys docs say `advertiseId` may be null too. */
const KEY_RECORD_QUIET = new Set(['blacklistReason', 'limitedScripts', 'advertiseId', 'note', 'discordId', 'discordData', 'hwid']);

export function toLuaProtKeyRecord(raw: unknown, notes: ReadNotes): LuaProtKeyRecord {
  const item = readItem(raw, 'key record', notes, KEY_RECORD_QUIET);
  const record: LuaProtKeyRecord = {
    hubId: item.id('hubId') ?? '',
    key: item.text('key') ?? '',
    expireAt: optionalSecondsToMs(item.number('expire')),
    createdAt: optionalSecondsToMs(item.number('created')),
    lastExecutionAt: optionalSecondsToMs(item.number('lastExecution')),
    extra: { ...item.raw },
  };
  const discordId = item.id('discordId');
  const note = item.text('note');
  const activated = item.flag('activated');
  const hwid = item.text('hwid');
  const blacklisted = item.flag('blacklisted');
  const blacklistReason = item.text('blacklistReason');
  const executionCount = item.count('executionCount');
  if ('discordId' in item.raw) record.discordId = discordId ?? null;
  if ('note' in item.raw) record.note = note ?? null;
  if (activated !== undefined) record.activated = activated;
  if ('hwid' in item.raw) record.hwid = hwid ?? null;
  if (blacklisted !== undefined) record.blacklisted = blacklisted;
  if ('blacklistReason' in item.raw) record.blacklistReason = blacklistReason ?? null;
  if (executionCount !== undefined) record.executionCount = executionCount;
  if ('discordData' in item.raw) {
    const discord = readItem(item.raw.discordData ?? {}, 'discord profile', notes, new Set(['username']));
    record.discordUsername = discord.text('username') ?? null;
  }
  return record;
}

export function toLuaProtHubs(body: z.output<typeof luaprotHubsSchema>, notes: ReadNotes): LuaProtHub[] {
  const hubs = body.hubs.map((raw) => {
    const hub = readItem(raw, 'hub', notes, new Set(['scripts']));
    const id = hub.id('id') ?? '';
    const scripts = Array.isArray(hub.raw.scripts) ? hub.raw.scripts : [];
    return {
      id,
      name: hub.text('name') ?? '',
      scripts: scripts.map((s) => {
        const script = readItem(s, 'hub script', notes);
        return { id: script.id('id') ?? '', name: script.text('name') ?? '' };
      }).filter((s) => s.id !== ''),
    };
  });
  // A hub or script without an id cannot be watched; it was noted above.
  return hubs.filter((h) => h.id !== '');
}
