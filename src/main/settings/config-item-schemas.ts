/**
 * The things both the settings file and the window's requests carry — targets, alert rules, quiet
 * hours — defined once. Each comes in two forms built from the same fields:
 * - `stored` (z.object): what settings.json may hold; unknown fields are dropped, so a file written
 *   by a newer version still loads;
 * - `request` (z.strictObject): what IPC accepts; unknown fields are refused (the renderer is not trusted).
 * Every string is bounded before any other rule runs (boundedString), in both forms.
 */
import { z } from 'zod';
import type { AlertRule, AlertRuleSpec, AlertScope, QuietHours } from '../../shared/alerts';
import { ALERT_LIMITS } from '../../shared/alert-rule-limits';
import { CLOCK_TIME_PATTERN } from '../../shared/clock-time';
import { CLOCK_TIME_MAX, ID_MAX } from '../../shared/input-limits';
import type { TargetConfig } from '../../shared/model';
import { boundedString } from '../ipc/ipc-strings';

/** An id or name: bounded, trimmed, not empty. */
export const idSchema = (what: string) =>
  boundedString(what, ID_MAX)
    .trim()
    .min(1, { error: `${what} must not be empty` });

type Strictness = 'stored' | 'request';
/** The object builder of each form: loose for the file, strict for requests. */
const objectOf = (form: Strictness) => (form === 'request' ? z.strictObject : z.object);

/* ---------- targets ---------- */

export const TARGET_KINDS = ['script', 'hub', 'key', 'project'] as const;

function target(form: Strictness) {
  return objectOf(form)({
    kind: z.enum(TARGET_KINDS, { error: 'kind must be script, hub, key or project' }),
    id: idSchema('target id'),
    label: boundedString('target label', ID_MAX).trim().optional(),
  });
}

/* ---------- quiet hours ---------- */

const CLOCK_TIME_RULE = 'time must be HH:MM (00:00–23:59)';
const clockTime = boundedString('time', CLOCK_TIME_MAX, { typeError: CLOCK_TIME_RULE, tooLong: CLOCK_TIME_RULE }).regex(CLOCK_TIME_PATTERN, {
  error: CLOCK_TIME_RULE,
});

function quietHours(form: Strictness) {
  return objectOf(form)({
    enabled: z.boolean({ error: 'enabled must be true or false' }),
    start: clockTime,
    end: clockTime,
  });
}

/* ---------- alert rules ---------- */

const positive = (what: string, max: number) =>
  z.number({ error: `${what} must be a number` }).finite().min(0, { error: `${what} must be ≥ 0` }).max(max);
// The bounds are the rule editor's too (shared/alert-rule-limits.ts), so the window says at the field what main refuses.
const windowMinutes = z
  .number({ error: 'windowMinutes must be a number' })
  .int()
  .min(ALERT_LIMITS.windowMinutes.min)
  .max(ALERT_LIMITS.windowMinutes.max);

/** A series (shared/series-ref.ts): alert scopes and history queries. */
function alertScope(form: Strictness) {
  const object = objectOf(form);
  // Split on `type`, so a refusal names the field at fault rather than only "scope".
  return z.discriminatedUnion(
    'type',
    [
      object({ type: z.literal('target'), accountId: idSchema('accountId'), targetId: idSchema('targetId') }),
      object({ type: z.literal('account'), accountId: idSchema('accountId') }),
      object({ type: z.literal('total') }),
    ],
    { error: 'type must be target, account or total' },
  );
}

function alertSpec(form: Strictness) {
  const object = objectOf(form);
  return z.discriminatedUnion(
    'kind',
    [
      object({
        kind: z.literal('rise'),
        percent: positive('percent', ALERT_LIMITS.risePercent.max),
        minUsers: positive('minUsers', ALERT_LIMITS.users.max),
        windowMinutes,
      }),
      object({
        kind: z.literal('threshold'),
        value: positive('value', ALERT_LIMITS.users.max),
        hysteresis: positive('hysteresis', ALERT_LIMITS.users.max),
        direction: z.enum(['up', 'down']),
      }),
      object({
        kind: z.literal('drop'),
        percent: positive('percent', ALERT_LIMITS.dropPercent.max),
        windowMinutes,
        toZero: z.boolean(),
        minUsers: positive('minUsers', ALERT_LIMITS.users.max).optional(),
      }),
      object({
        kind: z.literal('all_time_high'),
        minUsers: positive('minUsers', ALERT_LIMITS.users.max),
        marginPercent: positive('marginPercent', ALERT_LIMITS.marginPercent.max).optional(),
        minHistoryHours: positive('minHistoryHours', ALERT_LIMITS.minHistoryHours.max).optional(),
      }),
    ],
    { error: 'spec.kind must be rise, threshold, drop or all_time_high' },
  );
}

function alertRule(form: Strictness) {
  return objectOf(form)({
    id: idSchema('rule id'),
    scope: alertScope(form),
    spec: alertSpec(form),
    enabled: z.boolean(),
    cooldownMinutes: positive('cooldownMinutes', ALERT_LIMITS.cooldownMinutes.max),
  });
}

/* ---------- the two forms ---------- */

export const storedTargetSchema = target('stored');
export const targetRequestSchema = target('request');
export const storedQuietHoursSchema = quietHours('stored');
export const quietHoursRequestSchema = quietHours('request');
export const storedAlertScopeSchema = alertScope('stored');
export const seriesRefRequestSchema = alertScope('request');
export const storedAlertSpecSchema = alertSpec('stored');
export const storedAlertRuleSchema = alertRule('stored');
export const alertRuleRequestSchema = alertRule('request');

/*
 * Compile-time guard: each schema has exactly the fields of its shared type, optional ones included
 * (zod drops fields it does not know, so a field added in src/shared alone would vanish at the next save).
 */
type SameFields<A, B> = [Required<A>] extends [Required<B>] ? ([Required<B>] extends [Required<A>] ? true : false) : false;
function sameFields<A, B>(ok: SameFields<A, B>): SameFields<A, B> {
  return ok;
}
sameFields<z.infer<typeof storedTargetSchema>, TargetConfig>(true);
sameFields<z.infer<typeof targetRequestSchema>, TargetConfig>(true);
sameFields<z.infer<typeof storedAlertScopeSchema>, AlertScope>(true);
sameFields<z.infer<typeof storedAlertSpecSchema>, AlertRuleSpec>(true);
sameFields<z.infer<typeof storedAlertRuleSchema>, AlertRule>(true);
sameFields<z.infer<typeof alertRuleRequestSchema>, AlertRule>(true);
sameFields<z.infer<typeof storedQuietHoursSchema>, QuietHours>(true);
sameFields<z.infer<typeof quietHoursRequestSchema>, QuietHours>(true);
