import { LUAPROT_WINDOWS, type SimConfig } from './config';
import { luaprotSessionDetail, luaprotSessionJson, type LuaProtHub } from './luaprot-data';
import type { SimSession } from './population';
import type { ProviderApi } from './provider-api';
import { SlidingWindowLimiter } from './rate-limit';
import { header, INVALID_JSON, json, type Reply, type RequestContext } from './reply';
import { Router, type Params } from './router';
import { NOT_THIS_MACHINE } from './strays';
import { LUAPROT_MESSAGE_MAX, messageLength } from '../../shared/luaprot-message';
import type { World } from './world';

type Handler = (ctx: RequestContext, params: Params) => Reply;

/** LuaProt answers everything as {success, message, ...}; the seed's messages are used verbatim. */
const fail = (status: number, message: string, headers?: Record<string, string>): Reply => json(status, { success: false, message }, headers);
const ok = (message: string, extra: Record<string, unknown> = {}): Reply => json(200, { success: true, message, ...extra });

const MSG = {
  // ASSUMPTIONS (bodies not in the seed): bad key, whitelist, rate limit, bad input, unknown route.
  badKey: 'Invalid API key.',
  notWhitelisted: 'Your IP address is not whitelisted. Add it in the LuaProt dashboard.',
  rateLimited: 'You are being rate limited.',
  noScope: 'Provide hubId, or one of discordId / key.',
  noBulkScope: 'Provide hubId or key.',
  badMessage: 'Message must be between 1 and 100 characters.',
  badJson: 'Invalid JSON body.',
  notFound: 'Route not found.',
  // From the seed.
  keyNotFound: 'Key could not be found.',
  hubNotFound: 'Hub not found or linked to your account.',
  invalidSession: 'Invalid session.',
  sessionNotFound: 'Session not found or unauthorized to manage.',
  cannotManage: 'You cannot manage this session.',
  noActive: 'No active sessions found.',
};

const SESSION_ID = /^\d{20}$/;

