import type { SimConfig } from './config';
import { junkieSessionJson, junkieUsername, type JunkieScript } from './junkie-data';
import { parseIntParam, type ProviderApi } from './provider-api';
import { SlidingWindowLimiter } from './rate-limit';
import { header, json, type Reply, type RequestContext } from './reply';
import { Router, type Params } from './router';
import type { World } from './world';

type Handler = (ctx: RequestContext, params: Params) => Reply;

const BASE = ['api', 'v2'];
const MAX_LIMIT = 50;

/**
 * Junkie REST API v2. The docs give statuses but no error bodies [U]:
 * ASSUMPTION — every error body here is `{"error": "<text>"}`; clients must branch on the status only.
 */
const error = (status: number, text: string, headers?: Record<string, string>): Reply => json(status, { error: text }, headers);

export function createJunkie(world: World, config: SimConfig): ProviderApi {
  const limiter = new SlidingWindowLimiter([config.junkie.rateLimit]);
  const scripts = new Map<string, JunkieScript>(world.junkie.scripts.map((s) => [s.id, s]));
  const beatIntervalMs = Math.max(1000, Math.min(30_000, Math.floor(config.junkie.heartbeatTimeoutMs / 2)));
  const population = world.populations.junkie;

  const liveCounts: Handler = () => {
    const counts: Record<string, number> = {};
    let total = 0;
    for (const target of population.targets) {
      total += target.live;
      if (target.live > 0 || config.junkie.includeZeroCounts) counts[target.id] = target.live;
    }
    return json(200, { counts, total });
  };

  const liveSessions: Handler = (ctx, { scriptId = '' }) => {
    const script = scripts.get(scriptId);
    const target = population.target(scriptId);
    if (!script || !target) return error(404, 'Script not found or access denied');
    const page = parseIntParam(ctx.query.get('page')) ?? 1;
    let limit = parseIntParam(ctx.query.get('limit')) ?? 20;
    if (!Number.isInteger(page) || page < 1) return error(400, 'page must be an integer >= 1');
    if (!Number.isInteger(limit) || limit < 1) return error(400, 'limit must be an integer between 1 and 50');
    if (limit > MAX_LIMIT) {
      // Clamp vs. reject above 50 is [U]; configurable.
      if (config.junkie.overLimit === 'reject') return error(400, 'limit must be an integer between 1 and 50');
      limit = MAX_LIMIT;
    }
    const search = (ctx.query.get('search') ?? '').toLowerCase();
    const matching = search ? target.sessions.filter((s) => junkieUsername(s).toLowerCase().includes(search)) : target.sessions;
    const total = matching.length;
    const sessions = matching.slice((page - 1) * limit, page * limit).map((s) => junkieSessionJson(s, script, ctx.now, beatIntervalMs));
    return json(200, { sessions, total, page, limit, totalPages: Math.ceil(total / limit) });
  };

  const services: Handler = (ctx) => {
    const withCount = ctx.query.get('include_execution_count') === 'true';
    return json(200, {
      services: world.junkie.services.map(({ execution_count, ...service }) => (withCount ? { ...service, execution_count } : service)),
    });
  };

  const router = new Router<Handler>().add('GET', 'live-users', liveCounts).add('GET', 'live-users/:scriptId', liveSessions).add('GET', 'services', services);

  return {
    provider: 'junkie',
    async handle(ctx) {
      // \S after \s+ (not .+): the two could split a run of spaces many ways, quadratic on a long one.
      const auth = /^Bearer\s+(\S.*)$/i.exec(header(ctx, 'authorization') ?? '');
      if (auth?.[1] !== config.keys.junkie) return error(401, 'Unauthorized');
      const wait = limiter.take(config.keys.junkie, ctx.now);
      if (wait > 0) return error(429, 'Rate limit exceeded', { 'Retry-After': String(wait) });
      const inBase = BASE.every((part, i) => ctx.segments[i] === part);
      const found = inBase ? router.resolve(ctx.method, ctx.segments.slice(BASE.length)) : null;
      if (!found || found === 'wrong_method') return error(404, 'Not Found');
      return found.handler(ctx, found.params);
    },
    faultReply(kind, status, retryAfterSeconds) {
      if (kind === 'rate_limited') return error(429, 'Rate limit exceeded', { 'Retry-After': String(retryAfterSeconds ?? 30) });
      return error(status, status === 502 ? 'Heartbeat service unavailable' : status === 503 ? 'Service Unavailable' : 'Internal Server Error');
    },
  };
}
