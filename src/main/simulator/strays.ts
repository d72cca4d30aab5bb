import type { ProviderId } from '../../shared/model';
import { json, type Reply } from './reply';

/**
 * Ways the simulator can stray from the provider docs the way real providers do (issue 9 item 7),
 * so the app is tested against answers its authors did not write. Off by default; switched per
 * provider through POST /__control/stray and `npm run simulator -- --stray MODE[,MODE]`.
 *
 * - null_fields / missing_fields: fields the docs don't promise are null / absent on every other
 *   item (the first, third, …) and on single objects;
 * - other_types: numbers arrive as numeric strings and all-digit ids as JSON numbers (LuaProt's
 *   20-digit ids as bare literals a double cannot hold);
 * - extra_fields: unknown fields on every item and envelope;
 * - forbidden_wording: every request is refused with a 403 in words the client does not expect;
 * - ip_not_whitelisted: LuaProt refuses this machine's address (its documented IP whitelist);
 * - invalid_return_data: LuaAuth game clients answer messages with "invalid return data".
 * - empty_as_error: LuaProt answers an empty session list the way its bulk routes answer an empty
 *   scope — 400 "No active sessions found." — instead of an empty list (the seed shows that answer
 *   only for messageall/disconnectall; the app reads it as zero wherever it comes).
 */
export const STRAY_MODES = [
  'null_fields',
  'missing_fields',
  'other_types',
  'extra_fields',
  'forbidden_wording',
  'ip_not_whitelisted',
  'invalid_return_data',
  'empty_as_error',
] as const;
export type StrayMode = (typeof STRAY_MODES)[number];

export const isStrayMode = (v: unknown): v is StrayMode => typeof v === 'string' && (STRAY_MODES as readonly string[]).includes(v);

/** The modes in force, per provider. */
export class StrayBoard {
  private readonly modes = new Map<ProviderId, Set<StrayMode>>();

  set(provider: ProviderId, modes: readonly StrayMode[]): void {
    this.modes.set(provider, new Set(modes));
  }

  has(provider: ProviderId, mode: StrayMode): boolean {
    return this.modes.get(provider)?.has(mode) ?? false;
  }

  of(provider: ProviderId): StrayMode[] {
    return [...(this.modes.get(provider) ?? [])];
  }

  list(): Record<string, StrayMode[]> {
    return Object.fromEntries([...this.modes].filter(([, m]) => m.size > 0).map(([p, m]) => [p, [...m]]));
  }
}

/** How the fields of one kind of item may stray. */
interface ItemRule {
  /** Not promised by the docs (the OpenAPI marks none required; the others are examples). */
  optional: readonly string[];
  /** Numbers that may arrive as numeric strings. */
  numbers: readonly string[];
  /** Ids that may arrive as JSON numbers (when all digits). */
  ids: readonly string[];
}

const JUNKIE_SESSION: ItemRule = {
  optional: ['robloxUsername', 'robloxJobId', 'placeId', 'hwid', 'beatCount', 'lastBeat'],
  numbers: ['beatCount', 'created', 'lastBeat'],
  ids: ['sessionId', 'placeId'],
};
const LUAPROT_SESSION: ItemRule = {
  optional: ['robloxUsername', 'robloxJobId', 'robloxUniverseId'],
  numbers: ['created'],
  ids: ['id', 'robloxUniverseId'],
};
const LUAPROT_KEY: ItemRule = {
  optional: ['executionCount', 'hwid', 'note', 'lastExecution', 'hwidResetCount'],
  numbers: ['executionCount', 'expire', 'created', 'lastExecution', 'hwidResetCount'],
  ids: ['hubId', 'discordId'],
};
const LUAAUTH_SESSION: ItemRule = {
  optional: ['user_key', 'script_id', 'roblox_id', 'place_id', 'job_id'],
  numbers: ['roblox_id', 'place_id', 'created_at'],
  ids: ['id', 'script_id'],
};
/** total_sessions stays: it is the number the script_total count mode counts by. */
const LUAAUTH_SCRIPT: ItemRule = {
  optional: ['total_instances', 'total_executions', 'kick_outdated', 'require_sessions'],
  numbers: ['total_sessions', 'total_instances', 'total_executions'],
  ids: ['id', 'project_id'],
};

