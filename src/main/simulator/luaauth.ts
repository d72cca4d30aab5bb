import { LUAAUTH_WINDOW, type SimConfig } from './config';
import { fail, invalid, invalidEndpoint, type Handler } from './luaauth-envelope';
import { luaauthLookup } from './luaauth-lookup';
import { projectHandlers } from './luaauth-projects';
import { scriptHandlers } from './luaauth-scripts';
import { sessionHandlers } from './luaauth-sessions';
import type { ProviderApi } from './provider-api';
import { SlidingWindowLimiter } from './rate-limit';
import { header } from './reply';
import { Router } from './router';
import type { World } from './world';

/** LuaAuth: the token check, the rate limit and the route table; the envelope is in luaauth-envelope.ts. */
export function createLuaAuth(world: World, config: SimConfig): ProviderApi {
  const limiter = new SlidingWindowLimiter([LUAAUTH_WINDOW]);
  const lookup = luaauthLookup(world, config);
  const { getSession, disconnectOne, messageOne, bulkMessage, bulkDisconnect } = sessionHandlers(lookup);
  const { getScript, executions, edit, toggle, update, remove, sessions, filter } = scriptHandlers(lookup);
  const { getProject, projectExecutions } = projectHandlers(lookup);

  const router = new Router<Handler>()
    .add('GET', 'sessions/:id', getSession)
    .add('POST', 'sessions/:id/disconnect', disconnectOne)
    .add('POST', 'sessions/:id/message', messageOne)
    .add('POST', config.luaauth.bulkMessageRoute, bulkMessage)
    .add('POST', 'sessions/disconnect', bulkDisconnect)
    .add('GET', 'scripts/:id', getScript)
    .add('GET', 'scripts/:id/executions', executions)
    .add('POST', 'scripts/:id/edit', edit)
    .add('POST', 'scripts/:id/toggle', toggle)
    .add('POST', 'scripts/:id/update', update)
    .add('POST', 'scripts/:id/remove', remove)
    .add('POST', 'scripts/:id/sessions', sessions)
    .add('GET', 'scripts/:id/sessions/filter', filter)
    .add('GET', 'projects/:id', getProject)
    .add('GET', 'projects/:id/executions', projectExecutions);

  return {
    provider: 'luaauth',
    async handle(ctx) {
      const token = header(ctx, 'token');
      if (token === undefined || token === '') return invalid(401, ['missing token']);
      if (token !== config.keys.luaauth) return invalid(401, ['invalid token']);
      const wait = limiter.take(token, ctx.now);
      if (wait > 0) return fail(429, -1, 'ratelimited', undefined, { 'Retry-After': String(wait) });
      const found = router.resolve(ctx.method, ctx.segments);
      if (!found || found === 'wrong_method') return invalidEndpoint();
      return found.handler(ctx, found.params);
    },
    faultReply(kind, status, retryAfterSeconds) {
      if (kind === 'rate_limited') return fail(429, -1, 'ratelimited', undefined, { 'Retry-After': String(retryAfterSeconds ?? 1) });
      return fail(status, -1, 'internal server error');
    },
  };
}
