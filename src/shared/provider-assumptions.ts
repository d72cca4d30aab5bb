/**
 * What Pulsebar assumes about each provider where the seed documents say nothing (or say something
 * that cannot be right), and the per-account settings that let a user correct the assumptions that
 * matter at run time. Plain data and pure checks, in src/shared so main (settings, IPC, clients),
 * the window (Provider details, field validation) and the CLI read one rule.
 *
 * The lists themselves live with each provider (src/main/providers/<id>/assumptions.ts).
 */

/** The settings an account may override; every other assumption is shown, not changeable. */
export const ASSUMPTION_SETTINGS = ['baseUrl', 'rateLimits', 'bulkMessageRoute'] as const;
export type AssumptionSetting = (typeof ASSUMPTION_SETTINGS)[number];

/** How each setting is named to the user (field labels, error advice, README). */
export const ASSUMPTION_SETTING_LABELS: Readonly<Record<AssumptionSetting, string>> = Object.freeze({
  baseUrl: 'Base URL',
  rateLimits: 'Rate limits',
  bulkMessageRoute: 'Bulk message route',
});

/** One request limit: at most `max` requests in any `windowSeconds` seconds. */
export interface RateLimitSetting {
  max: number;
  windowSeconds: number;
}

/**
 * The per-account overrides (AccountConfig.assumptions). Absent fields mean "the provider's default",
 * so a default corrected in a later version reaches every account that never changed it.
 */
export interface AccountAssumptionSettings {
  /** Limits that must all hold (LuaProt has two); the poller's budget and user actions share them. */
  rateLimits?: RateLimitSetting[];
  /** LuaAuth: where bulk messages are sent (the seed's "POST /sessions/disconnect" is a slip). */
  bulkMessageRoute?: string;
}

/* ---------- limits of the settings (one source: settings schema, IPC schema, window fields) ---------- */

export const RATE_LIMIT_MAX_REQUESTS = 10_000;
/** A window longer than an hour would make the budget remember requests for longer than any poll interval. */
export const RATE_LIMIT_MAX_WINDOW_SECONDS = 3_600;
/** LuaProt documents two windows; a few more leave room for a stricter route. */
export const RATE_LIMITS_MAX = 4;
export const ROUTE_MAX = 200;

/** Why a rate limit cannot be used; undefined when it is fine. */
export function rateLimitProblem(limit: { max: unknown; windowSeconds: unknown }): string | undefined {
  const { max, windowSeconds } = limit;
  if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > RATE_LIMIT_MAX_REQUESTS) {
    return `Requests must be a whole number from 1 to ${RATE_LIMIT_MAX_REQUESTS}.`;
  }
  if (typeof windowSeconds !== 'number' || !Number.isInteger(windowSeconds) || windowSeconds < 1 || windowSeconds > RATE_LIMIT_MAX_WINDOW_SECONDS) {
    return `The window must be a whole number of seconds from 1 to ${RATE_LIMIT_MAX_WINDOW_SECONDS}.`;
  }
  return undefined;
}


/**
 * Why a route cannot be used; undefined when it is fine. A route is a path relative to the base URL:
 * it starts with "/", holds no query, fragment, spaces or ".." step, so it cannot point the key elsewhere.
 */
export function routeProblem(route: unknown): string | undefined {
  if (typeof route !== 'string' || route.trim() === '') return 'The route is empty; give a path such as /sessions/message.';
  if (route.length > ROUTE_MAX) return `The route is longer than ${ROUTE_MAX} characters.`;
  if (!route.startsWith('/') || route.startsWith('//')) return 'The route must start with a single "/" (a path after the base URL, e.g. /sessions/message).';
  if (!/^[A-Za-z0-9/_-]+$/.test(route)) return 'The route may hold only letters, digits, "/", "-" and "_" (no query, spaces or placeholders).';
  if (route.split('/').some((part) => part === '.' || part === '..')) return 'The route must not hold "." or ".." steps.';
  return undefined;
}

/** Rate limits in words: "20 per 10 s and 60 per 60 s". */
export function describeRateLimits(limits: readonly RateLimitSetting[]): string {
  return limits.map((l) => `${l.max} per ${l.windowSeconds} s`).join(' and ');
}

/* ---------- what the window is told (providers:assumptions) ---------- */

/** One thing Pulsebar relies on about a provider. */
export interface ProviderAssumption {
  /** Stable id, e.g. "luaauth.bulk-message-route". */
  id: string;
  /** What it is about, e.g. "Bulk message route". */
  topic: string;
  /** 'documented': the seed documents say so; 'assumed': they do not (or contradict themselves). */
  basis: 'documented' | 'assumed';
  /** What Pulsebar uses, in words (for a setting: the default). */
  value: string;
  /** Where it comes from and what happens if it is wrong. */
  note: string;
  /** The account setting that changes it; absent when it is shown only. */
  setting?: AssumptionSetting;
}

/** Defaults of the changeable settings, so the window can show "default" and reset to it. */
export interface AssumptionDefaults {
  baseUrl: string;
  rateLimits: RateLimitSetting[];
  /** Only for providers with a bulk-message route that is assumed (LuaAuth). */
  bulkMessageRoute?: string;
}

export interface ProviderAssumptionsView {
  defaults: AssumptionDefaults;
  assumptions: ProviderAssumption[];
}

/** Which assumption an error ran into, carried on ProviderErrorInfo so the explanation can name it. */
export interface AssumptionRef {
  topic: string;
  /** What Pulsebar assumed, in words. */
  assumed: string;
  setting?: AssumptionSetting;
}
