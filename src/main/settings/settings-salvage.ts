import { z } from 'zod';
import { MAX_CHANNELS } from '../../shared/alert-channels';
import { channelConfigSchema } from '../alerts/channels/channel-config';
import { accountAssumptionsSchema } from './account-assumptions-schema';
import { DEFAULT_BASE_URLS, type AccountConfig } from '../../shared/model';
import { MAX_TEMPLATES } from '../../shared/message-templates';
import {
  accountSchema,
  alertRuleSchema,
  alertSettingsSchema,
  messageTemplateSchema,
  recentMessagesSchema,
  pollIntervalsSchema,
  SETTINGS_VERSION,
  settingsSchema,
  targetSchema,
  windowStateSchema,
  type Settings,
} from './settings-schema';

/**
 * Reading a settings file field by field: what is valid is kept, what is not falls back to its
 * default (or, for an alert rule or a target, is left out) and is named in `problems`. One bad
 * field must not cost the user every account — their keys stay in the keychain, and an account
 * that vanished from settings would leave them orphaned there.
 *
 * Problems name fields, never values: a value may be huge (a 10 MB base URL) or private.
 */
export interface SalvagedSettings {
  settings: Settings;
  /** One phrase per field reset or item left out, e.g. `theme: reset to "system" (…)`. */
  problems: string[];
}

type Shape = Record<string, z.ZodType>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** zod's first complaint, without the value: "Invalid input: expected string, received number". */
function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}

/** The fields of `raw` that `shape` knows and that are valid on their own; the others are reported. */
function validFields(shape: Shape, raw: Record<string, unknown>, where: string, problems: string[], skip: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(shape)) {
    if (skip.includes(key) || raw[key] === undefined) continue;
    const parsed = schema.safeParse(raw[key]);
    if (parsed.success) out[key] = parsed.data;
    else problems.push(`${where}${key}: ${firstIssue(parsed.error)} — the default is used`);
  }
  return out;
}

/** An object-valued setting: its valid fields, or nothing (all defaults) when it is not an object. */
function salvageObject(shape: Shape, raw: unknown, where: string, problems: string[], skip: string[] = []): Record<string, unknown> | undefined {
  if (raw === undefined) return undefined;
  if (!isPlainObject(raw)) {
    problems.push(`${where}: not an object — defaults are used`);
    return undefined;
  }
  return validFields(shape, raw, `${where}.`, problems, skip);
}

function accountName(raw: Record<string, unknown>, index: number): string {
  if (typeof raw.label === 'string' && raw.label.trim() && raw.label.length <= 200) return `account "${raw.label}"`;
  if (typeof raw.id === 'string' && raw.id.trim() && raw.id.length <= 200) return `account ${raw.id}`;
  return `account #${index + 1}`;
}

/**
 * One account: kept whenever its id and provider are readable, since those are what find its key
 * in the keychain and its client. A bad base URL falls back to the provider's default, a bad label
 * to the id, a bad target is left out alone.
 */
function salvageAccount(raw: unknown, index: number, problems: string[]): AccountConfig | null {
  if (!isPlainObject(raw)) {
    problems.push(`account #${index + 1}: not an object — left out`);
    return null;
  }
  const name = accountName(raw, index);
  const fields = validFields(accountSchema.shape, raw, `${name}: `, problems, ['targets', 'assumptions']);
  if (fields.id === undefined || fields.provider === undefined) {
    // The problems above already say which; this says what became of the account.
    problems.push(`${name}: left out (no readable ${fields.id === undefined ? 'id' : 'provider'})`);
    return null;
  }
  const provider = fields.provider as AccountConfig['provider'];
  if (fields.baseUrl === undefined) {
    if (raw.baseUrl === undefined) problems.push(`${name}: baseUrl missing — the default is used`);
    fields.baseUrl = DEFAULT_BASE_URLS[provider];
  }
  if (fields.label === undefined) fields.label = fields.id;
  const targets: unknown[] = [];
  if (raw.targets !== undefined) {
    if (!Array.isArray(raw.targets)) problems.push(`${name}: targets is not a list — none kept`);
    else {
      raw.targets.forEach((t, i) => {
        const parsed = targetSchema.safeParse(t);
        if (parsed.success) targets.push(parsed.data);
        else problems.push(`${name}: target #${i + 1} left out (${firstIssue(parsed.error)})`);
      });
    }
  }
  // Each override on its own: a bad rate limit falls back to the provider's default, a good route stays.
  const assumptions = salvageObject(accountAssumptionsSchema.shape, raw.assumptions, `${name}: assumptions`, problems);
  return accountSchema.parse({ ...fields, targets, ...(assumptions && Object.keys(assumptions).length > 0 ? { assumptions } : {}) });
}

