import { accountSchema, alertRuleSchema, alertSettingsSchema, settingsSchema, windowStateSchema, type Settings } from './settings-schema';

/**
 * Fields of the settings file this version does not know, kept so the next save writes them back
 * (a newer or sibling build's field, or one added by hand, survives a change made here). They are
 * kept at the top level, in each account and alert rule (matched by id), in `alerts` and in
 * `window`; anything deeper is rewritten by the schema. Assumption (not from the seed documents):
 * only files of the current version keep them — a migration defines the whole new layout, so an
 * older file's leftovers are dropped (settings-store tests pin both).
 *
 * A field whose name looks like a credential is never kept (the store strips those anyway).
 */
export interface UnknownFields {
  top: Record<string, unknown>;
  alerts: Record<string, unknown>;
  window: Record<string, unknown>;
  accounts: Map<string, Record<string, unknown>>;
  rules: Map<string, Record<string, unknown>>;
}

export const NO_UNKNOWN_FIELDS: UnknownFields = Object.freeze({
  top: {},
  alerts: {},
  window: {},
  accounts: new Map(),
  rules: new Map(),
});

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function extra(raw: unknown, known: object, isSecret: (key: string) => boolean): Record<string, unknown> {
  if (!isPlainObject(raw)) return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!Object.hasOwn(known, key) && !isSecret(key) && key !== '__proto__') out[key] = value;
  }
  return out;
}

function byId(list: unknown, known: object, isSecret: (key: string) => boolean): Map<string, Record<string, unknown>> {
  const map = new Map<string, Record<string, unknown>>();
  if (!Array.isArray(list)) return map;
  for (const item of list) {
    if (!isPlainObject(item) || typeof item.id !== 'string' || map.has(item.id.trim())) continue;
    const fields = extra(item, known, isSecret);
    if (Object.keys(fields).length > 0) map.set(item.id.trim(), fields);
  }
  return map;
}

export function collectUnknownFields(raw: Record<string, unknown>, isSecret: (key: string) => boolean): UnknownFields {
  const alerts = isPlainObject(raw.alerts) ? raw.alerts : {};
  return {
    top: extra(raw, settingsSchema.shape, isSecret),
    alerts: extra(alerts, alertSettingsSchema.shape, isSecret),
    window: extra(raw.window, windowStateSchema.shape, isSecret),
    accounts: byId(raw.accounts, accountSchema.shape, isSecret),
    rules: byId(alerts.rules, alertRuleSchema.shape, isSecret),
  };
}

/** The object to write: the settings, with the unknown fields put back beside them (known fields win). */
export function withUnknownFields(settings: Settings, unknown: UnknownFields): Record<string, unknown> {
  return {
    ...unknown.top,
    ...settings,
    accounts: settings.accounts.map((a) => ({ ...unknown.accounts.get(a.id), ...a })),
    alerts: { ...unknown.alerts, ...settings.alerts, rules: settings.alerts.rules.map((r) => ({ ...unknown.rules.get(r.id), ...r })) },
    window: { ...unknown.window, ...settings.window },
  };
}
