import { LUAPROT_MESSAGE_MAX, LUAPROT_MESSAGE_MIN } from '../../../shared/luaprot-message';
import { DEFAULT_BASE_URLS } from '../../../shared/model';
import { describeRateLimits, type AssumptionRef, type ProviderAssumptionsView } from '../../../shared/provider-assumptions';
import { LUAPROT_RATE_WINDOWS } from './rate-limits';
import { toRateLimitSettings } from '../assumption-defaults';

/**
 * LuaProt: the seed documents the session routes (paths, query, bodies, the 1–100 character
 * message, some error answers); the base URL, the auth header, the limits and the hub list are
 * from LuaProt's public pages or third-party code, not the seed. Shown in Provider details and the README.
 */
const rateLimits = toRateLimitSettings(LUAPROT_RATE_WINDOWS);

/** LuaProt answers a computer whose IP is not whitelisted with 403 (the wording is not documented). */
export const LUAPROT_WHITELIST_403: AssumptionRef = {
  topic: 'IP whitelist answer',
  assumed: "a 403 that does not say \"not found\" means this computer's IP address is not whitelisted",
};

/** `GET /api/v1/hubs/get` names hubs and scripts; it is from third-party code, not the seed. */
export const LUAPROT_HUBS_ROUTE: AssumptionRef = {
  topic: 'Hub list route',
  assumed: 'GET /api/v1/hubs/get lists hubs with their scripts (seen in third-party code, not in the seed)',
};

export const LUAPROT_ASSUMPTIONS: ProviderAssumptionsView = {
  defaults: { baseUrl: DEFAULT_BASE_URLS.luaprot, rateLimits },
  assumptions: [
    {
      id: 'luaprot.base-url',
      topic: 'Base URL',
      basis: 'assumed',
      value: DEFAULT_BASE_URLS.luaprot,
      note: 'The seed gives routes (/api/v1/...) but no host; this is the host of LuaProt\'s site.',
      setting: 'baseUrl',
    },
    {
      id: 'luaprot.auth',
      topic: 'Authentication',
      basis: 'assumed',
      value: 'Authorization: <key> (the raw key, no "Bearer")',
      note: "From LuaProt's public pages, not the seed. A rejected key shows as \"rejected the API key\".",
    },
    {
      id: 'luaprot.rate-limits',
      topic: 'Rate limits',
      basis: 'assumed',
      value: describeRateLimits(rateLimits),
      note: "From LuaProt's public pages (\"most routes\"), not the seed. A 429 still slows polling down on its own.",
      setting: 'rateLimits',
    },
    {
      id: 'luaprot.whitelist',
      topic: LUAPROT_WHITELIST_403.topic,
      basis: 'assumed',
      value: '403 without "not found" → this computer is not whitelisted',
      note: 'LuaProt requires a whitelisted IP; the seed documents only the 403 "Session not found or unauthorized to manage."',
    },
    {
      id: 'luaprot.hubs-route',
      topic: LUAPROT_HUBS_ROUTE.topic,
      basis: 'assumed',
      value: 'GET /api/v1/hubs/get',
      note: 'Used only to name hubs and scripts; a 404 there says so and counting goes on.',
    },
    {
      id: 'luaprot.hub-id-format',
      topic: 'Hub id format',
      basis: 'assumed',
      value: '20 digits',
      note: 'The seed shows one hub id (40511091490620200512) and fixes no format: the account form warns about other ids but still saves them.',
    },
    {
      id: 'luaprot.no-paging',
      topic: 'Session list paging',
      basis: 'assumed',
      value: 'GET /api/v1/sessions/get returns every session at once',
      note: 'The seed shows no paging parameters.',
    },
    {
      id: 'luaprot.message-length',
      topic: 'Message length',
      basis: 'documented',
      value: `${LUAPROT_MESSAGE_MIN}–${LUAPROT_MESSAGE_MAX} characters, counted in Unicode code points`,
      note: 'The seed says "characters"; counting code points (an emoji is one) is Pulsebar\'s reading.',
    },
  ],
};
