import { z } from 'zod';
import {
  RATE_LIMITS_MAX,
  rateLimitProblem,
  routeProblem,
  type AccountAssumptionSettings,
  type RateLimitSetting,
} from '../../shared/provider-assumptions';

/**
 * An account's overrides of provider assumptions, as the settings file and the IPC edge read them.
 * The rules themselves are the shared checks (rateLimitProblem, routeProblem) the window's fields use,
 * so a value the field accepts is one main accepts.
 */
export const rateLimitSchema = z
  .strictObject({ max: z.number(), windowSeconds: z.number() }, { error: 'a rate limit is { max, windowSeconds }' })
  .superRefine((limit, ctx) => {
    const problem = rateLimitProblem(limit);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }) satisfies z.ZodType<RateLimitSetting>;

export const rateLimitsSchema = z
  .array(rateLimitSchema, { error: 'rateLimits must be a list' })
  .min(1, { error: 'rateLimits: give at least one limit, or leave it out for the default' })
  .max(RATE_LIMITS_MAX, { error: `rateLimits: at most ${RATE_LIMITS_MAX} limits` });

export const bulkMessageRouteSchema = z.string({ error: 'bulkMessageRoute must be text' }).superRefine((route, ctx) => {
  const problem = routeProblem(route);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const accountAssumptionsSchema = z.object({
  rateLimits: rateLimitsSchema.optional(),
  bulkMessageRoute: bulkMessageRouteSchema.optional(),
}) satisfies z.ZodType<AccountAssumptionSettings>;

/** The same, as the window sends it: unknown fields are refused (the renderer is not trusted). */
export const accountAssumptionsRequestSchema = z.strictObject(accountAssumptionsSchema.shape, {
  error: 'assumptions must be { rateLimits?, bulkMessageRoute? }',
});