/** Payload key → rule, per provider. Arrays stray on every other item, objects always. */
const RULES: Record<ProviderId, Record<string, ItemRule>> = {
  junkie: { sessions: JUNKIE_SESSION },
  luaprot: { sessions: LUAPROT_SESSION, session: LUAPROT_SESSION, key: LUAPROT_KEY },
  luaauth: { sessions: LUAAUTH_SESSION, session: LUAAUTH_SESSION, script: LUAAUTH_SCRIPT },
};
/** Envelope numbers that may arrive as strings, and maps whose values are counts. */
const ENVELOPE_NUMBERS: Record<ProviderId, readonly string[]> = {
  junkie: ['total', 'page', 'limit', 'totalPages'],
  luaprot: [],
  luaauth: [],
};
const COUNT_MAPS: Record<ProviderId, readonly string[]> = { junkie: ['counts'], luaprot: [], luaauth: ['executions'] };

/** A JSON number literal the serialiser writes bare, even past 2^53 (see `serialize`). */
const RAW = '\u0000raw-number:';
const rawNumber = (digits: string): string => `${RAW}${digits}`;

function strayItem(item: unknown, rule: ItemRule, modes: ReadonlySet<StrayMode>, strayFields: boolean): unknown {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return item;
  const out: Record<string, unknown> = { ...(item as Record<string, unknown>) };
  if (strayFields) {
    for (const field of rule.optional) {
      if (!(field in out)) continue;
      if (modes.has('missing_fields')) delete out[field];
      else if (modes.has('null_fields')) out[field] = null;
    }
  }
  if (modes.has('other_types')) {
    for (const field of rule.numbers) if (typeof out[field] === 'number') out[field] = String(out[field]);
    for (const field of rule.ids) {
      const v = out[field];
      if (typeof v === 'string' && /^\d+$/.test(v)) out[field] = rawNumber(v);
    }
  }
  if (modes.has('extra_fields')) Object.assign(out, { region: 'eu-1', _flags: { beta: true } });
  return out;
}

/** The success body as a straying provider would send it. */
export function strayBody(provider: ProviderId, body: unknown, modes: ReadonlySet<StrayMode>): unknown {
  if (modes.size === 0 || typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const out: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  for (const [key, rule] of Object.entries(RULES[provider])) {
    const value = out[key];
    if (Array.isArray(value)) out[key] = value.map((item, i) => strayItem(item, rule, modes, i % 2 === 0));
    else if (value !== undefined) out[key] = strayItem(value, rule, modes, true);
  }
  if (modes.has('other_types')) {
    for (const key of ENVELOPE_NUMBERS[provider]) if (typeof out[key] === 'number') out[key] = String(out[key]);
    for (const key of COUNT_MAPS[provider]) {
      const map = out[key];
      if (typeof map === 'object' && map !== null && !Array.isArray(map)) {
        out[key] = Object.fromEntries(Object.entries(map).map(([k, v]) => [k, typeof v === 'number' ? String(v) : v]));
      }
    }
  }
  if (modes.has('extra_fields')) out.requestId = 'req-7f3a9c2e';
  return out;
}

/** JSON text of a reply body; numbers marked by `rawNumber` are written as bare literals. */
export function serialize(body: unknown): string {
  const text = JSON.stringify(body);
  return text.includes('\\u0000raw-number:') ? text.replace(/"\\u0000raw-number:(\d+)"/g, '$1') : text;
}

/** The 403 each provider sends in forbidden_wording mode: not the words the client looks for. */
export function forbiddenReply(provider: ProviderId): Reply {
  switch (provider) {
    case 'junkie':
      return json(403, { error: 'Forbidden' });
    case 'luaprot':
      return json(403, { success: false, message: 'Access denied.' });
    case 'luaauth':
      return json(403, { success: false, error: { code: -1, message: 'access denied' } });
  }
}

/** An address no test machine has (TEST-NET-3, RFC 5737): only compared as text, never contacted. */
export const NOT_THIS_MACHINE = '203.0.113.7';
