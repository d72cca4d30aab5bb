import { z } from 'zod';
import { MAX_CHANNELS } from '../../shared/alert-channels';
import { channelConfigSchema } from '../alerts/channels/channel-config';
import { accountAssumptionsSchema } from './account-assumptions-schema';
import { storedAlertRuleSchema, storedQuietHoursSchema, storedTargetSchema } from './config-item-schemas';
import type { QuietHours } from '../../shared/alerts';
import type { AlertSettings, AppPreferences } from '../../shared/ipc-contract';
import { ID_MAX, JSON_DATA_MAX } from '../../shared/input-limits';
import { DEFAULT_POLL_INTERVAL_SECONDS, POLL_INTERVAL_MAX_SECONDS, POLL_INTERVAL_MIN_SECONDS } from '../../shared/poll-intervals';
import { LUAPROT_MESSAGE_RULE, luaprotMessageProblem } from '../../shared/luaprot-message';
import { MAX_RECENT_MESSAGES, MAX_TEMPLATES, type MessageTemplate } from '../../shared/message-templates';
import { DEFAULT_BASE_URLS, PROVIDERS, type AccountConfig, type ProviderId, type TargetConfig } from '../../shared/model';

/**
 * The settings file: its current schema, defaults and the migrations from earlier layouts.
 * API keys are never part of it (they live in the OS keychain); zod objects strip unknown
 * fields, so an `apiKey` handed in by mistake is dropped at every parse.
 */
export const SETTINGS_VERSION = 2;

export { DEFAULT_POLL_INTERVAL_SECONDS };

const id = z.string().trim().min(1).max(ID_MAX);

/** One source with the IPC checks (config-item-schemas.ts); these are the forms a file may hold. */
export const targetSchema = storedTargetSchema;
export const alertRuleSchema = storedAlertRuleSchema;
export const quietHoursSchema = storedQuietHoursSchema;

export const accountSchema = z.object({
  id,
  label: z.string().max(ID_MAX),
  provider: z.enum(PROVIDERS),
  baseUrl: z.url({ protocol: /^https?$/ }),
  targets: z.array(targetSchema).default(() => []),
  autoTargets: z.boolean().optional(),
  assumptions: accountAssumptionsSchema.optional(),
}) satisfies z.ZodType<AccountConfig>;

const DEFAULT_QUIET_HOURS: QuietHours = { enabled: false, start: '22:00', end: '07:00' };

const interval = z.int().min(POLL_INTERVAL_MIN_SECONDS).max(POLL_INTERVAL_MAX_SECONDS);

/** Where the detached window was last left (its normal, unmaximized bounds). */
export const windowBoundsSchema = z.object({
  x: z.int(),
  y: z.int(),
  width: z.int().positive(),
  height: z.int().positive(),
});

export const pollIntervalsSchema = z.object({
  junkie: interval.default(DEFAULT_POLL_INTERVAL_SECONDS.junkie),
  luaprot: interval.default(DEFAULT_POLL_INTERVAL_SECONDS.luaprot),
  luaauth: interval.default(DEFAULT_POLL_INTERVAL_SECONDS.luaauth),
});

export const alertSettingsSchema = z.object({
  rules: z.array(alertRuleSchema).default(() => []),
  quietHours: quietHoursSchema.default(() => ({ ...DEFAULT_QUIET_HOURS })),
  /** Epoch ms until which alerts are silenced; null when not paused. */
  pausedUntil: z.number().finite().nullable().default(null),
});

export const windowStateSchema = z.object({
  detached: z.boolean().default(false),
  bounds: windowBoundsSchema.optional(),
});

/** A saved message: LuaProt texts follow LuaProt's own rule; LuaAuth data must be JSON text. */
export const messageTemplateSchema = z.discriminatedUnion('provider', [
  z.object({
    id,
    provider: z.literal('luaprot'),
    name: z.string().trim().min(1).max(ID_MAX),
    text: z.string().refine((text) => luaprotMessageProblem(text) === undefined, LUAPROT_MESSAGE_RULE),
  }),
  z.object({
    id,
    provider: z.literal('luaauth'),
    name: z.string().trim().min(1).max(ID_MAX),
    command: z.string().trim().min(1).max(ID_MAX),
    data: z.string().max(JSON_DATA_MAX).refine(isJsonText, 'data must be JSON text').optional(),
  }),
]) satisfies z.ZodType<MessageTemplate>;

