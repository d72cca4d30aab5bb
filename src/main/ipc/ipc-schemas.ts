/**
 * Runtime validation of every request the window (or bridge, or CLI) sends.
 * The renderer is not trusted: each channel's request is parsed here before a
 * handler sees it. The mapped type makes a channel without a schema a compile error.
 */
import { z } from 'zod';
import { HISTORY_RANGES, type RequestChannel } from '../../shared/ipc-contract';
import { PROVIDERS } from '../../shared/model';
import { CHANNEL_ALERT_KINDS, CHANNEL_KINDS, CHANNEL_SCOPE_TYPES, MAX_CHANNEL_ACCOUNTS } from '../../shared/alert-channels';
import {
  ACCELERATOR_MAX,
  BASE_URL_MAX,
  CHANNEL_URL_MAX,
  ID_MAX,
  JSON_DATA_MAX,
  LUAPROT_TEXT_MAX,
  QUOTED_INPUT_MAX,
  TARGETS_MAX,
} from '../../shared/input-limits';
import { API_KEY_MAX_LENGTH, apiKeyProblem } from '../providers/api-key-rules';
import { normalizeBaseUrl } from '../providers/paths';
import { LUAPROT_MESSAGE_MAX, luaprotMessageProblem } from '../../shared/luaprot-message';
import { boundedString } from './ipc-strings';
import { alertRuleRequestSchema, idSchema, quietHoursRequestSchema, seriesRefRequestSchema, targetRequestSchema } from '../settings/config-item-schemas';
import { POLL_INTERVAL_MAX_SECONDS, POLL_INTERVAL_MIN_SECONDS } from '../../shared/poll-intervals';
import { accountAssumptionsRequestSchema } from '../settings/account-assumptions-schema';
import type { MessageTemplate, RecentMessage } from '../../shared/message-templates';

export { ID_MAX, LUAPROT_TEXT_MAX };
/** A bulk action over ids: LuaAuth accepts arrays; far more than a screenful is almost surely a bug. */
export const BULK_IDS_MAX = 10_000;

const id = idSchema;

const provider = z.enum(PROVIDERS, { error: `provider must be one of ${PROVIDERS.join(', ')}` });

const httpUrl = boundedString('baseUrl', BASE_URL_MAX)
  .trim()
  .superRefine((value, ctx) => {
    // The clients' own rule (https, or http to this computer only), so the window hears it before saving.
    try {
      normalizeBaseUrl(value);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : 'invalid base URL' });
    }
  });