function salvageAccounts(raw: unknown, problems: string[]): AccountConfig[] | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw)) {
    problems.push('accounts: not a list — none could be read');
    return undefined;
  }
  const accounts: AccountConfig[] = [];
  const seen = new Set<string>();
  raw.forEach((item, i) => {
    const account = salvageAccount(item, i, problems);
    if (!account) return;
    if (seen.has(account.id)) {
      problems.push(`account #${i + 1}: left out (its id ${account.id} is used by an earlier account)`);
      return;
    }
    seen.add(account.id);
    accounts.push(account);
  });
  return accounts;
}

function salvageAlerts(raw: unknown, problems: string[]): Record<string, unknown> | undefined {
  const alerts = salvageObject(alertSettingsSchema.shape, raw, 'alerts', problems, ['rules']);
  if (!alerts || !isPlainObject(raw) || raw.rules === undefined) return alerts;
  if (!Array.isArray(raw.rules)) {
    problems.push('alerts.rules: not a list — no saved rules kept');
    return alerts;
  }
  const rules: unknown[] = [];
  raw.rules.forEach((rule, i) => {
    const parsed = alertRuleSchema.safeParse(rule);
    if (parsed.success) rules.push(parsed.data);
    else {
      const id = isPlainObject(rule) && typeof rule.id === 'string' && rule.id.length <= 200 ? ` ${rule.id}` : '';
      problems.push(`alert rule #${i + 1}${id}: left out (${firstIssue(parsed.error)})`);
    }
  });
  return { ...alerts, rules };
}

/**
 * A list of items with ids, one by one: a bad item or a repeated id is left out alone (an alert
 * channel's URL stays in the keychain under its id), the others are kept, at most `max`.
 */
function salvageList(
  raw: unknown,
  problems: string[],
  list: { field: string; noun: string; item: string; plural: string; schema: z.ZodType<{ id: string }>; max: number },
): unknown[] | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw)) {
    problems.push(`${list.field}: not a list — no ${list.plural} kept`);
    return undefined;
  }
  const kept: unknown[] = [];
  const seen = new Set<string>();
  raw.slice(0, list.max).forEach((item, i) => {
    const parsed = list.schema.safeParse(item);
    if (!parsed.success) problems.push(`${list.noun} #${i + 1}: left out (${firstIssue(parsed.error)})`);
    else if (seen.has(parsed.data.id)) problems.push(`${list.noun} #${i + 1}: left out (its id is used by an earlier ${list.item})`);
    else {
      seen.add(parsed.data.id);
      kept.push(parsed.data);
    }
  });
  if (raw.length > list.max) problems.push(`${list.field}: only the first ${list.max} kept`);
  return kept;
}

/**
 * Builds valid settings from a parsed file of the current layout (or v1, whose fields are a subset
 * of it with the same rules) that failed the strict schema.
 */
export function salvageSettings(raw: Record<string, unknown>): SalvagedSettings {
  const problems: string[] = [];
  const top = validFields(settingsSchema.shape, raw, '', problems, ['version', 'accounts', 'pollIntervalSeconds', 'alerts', 'window', 'channels', 'messageTemplates', 'recentMessages']);
  const candidate: Record<string, unknown> = {
    ...top,
    version: SETTINGS_VERSION,
    accounts: salvageAccounts(raw.accounts, problems),
    pollIntervalSeconds: salvageObject(pollIntervalsSchema.shape, raw.pollIntervalSeconds, 'pollIntervalSeconds', problems),
    alerts: salvageAlerts(raw.alerts, problems),
    window: salvageObject(windowStateSchema.shape, raw.window, 'window', problems),
    channels: salvageList(raw.channels, problems, { field: 'channels', noun: 'alert channel', item: 'channel', plural: 'alert channels', schema: channelConfigSchema, max: MAX_CHANNELS }),
    messageTemplates: salvageList(raw.messageTemplates, problems, { field: 'messageTemplates', noun: 'message template', item: 'template', plural: 'templates', schema: messageTemplateSchema, max: MAX_TEMPLATES }),
    recentMessages: salvageObject(recentMessagesSchema.shape, raw.recentMessages, 'recentMessages', problems),
  };
  // Every piece was validated on its own; parsing the whole fills the defaults and proves the sum valid.
  return { settings: settingsSchema.parse(candidate), problems };
}
