import { DEFAULT_BASE_URLS } from '../../../shared/model';
import { describeRateLimits, type AssumptionRef, type ProviderAssumptionsView } from '../../../shared/provider-assumptions';
import { JUNKIE_RATE_WINDOWS } from './rate-limits';
import { toRateLimitSettings } from '../assumption-defaults';

/**
 * Junkie: what the seed (its OpenAPI for /live-users and /live-users/{scriptId}) documents and what
 * Pulsebar assumes beyond it. Shown in the account's Provider details and the README.
 */
const rateLimits = toRateLimitSettings(JUNKIE_RATE_WINDOWS);

/** `GET /services` names services for discovery; it is not in the seed. */
export const JUNKIE_SERVICES_ROUTE: AssumptionRef = {
  topic: 'Service list route',
  assumed: 'GET /services lists the services (names for discovery); it is not in the seed',
};

export const JUNKIE_ASSUMPTIONS: ProviderAssumptionsView = {
  defaults: { baseUrl: DEFAULT_BASE_URLS.junkie, rateLimits },
  assumptions: [
    {
      id: 'junkie.base-url',
      topic: 'Base URL',
      basis: 'documented',
      value: DEFAULT_BASE_URLS.junkie,
      note: 'The OpenAPI "servers" entry of the seed.',
      setting: 'baseUrl',
    },
    {
      id: 'junkie.auth',
      topic: 'Authentication',
      basis: 'documented',
      value: 'Authorization: Bearer <key> (scope rest-api:*)',
      note: 'The OpenAPI security scheme of the seed.',
    },
    {
      id: 'junkie.rate-limits',
      topic: 'Rate limits',
      basis: 'assumed',
      value: describeRateLimits(rateLimits),
      note: 'Junkie documents a 429 answer but no numbers; this is a conservative guess. A 429 still slows polling down on its own.',
      setting: 'rateLimits',
    },
    {
      id: 'junkie.error-body',
      topic: 'Error answers',
      basis: 'assumed',
      value: 'Read by HTTP status only (401, 404, 429, 502); any "error"/"message" text is shown',
      note: 'The seed gives a description per status and no body.',
    },
    {
      id: 'junkie.services-route',
      topic: JUNKIE_SERVICES_ROUTE.topic,
      basis: 'assumed',
      value: 'GET /services',
      note: 'Used only to name things when adding an account; a 404 there says so and nothing else breaks.',
    },
    {
      id: 'junkie.missing-count',
      topic: 'Scripts without players',
      basis: 'assumed',
      value: 'A script missing from "counts" has 0 live users',
      note: 'The seed does not say whether scripts at 0 are listed.',
    },
  ],
};