const luaprotRecentSchema = z.object({ provider: z.literal('luaprot'), text: z.string().refine((text) => luaprotMessageProblem(text) === undefined, LUAPROT_MESSAGE_RULE) });
const luaauthRecentSchema = z.object({
  provider: z.literal('luaauth'),
  command: z.string().trim().min(1).max(ID_MAX),
  data: z.string().max(JSON_DATA_MAX).refine(isJsonText, 'data must be JSON text').optional(),
});
export const recentMessagesSchema = z.object({
  luaprot: z.array(luaprotRecentSchema).max(MAX_RECENT_MESSAGES).default(() => []),
  luaauth: z.array(luaauthRecentSchema).max(MAX_RECENT_MESSAGES).default(() => []),
});

function isJsonText(value: string): boolean {
  try {
    JSON.parse(value);
    return true;
  } catch {
    return false;
  }
}

/** The current layout. Every field has a default so a file missing a newer field still loads. */
export const settingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  accounts: z
    .array(accountSchema)
    .default(() => [])
    .refine((accounts) => new Set(accounts.map((a) => a.id)).size === accounts.length, 'account ids must be unique'),
  pollIntervalSeconds: pollIntervalsSchema.default(() => ({ ...DEFAULT_POLL_INTERVAL_SECONDS })),
  alerts: alertSettingsSchema.default(() => ({ rules: [], quietHours: { ...DEFAULT_QUIET_HOURS }, pausedUntil: null })),
  notifications: z.boolean().default(true),
  launchAtLogin: z.boolean().default(false),
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  /** Electron accelerator, e.g. "CommandOrControl+Shift+P"; null for none. */
  globalShortcut: z.string().trim().min(1).max(100).nullable().default(null),
  /** LuaAuth live count: live sessions (default) or the script's own `total_sessions` figure. */
  luaauthCountMode: z.enum(['sessions', 'script_total']).default('sessions'),
  demoMode: z.boolean().default(false),
  /** The user turned demo mode off: don't start it again just because there are no accounts. */
  demoDeclined: z.boolean().default(false),
  window: windowStateSchema.default(() => ({ detached: false })),
  /** Alert channels (Discord, webhook, ntfy); their URLs are in the keychain, never here. */
  channels: z
    .array(channelConfigSchema)
    .max(MAX_CHANNELS)
    .default(() => [])
    .refine((channels) => new Set(channels.map((c) => c.id)).size === channels.length, 'channel ids must be unique'),
  /** Saved message templates (LuaProt texts, LuaAuth commands with JSON data). */
  messageTemplates: z
    .array(messageTemplateSchema)
    .max(MAX_TEMPLATES)
    .default(() => [])
    .refine((list) => new Set(list.map((t) => t.id)).size === list.length, 'template ids must be unique'),
  /** The last messages sent, per provider, newest first. */
  recentMessages: recentMessagesSchema.default(() => ({ luaprot: [], luaauth: [] })),
});

export type Settings = z.infer<typeof settingsSchema>;
export type WindowBounds = z.infer<typeof windowBoundsSchema>;

/*
 * Compile-time guard: each schema has exactly the fields of its shared type, optional ones included.
 * zod strips fields it does not know, so a field added in src/shared without a schema change would
 * otherwise be silently dropped at the next save.
 */
type SameFields<A, B> = [Required<A>] extends [Required<B>] ? ([Required<B>] extends [Required<A>] ? true : false) : false;
function sameFields<A, B>(ok: SameFields<A, B>): SameFields<A, B> {
  return ok;
}
sameFields<z.infer<typeof accountSchema>, AccountConfig>(true);
sameFields<Settings['alerts'], AlertSettings>(true);
sameFields<Omit<Settings, 'version' | 'accounts' | 'alerts' | 'demoMode' | 'demoDeclined' | 'window' | 'channels' | 'messageTemplates' | 'recentMessages'>, AppPreferences>(
  true,
);

