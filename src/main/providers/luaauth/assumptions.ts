import { DEFAULT_BASE_URLS } from '../../../shared/model';
import { describeRateLimits, type AssumptionRef, type ProviderAssumptionsView } from '../../../shared/provider-assumptions';
import { LUAAUTH_RATE_WINDOWS } from './rate-limits';
import { LUAAUTH_COUNT_PAGE } from './count-search';
import { toRateLimitSettings } from '../assumption-defaults';

/**
 * LuaAuth: the seed documents the session and script routes, their bodies and the success envelope;
 * the host, the auth header, the limits, the bulk-message route (the seed lists it at
 * POST /sessions/disconnect, a slip) and the project routes are assumed. Shown in Provider details
 * and the README.
 */
const rateLimits = toRateLimitSettings(LUAAUTH_RATE_WINDOWS);

/**
 * Where bulk messages go unless the account says otherwise. The seed's "POST /sessions/disconnect"
 * collides with bulk disconnect; this mirrors the single-session POST /sessions/:id/message.
 */
export const LUAAUTH_BULK_MESSAGE_ROUTE = '/sessions/message';

export function luaauthBulkMessageRoute(route: string): AssumptionRef {
  return {
    topic: 'Bulk message route',
    assumed: `bulk messages go to POST ${route} (the docs list POST /sessions/disconnect, which is the bulk disconnect)`,
    setting: 'bulkMessageRoute',
  };
}

export const LUAAUTH_PROJECT_ROUTES: AssumptionRef = {
  topic: 'Project routes',
  assumed: 'GET /projects/:id and /projects/:id/executions name a project and its scripts (not in the seed)',
};

/** The server gave shorter session pages than asked: counting still works, at more requests. */
export function luaauthPageCapNote(cap: number): string {
  return (
    `LuaAuth: session pages are capped at ${cap} (Pulsebar assumed ${LUAAUTH_COUNT_PAGE}); counts stay exact but take more requests. ` +
    'If polls get slow, raise the poll interval or the Rate limits in Provider details.'
  );
}

export const LUAAUTH_ASSUMPTIONS: ProviderAssumptionsView = {
  defaults: { baseUrl: DEFAULT_BASE_URLS.luaauth, rateLimits, bulkMessageRoute: LUAAUTH_BULK_MESSAGE_ROUTE },
  assumptions: [
    {
      id: 'luaauth.base-url',
      topic: 'Base URL',
      basis: 'assumed',
      value: DEFAULT_BASE_URLS.luaauth,
      note: 'The seed gives routes but no host; this is the host of LuaAuth\'s loader URLs.',
      setting: 'baseUrl',
    },
    {
      id: 'luaauth.auth',
      topic: 'Authentication',
      basis: 'assumed',
      value: 'token: <key> header',
      note: "From LuaAuth's public pages, not the seed.",
    },
    {
      id: 'luaauth.rate-limits',
      topic: 'Rate limits',
      basis: 'assumed',
      value: describeRateLimits(rateLimits),
      note: "From LuaAuth's public pages (some routes stricter, unknown which); a \"ratelimited\" answer still slows polling down.",
      setting: 'rateLimits',
    },
    {
      id: 'luaauth.bulk-message-route',
      topic: 'Bulk message route',
      basis: 'assumed',
      value: `POST ${LUAAUTH_BULK_MESSAGE_ROUTE}`,
      note: 'The seed lists "Messaging multiple sessions" at POST /sessions/disconnect, the bulk disconnect route.',
      setting: 'bulkMessageRoute',
    },
    {
      id: 'luaauth.success-envelope',
      topic: 'Errors',
      basis: 'assumed',
      value: 'Success read from "success"; errors from {error: {code, message, failed}}, any HTTP status',
      note: 'The seed shows the success bodies only; HTTP status codes are not documented.',
    },
    {
      id: 'luaauth.page-cap',
      topic: 'Session page size',
      basis: 'assumed',
      value: `Pages of up to ${LUAAUTH_COUNT_PAGE} sessions`,
      note: 'The seed gives no maximum for "limit". A smaller cap is detected and counted around; the account then notes it.',
    },
    {
      id: 'luaauth.project-routes',
      topic: LUAAUTH_PROJECT_ROUTES.topic,
      basis: 'assumed',
      value: 'GET /projects/:id, GET /projects/:id/executions',
      note: 'Executions keys "<name> - <id>" name the scripts of a project.',
    },
    {
      id: 'luaauth.live-count',
      topic: 'Live count',
      basis: 'assumed',
      value: 'Counted from the session list (Settings can read total_sessions instead)',
      note: 'Whether total_sessions is live or lifetime is not documented.',
    },
  ],
};