export function createLuaProt(world: World, config: SimConfig): ProviderApi {
  const limiter = new SlidingWindowLimiter(LUAPROT_WINDOWS);
  const hubs = new Map<string, LuaProtHub>(world.luaprot.hubs.map((h) => [h.id, h]));
  const population = world.populations.luaprot;
  const linger = config.luaprot.disconnectLingerMs;

  const sessionsOfHub = (hub: LuaProtHub): SimSession[] => population.target(hub.id)?.sessions ?? [];
  const sessionsOfKeys = (keys: Set<string>, hubIds: Set<string>): Array<{ s: SimSession; hub: LuaProtHub }> => {
    const out: Array<{ s: SimSession; hub: LuaProtHub }> = [];
    for (const hubId of hubIds) {
      const hub = hubs.get(hubId);
      if (!hub) continue;
      for (const s of sessionsOfHub(hub)) if (keys.has(luaprotSessionDetail(s, hub).key.key)) out.push({ s, hub });
    }
    return out;
  };

  /** Resolve hubId | key | discordId (hubId wins) to sessions, or the seed's error. */
  const scope = (q: { hubId?: unknown; key?: unknown; discordId?: unknown }, allowDiscord: boolean) => {
    const given = (v: unknown): v is string => typeof v === 'string' && v !== '';
    if (given(q.hubId)) {
      const hub = hubs.get(q.hubId);
      if (!hub) return fail(404, MSG.hubNotFound);
      return sessionsOfHub(hub).map((s) => ({ s, hub }));
    }
    if (given(q.key)) {
      const record = world.luaprot.keyIndex.get(q.key);
      if (!record) return fail(400, MSG.keyNotFound);
      return sessionsOfKeys(new Set([record.key]), new Set([record.hubId]));
    }
    if (allowDiscord && given(q.discordId)) {
      const records = world.luaprot.discordIndex.get(q.discordId);
      if (!records) return fail(400, MSG.keyNotFound);
      return sessionsOfKeys(new Set(records.map((r) => r.key)), new Set(records.map((r) => r.hubId)));
    }
    return fail(400, allowDiscord ? MSG.noScope : MSG.noBulkScope);
  };

  const messageText = (body: unknown): string | Reply => {
    if (body === INVALID_JSON) return fail(400, MSG.badJson);
    const message = (body as { message?: unknown } | undefined)?.message;
    // Counted in code points, as the app assumes LuaProt does (shared/luaprot-message.ts) [assumption].
    if (typeof message !== 'string' || message.length < 1 || messageLength(message) > LUAPROT_MESSAGE_MAX) return fail(400, MSG.badMessage);
    return message;
  };

  /** A session that can still be managed (known, not already disconnected). */
  const manageable = (id: string) => {
    const found = population.find(id);
    return found && found.session.disconnectedAt === undefined ? found : undefined;
  };

  const getSessions: Handler = (ctx) => {
    const q = ctx.query;
    const found = scope({ hubId: q.get('hubId'), key: q.get('key'), discordId: q.get('discordId') }, true);
    if (!Array.isArray(found)) return found;
    if (found.length === 0 && world.strays.has('luaprot', 'empty_as_error')) return fail(400, MSG.noActive);
    return ok('Successfully fetched sessions.', { sessions: found.map(({ s, hub }) => luaprotSessionJson(s, hub)) });
  };

  const info: Handler = (_ctx, { id = '' }) => {
    if (!SESSION_ID.test(id)) return fail(400, MSG.invalidSession);
    const found = population.find(id);
    const hub = found && hubs.get(found.target.id);
    if (!found || !hub) return fail(403, MSG.sessionNotFound);
    const d = luaprotSessionDetail(found.session, hub);
    const { id: sid, robloxUsername, robloxJobId, robloxUniverseId, created } = luaprotSessionJson(found.session, hub);
    return ok('Successfully fetched session info.', {
      session: { id: sid, key: d.key.key, robloxUsername, robloxJobId, robloxUniverseId, created },
      key: structuredClone(d.key),
    });
  };

  const message: Handler = (ctx, { id = '' }) => {
    if (!manageable(id)) return fail(400, MSG.cannotManage);
    const text = messageText(ctx.body);
    if (typeof text !== 'string') return text;
    world.messages.push({ provider: 'luaprot', at: ctx.now, sessionIds: [id], text });
    return ok('Successfully messaged session.');
  };

  const disconnect: Handler = (ctx, { id = '' }) => {
    if (!manageable(id)) return fail(400, MSG.cannotManage);
    population.disconnect(id, ctx.now, linger);
    return ok('Successfully disconnected session.');
  };

  const messageAll: Handler = (ctx) => {
    const text = messageText(ctx.body);
    if (typeof text !== 'string') return text;
    const body = (ctx.body ?? {}) as { hubId?: unknown; key?: unknown };
    const found = scope(body, false);
    if (!Array.isArray(found)) return found;
    const live = found.filter(({ s }) => s.disconnectedAt === undefined);
    if (live.length === 0) return fail(400, MSG.noActive);
    const scopeSent = typeof body.hubId === 'string' && body.hubId ? { hubId: body.hubId } : { key: String(body.key) };
    world.messages.push({ provider: 'luaprot', at: ctx.now, sessionIds: live.map(({ s }) => s.id), scope: scopeSent, text });
    return ok('Successfully messaged sessions.');
  };

  const disconnectAll: Handler = (ctx) => {
    const found = scope({ hubId: ctx.query.get('hubId'), key: ctx.query.get('key') }, false);
    if (!Array.isArray(found)) return found;
    const live = found.filter(({ s }) => s.disconnectedAt === undefined);
    if (live.length === 0) return fail(400, MSG.noActive);
    for (const { s } of live) population.disconnect(s.id, ctx.now, linger);
    return ok('Successfully disconnected sessions.');
  };

  // Not in the docs [I]: shape from third-party dashboards' mock; the message text is an assumption.
  const hubsGet: Handler = () =>
    ok('Successfully fetched hubs.', {
      hubs: world.luaprot.hubs.map((h) => ({
        id: h.id,
        name: h.name,
        enabled: 1,
        hwidResetGap: h.hwidResetGap,
        scripts: h.scripts.map((s) => ({ id: s.id, name: s.name, enabled: 1, version: s.version, hwidLock: s.hwidLock })),
      })),
    });

  const router = new Router<Handler>()
    .add('GET', 'api/v1/sessions/get', getSessions)
    .add('GET', 'api/v1/sessions/:id/info', info)
    .add('POST', 'api/v1/sessions/message/:id', message)
    .add('DELETE', 'api/v1/sessions/disconnect/:id', disconnect)
    .add('POST', 'api/v1/sessions/messageall', messageAll)
    .add('DELETE', 'api/v1/sessions/disconnectall', disconnectAll)
    .add('GET', 'api/v1/hubs/get', hubsGet);

  return {
    provider: 'luaprot',
    async handle(ctx) {
      // The raw key, no "Bearer " prefix.
      if (header(ctx, 'authorization') !== config.keys.luaprot) return fail(401, MSG.badKey);
      const allow = world.strays.has('luaprot', 'ip_not_whitelisted') ? [NOT_THIS_MACHINE] : config.luaprot.ipAllowList;
      if (allow && !allow.includes(ctx.remoteAddress)) return fail(403, MSG.notWhitelisted);
      const wait = limiter.take(config.keys.luaprot, ctx.now);
      if (wait > 0) return fail(429, MSG.rateLimited, { 'Retry-After': String(wait) });
      const found = router.resolve(ctx.method, ctx.segments);
      if (!found || found === 'wrong_method') return fail(404, MSG.notFound);
      return found.handler(ctx, found.params);
    },
    faultReply(kind, status, retryAfterSeconds) {
      if (kind === 'rate_limited') return fail(429, MSG.rateLimited, { 'Retry-After': String(retryAfterSeconds ?? 10) });
      return fail(status, 'Internal server error.');
    },
  };
}