export function defaultSettings(): Settings {
  return settingsSchema.parse({ version: SETTINGS_VERSION });
}

/* ---------- earlier layouts ---------- */

/**
 * v0: the unversioned layout — one poll interval for every provider, accounts with `name`
 * and bare target ids, alert rules as a bare array. Early files could also carry `apiKey`
 * on accounts; the migration drops it (the loader reports that keys were removed).
 */
const v0Schema = z.object({
  accounts: z
    .array(
      z.object({
        id,
        name: z.string().optional(),
        label: z.string().optional(),
        provider: z.enum(PROVIDERS),
        baseUrl: z.string().optional(),
        targets: z.array(z.union([id, targetSchema])).default(() => []),
      }),
    )
    .default(() => []),
  pollIntervalSeconds: interval.optional(),
  alerts: z.array(alertRuleSchema).default(() => []),
  notifications: z.boolean().optional(),
  theme: z.enum(['system', 'light', 'dark']).optional(),
});

/** v1: per-provider intervals, alerts without `pausedUntil`; no demo mode or window state yet. */
const v1Schema = z.object({
  version: z.literal(1),
  accounts: z.array(accountSchema).default(() => []),
  pollIntervalSeconds: z.partialRecord(z.enum(PROVIDERS), interval).default(() => ({})),
  alerts: z
    .object({ rules: z.array(alertRuleSchema).default(() => []), quietHours: quietHoursSchema.optional() })
    .default(() => ({ rules: [] })),
  notifications: z.boolean().optional(),
  launchAtLogin: z.boolean().optional(),
  theme: z.enum(['system', 'light', 'dark']).optional(),
  globalShortcut: z.string().nullable().optional(),
});

/** The default kind of a bare target id in v0, by what each provider counts. */
const V0_TARGET_KIND: Record<ProviderId, TargetConfig['kind']> = { junkie: 'script', luaprot: 'hub', luaauth: 'script' };

/** Migration from version N (index) to N+1. Each parses its input strictly enough to be trusted. */
const MIGRATIONS: ReadonlyArray<(raw: unknown) => unknown> = [
  (raw) => {
    const v0 = v0Schema.parse(raw);
    const interval = v0.pollIntervalSeconds;
    return {
      version: 1,
      accounts: v0.accounts.map((a) => ({
        id: a.id,
        label: a.label ?? a.name ?? a.id,
        provider: a.provider,
        baseUrl: a.baseUrl ?? DEFAULT_BASE_URLS[a.provider],
        targets: a.targets.map((t) => (typeof t === 'string' ? { kind: V0_TARGET_KIND[a.provider], id: t } : t)),
      })),
      pollIntervalSeconds: interval === undefined ? {} : { junkie: interval, luaprot: interval, luaauth: interval },
      alerts: { rules: v0.alerts },
      notifications: v0.notifications,
      theme: v0.theme,
    };
  },
  (raw) => {
    const v1 = v1Schema.parse(raw);
    return {
      ...v1,
      version: 2,
      pollIntervalSeconds: { ...DEFAULT_POLL_INTERVAL_SECONDS, ...v1.pollIntervalSeconds },
      alerts: { ...v1.alerts, pausedUntil: null },
    };
  },
];

/** The version a raw parsed file claims: a missing `version` is v0; anything not a whole number is invalid. */
export function versionOf(raw: unknown): number | 'invalid' {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'invalid';
  const version = (raw as { version?: unknown }).version;
  if (version === undefined) return 0;
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : 'invalid';
}

/**
 * Brings a parsed file of version ≤ SETTINGS_VERSION to the current layout and validates it.
 * Throws (ZodError or Error) when the content does not fit its version.
 */
export function migrateSettings(raw: unknown): Settings {
  const version = versionOf(raw);
  if (version === 'invalid') throw new Error('the file has no valid "version"');
  if (version > SETTINGS_VERSION) throw new Error(`the file is version ${version}, newer than ${SETTINGS_VERSION}`);
  let current = raw;
  for (let v = version; v < SETTINGS_VERSION; v += 1) {
    const step = MIGRATIONS[v];
    if (!step) throw new Error(`no migration from settings version ${v}`);
    current = step(current);
  }
  return settingsSchema.parse(current);
}