const apiKey = boundedString('key', API_KEY_MAX_LENGTH, {
  tooLong: `The API key is longer than ${API_KEY_MAX_LENGTH} characters; check what was pasted.`,
})
  .trim()
  .superRefine((value, ctx) => {
    const problem = apiKeyProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const label = (what: string) => boundedString(what, ID_MAX).trim().min(1, { error: `${what} must not be empty` });

const targets = z.array(targetRequestSchema).max(TARGETS_MAX, { error: `at most ${TARGETS_MAX} targets per account` });

const channelKind = z.enum(CHANNEL_KINDS, { error: `kind must be one of ${CHANNEL_KINDS.join(', ')}` });
/** Length only here: the URL's rules depend on the kind and are checked (and worded) by the channel service. */
const channelUrl = boundedString('url', CHANNEL_URL_MAX).trim().min(1, { error: 'Enter the webhook URL.' });
const channelChoices = {
  enabled: z.boolean({ error: 'enabled must be true or false' }).optional(),
  kinds: z.array(z.enum(CHANNEL_ALERT_KINDS, { error: `kinds: each must be one of ${CHANNEL_ALERT_KINDS.join(', ')}` })).max(CHANNEL_ALERT_KINDS.length).optional(),
  scopeTypes: z.array(z.enum(CHANNEL_SCOPE_TYPES, { error: `scopeTypes: each must be one of ${CHANNEL_SCOPE_TYPES.join(', ')}` })).max(CHANNEL_SCOPE_TYPES.length).optional(),
  accountIds: z.array(id('account id')).max(MAX_CHANNEL_ACCOUNTS, { error: `accountIds: at most ${MAX_CHANNEL_ACCOUNTS}` }).optional(),
  respectQuietHours: z.boolean({ error: 'respectQuietHours must be true or false' }).optional(),
};

/** Requests without a payload: undefined, null or {} (bridges differ); anything else is refused. */
const none = z
  .union([z.undefined(), z.null(), z.strictObject({})], { error: 'this request takes no payload' })
  .transform((): void => undefined);

const pageNumber = z.number({ error: 'page must be a number' }).int().min(1).max(100_000);
const pageLimit = z
  .number({ error: 'limit must be a number' })
  .int({ error: 'limit must be an integer' })
  .min(1, { error: 'limit must be between 1 and 50' })
  .max(50, { error: 'limit must be between 1 and 50' });
const search = boundedString('search', ID_MAX);

// Bounded in UTF-16 units first (a code point is at most two), then LuaProt's own rule in code points.
const luaprotText = boundedString('text', 2 * LUAPROT_TEXT_MAX, {
  tooLong: `text must be 1 to ${LUAPROT_MESSAGE_MAX} characters`,
}).superRefine((text, ctx) => {
  const problem = luaprotMessageProblem(text);
  if (problem) ctx.addIssue({ code: 'custom', message: `text must be 1 to ${LUAPROT_MESSAGE_MAX} characters, not only spaces (${problem.message})` });
});
const command = boundedString('command', ID_MAX).trim().min(1, { error: 'command must not be empty' });
/** LuaAuth message data travels as JSON text from the window; checked to be JSON here. */
const jsonText = boundedString('data', JSON_DATA_MAX, { typeError: 'data must be JSON text' })
  .refine(
    (value) => {
      try {
        JSON.parse(value);
        return true;
      } catch {
        return false;
      }
    },
    { error: 'data must be valid JSON' },
  );
const opId = id('opId');

const scope = z.union([z.strictObject({ hubId: id('hubId') }), z.strictObject({ key: id('scope key') })], {
  error: 'scope must be { hubId } or { key }',
});
const sessionIds = z.array(id('session id')).min(1, { error: 'sessionIds must not be empty' }).max(BULK_IDS_MAX);

const templateName = boundedString('name', ID_MAX).trim().min(1, { error: 'name must not be empty' });
const messageTemplate: z.ZodType<MessageTemplate> = z.union(
  [
    z.strictObject({ id: id('id'), provider: z.literal('luaprot'), name: templateName, text: luaprotText }),
    z.strictObject({ id: id('id'), provider: z.literal('luaauth'), name: templateName, command, data: jsonText.optional() }),
  ],
  { error: 'template must be { id, provider: "luaprot", name, text } or { id, provider: "luaauth", name, command, data? }' },
);
const recentMessage: z.ZodType<RecentMessage> = z.union(
  [z.strictObject({ provider: z.literal('luaprot'), text: luaprotText }), z.strictObject({ provider: z.literal('luaauth'), command, data: jsonText.optional() })],
  { error: 'message must be { provider: "luaprot", text } or { provider: "luaauth", command, data? }' },
);

// A series (shared/series-ref.ts) for history queries: the same schema as an alert rule's scope.
const seriesRef = seriesRefRequestSchema;

const interval = z
  .number({ error: 'poll interval must be a number of seconds' })
  .int()
  .min(POLL_INTERVAL_MIN_SECONDS, { error: `poll interval must be at least ${POLL_INTERVAL_MIN_SECONDS} s` })
  .max(POLL_INTERVAL_MAX_SECONDS, { error: `poll interval must be at most ${POLL_INTERVAL_MAX_SECONDS} s` });

const MODIFIER = /\b(Command|Cmd|Control|Ctrl|CommandOrControl|CmdOrCtrl|Alt|Option|AltGr|Shift|Super|Meta)\b/i;

/** Electron accelerators: modifiers and a key joined by "+", e.g. "CommandOrControl+Shift+P". */
const accelerator = boundedString('globalShortcut', ACCELERATOR_MAX)
  .regex(/^[A-Za-z0-9]+(\+[A-Za-z0-9]+)*$|^[A-Za-z]+(\+[A-Za-z]+)*\+[^\s+]$/, {
    error: 'globalShortcut must be an accelerator such as CommandOrControl+Shift+P',
  })
  // A bare key ("A") would be taken from every other app system-wide.
  .refine((value) => MODIFIER.test(value.split('+').slice(0, -1).join('+')), {
    error: 'globalShortcut needs a modifier (CommandOrControl, Alt, Shift, Super…), e.g. CommandOrControl+Shift+P',
  });

const preferences = z.strictObject({
  pollIntervalSeconds: z
    .strictObject({ junkie: interval, luaprot: interval, luaauth: interval })
    .optional(),
  notifications: z.boolean().optional(),
  launchAtLogin: z.boolean().optional(),
  theme: z.enum(['system', 'light', 'dark']).optional(),
  globalShortcut: accelerator.nullable().optional(),
  luaauthCountMode: z.enum(['sessions', 'script_total']).optional(),
});

const accountId = id('accountId');

/**
 * Every channel's request, and the one definition of its shape: the contract's RequestOf is the
 * output type of these (src/shared/ipc-contract.ts). A channel missing here, or one the contract
 * does not know, fails to compile.
 */
export const requestSchemas = {
  'app:version': none,
  'app:snapshot': none,
  'app:notices': none,
  'accounts:list': none,
  'accounts:test': z.strictObject({
    provider,
    baseUrl: httpUrl.optional(),
    key: apiKey.optional(),
    accountId: accountId.optional(),
  }),
  'accounts:add': z.strictObject({
    label: label('label'),
    provider,
    baseUrl: httpUrl.optional(),
    key: apiKey,
    targets,
    autoTargets: z.boolean().optional(),
    keyMustWork: z.boolean().optional(),
  }),
  'accounts:update': z.strictObject({
    id: id('id'),
    label: label('label').optional(),
    baseUrl: httpUrl.optional(),
    key: apiKey.optional(),
    targets: targets.optional(),
    autoTargets: z.boolean().optional(),
    /** Replaces the account's overrides of provider assumptions; a field left out goes back to the default. */
    assumptions: accountAssumptionsRequestSchema.optional(),
  }),
  'accounts:remove': z.strictObject({ id: id('id') }),
  'accounts:discover': z.strictObject({ id: id('id') }),
  // No payload means "every account"; otherwise the object's own fields are checked, so a refusal names them.
  'monitor:refresh': z.preprocess(
    (value) => (value === undefined || value === null ? {} : value),
    z.strictObject({ accountId: accountId.optional() }, { error: 'the request must be {} or { accountId }' }),
  ),
  'monitor:pause': z.strictObject({ paused: z.boolean({ error: 'paused must be true or false' }) }),
  'monitor:history': z.strictObject({
    series: seriesRef,
    range: z.enum(HISTORY_RANGES, { error: `range must be one of ${HISTORY_RANGES.join(', ')}` }),
    every: z.boolean({ error: 'every must be true or false' }).optional(),
  }),
  'monitor:insights': z.strictObject({ series: seriesRef }),
  'providers:capabilities': none,
  'providers:list': none,
  'providers:assumptions': none,
  'sessions:list': z.strictObject({
    accountId,
    targetId: id('targetId'),
    page: pageNumber.optional(),
    limit: pageLimit.optional(),
    search: search.optional(),
    from: z.number({ error: 'from must be a number' }).int().min(0).max(10_000_000).optional(),
    filter: z
      .strictObject({
        key: boundedString('filter key', ID_MAX).optional(),
        roblox_id: boundedString('roblox_id', ID_MAX).optional(),
        place_id: boundedString('place_id', ID_MAX).optional(),
        job_id: boundedString('job_id', ID_MAX).optional(),
      })
      .optional(),
  }),
  'sessions:info': z.strictObject({ accountId, sessionId: id('sessionId') }),
  'sessions:groups': z.strictObject({ accountId, targetId: id('targetId') }),
  'sessions:message': z.strictObject({
    accountId,
    sessionId: id('sessionId'),
    text: luaprotText.optional(),
    command: command.optional(),
    data: jsonText.optional(),
    opId: opId.optional(),
  }),
  'sessions:disconnect': z.strictObject({ accountId, sessionId: id('sessionId') }),
  'sessions:messageMany': z.strictObject({
    accountId,
    sessionIds: sessionIds.optional(),
    scope: scope.optional(),
    text: luaprotText.optional(),
    command: command.optional(),
    data: jsonText.optional(),
    opId: opId.optional(),
  }),
  'sessions:disconnectMany': z.strictObject({
    accountId,
    sessionIds: sessionIds.optional(),
    scope: scope.optional(),
  }),
  'ops:cancel': z.strictObject({ opId }),
  'templates:get': none,
  'templates:save': z.strictObject({ template: messageTemplate }),
  'templates:remove': z.strictObject({ id: id('id') }),
  'templates:recordSent': recentMessage,
  'scripts:get': z.strictObject({ accountId, scriptId: id('scriptId') }),
  'scripts:toggle': z.strictObject({
    accountId,
    scriptId: id('scriptId'),
    enabled: z.boolean({ error: 'enabled must be true or false' }),
  }),
  'scripts:edit': z.strictObject({
    accountId,
    scriptId: id('scriptId'),
    patch: z
      .strictObject({
        name: boundedString('name', ID_MAX).trim().min(1, { error: 'name must not be empty' }).optional(),
        free_for_all: z.boolean().optional(),
        use_heartbeat: z.boolean().optional(),
        kick_outdated: z.boolean().optional(),
        require_sessions: z.boolean().optional(),
      })
      .refine((patch) => Object.values(patch).some((value) => value !== undefined), {
        error: 'patch must change at least one field',
      }),
  }),
  'alerts:get': none,
  'alerts:setRules': z.strictObject({ rules: z.array(alertRuleRequestSchema).max(1000) }),
  'alerts:setQuietHours': quietHoursRequestSchema,
  'alerts:pause': z.strictObject({
    minutes: z.union([z.number().int().min(1).max(7 * 24 * 60), z.null()], {
      error: 'minutes must be 1..10080 or null to resume',
    }),
  }),
  'alerts:log': none,
  'channels:list': none,
  'channels:add': z.strictObject({ kind: channelKind, url: channelUrl, label: label('label'), ...channelChoices }),
  'channels:update': z.strictObject({ id: id('id'), url: channelUrl.optional(), label: label('label').optional(), ...channelChoices }),
  'channels:remove': z.strictObject({ id: id('id') }),
  'channels:test': z.strictObject({ id: id('id') }),
  'settings:get': none,
  'settings:update': preferences,
  'demo:set': z.strictObject({ enabled: z.boolean({ error: 'enabled must be true or false' }) }),
  'window:hide': none,
  'window:state': none,
  'window:detach': z.strictObject({ detached: z.boolean({ error: 'detached must be true or false' }) }),
} satisfies Record<RequestChannel, z.ZodType>;

export type RequestSchemas = typeof requestSchemas;

/** Longest issue text shown: zod quotes unknown keys whole, and a request may hold a 10 MB one. */
const ISSUE_TEXT_MAX = 300;

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** "field.path: what is expected" for each issue, e.g. "limit: limit must be between 1 and 50". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const path = issue.path.map((part) => shorten(String(part), QUOTED_INPUT_MAX)).join('.');
      const message = shorten(issue.message, ISSUE_TEXT_MAX);
      return path ? `${path}: ${message}` : message;
    })
    .join('; ');
}
