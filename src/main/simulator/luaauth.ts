import { LUAAUTH_WINDOW, type SimConfig } from './config';
import { dailyExecutions, dayKey, luaauthSessionJson, totalExecutions, type LuaAuthScript } from './luaauth-data';
import { parseIntParam, type ProviderApi } from './provider-api';
import { SlidingWindowLimiter } from './rate-limit';
import { delay, header, INVALID_JSON, json, type Reply, type RequestContext } from './reply';
import { Router, type Params } from './router';
import type { World } from './world';

type Handler = (ctx: RequestContext, params: Params) => Reply | Promise<Reply>;
type FieldError = { field: string; errors: string[] };

/**
 * LuaAuth. Every answer is the envelope {success:true,...} or
 * {success:false,error:{code,message,failed?}}. HTTP statuses are undocumented [U];
 * ASSUMPTION: 200 ok, 400 invalid input, 401 bad token, 404 unknown route or id,
 * 429 ratelimited, 500 internal — the envelope is the same whatever the status.
 */
const ok = (extra: Record<string, unknown> = {}): Reply => json(200, { success: true, ...extra });
const fail = (status: number, code: number, message: string, failed?: unknown, headers?: Record<string, string>): Reply =>
  json(status, { success: false, error: failed === undefined ? { code, message } : { code, message, failed } }, headers);
const invalid = (status: number, failed: Array<string | FieldError>) => fail(status, -1, 'unauthorized or invalid request', failed);
const fieldErrors = (errors: FieldError[]) => invalid(400, errors);
const invalidEndpoint = () => fail(404, -1, 'invalid endpoint');

const LUA_ERROR = `[string "handler"]:12: attempt to index nil with 'Character'`;

/** The body as a plain object, or a 400 reply. Missing body counts as {}. */
function objectBody(ctx: RequestContext): { body: Record<string, unknown> } | { error: Reply } {
  if (ctx.body === INVALID_JSON) return { error: fieldErrors([{ field: 'body', errors: ['body must be valid JSON'] }]) };
  if (ctx.body === undefined || ctx.body === null) return { body: {} };
  if (typeof ctx.body !== 'object' || Array.isArray(ctx.body)) return { error: fieldErrors([{ field: 'body', errors: ['body must be a JSON object'] }]) };
  return { body: ctx.body as Record<string, unknown> };
}

const stringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

export function createLuaAuth(world: World, config: SimConfig): ProviderApi {
  const limiter = new SlidingWindowLimiter([LUAAUTH_WINDOW]);
  const population = world.populations.luaauth;
  const projects = new Map(world.luaauth.projects.map((p) => [p.id, p]));

  const liveScript = (id: string): LuaAuthScript | undefined => {
    const s = world.luaauth.scripts.get(id);
    return s && !s.removed ? s : undefined;
  };
  const sessionJson = (sessionId: string) => {
    const found = population.find(sessionId);
    const script = found && liveScript(found.target.id);
    const project = script && projects.get(script.project_id);
    return found && script && project ? luaauthSessionJson(found.session, script, project) : undefined;
  };

  /** What the simulated game client answers to one command (real timers). */
  const ask = async (sessionId: string, key: string, data: unknown, signal: AbortSignal): Promise<Record<string, unknown>> => {
    if (!population.find(sessionId)) return { processed: false, reason: 'client never responded' };
    const behaviour = world.luaauthClients.perSession.get(sessionId) ?? world.luaauthClients.fallback;
    if (behaviour === 'never_answers') {
      await delay(config.luaauth.messageWaitMs, signal);
      return { processed: false, reason: 'client never responded' };
    }
    await delay(config.luaauth.replyDelayMs, signal);
    // The handler ran but returned something LuaAuth could not pass on (a documented reason).
    if (world.strays.has('luaauth', 'invalid_return_data')) return { processed: false, reason: 'invalid return data' };
    if (behaviour === 'handler_missing') return { processed: false, reason: 'function doesnt exist' };
    if (behaviour === 'handler_error') return { processed: false, reason: `function errored, message: ${LUA_ERROR}` };
    // The table a handler would return: echoes the command so tests can see it arrived intact.
    return { processed: true, response: { ok: true, handler: key, echo: data } };
  };

  const getSession: Handler = (_ctx, { id = '' }) => {
    const session = sessionJson(id);
    return session ? ok({ session }) : invalid(404, ['session not found']);
  };

  const disconnectOne: Handler = (ctx, { id = '' }) => {
    if (!sessionJson(id)) return invalid(404, ['session not found']);
    population.disconnect(id, ctx.now, 0); // a closed WebSocket is gone at once
    return ok();
  };

  const messageOne: Handler = async (ctx, { id = '' }) => {
    const parsed = objectBody(ctx);
    if ('error' in parsed) return parsed.error;
    const body = parsed.body;
    if (typeof body.key !== 'string' || body.key === '') return fieldErrors([{ field: 'key', errors: ['key must be a non-empty string'] }]);
    if (!sessionJson(id)) return invalid(404, ['session not found']);
    const data = body.data ?? [];
    world.messages.push({ provider: 'luaauth', at: ctx.now, sessionIds: [id], handler: body.key, data });
    return ok(await ask(id, body.key, data, ctx.signal));
  };

  /** Bulk message: one entry per id, in order. Unknown ids answer "client never responded" at once (partial failure is [U]). */
  const messageMany = async (ctx: RequestContext, body: Record<string, unknown>): Promise<Reply> => {
    const errors: FieldError[] = [];
    if (!stringArray(body.session_ids)) errors.push({ field: 'session_ids', errors: ['session_ids must be an array of strings'] });
    if (typeof body.key !== 'string' || body.key === '') errors.push({ field: 'key', errors: ['key must be a non-empty string'] });
    if (errors.length > 0) return fieldErrors(errors);
    const ids = body.session_ids as string[];
    const key = body.key as string;
    const data = body.data ?? [];
    world.messages.push({ provider: 'luaauth', at: ctx.now, sessionIds: ids.filter((id) => sessionJson(id)), handler: key, data });
    return ok({ responses: await Promise.all(ids.map((id) => ask(id, key, data, ctx.signal))) });
  };

  const bulkMessage: Handler = (ctx) => {
    const parsed = objectBody(ctx);
    return 'error' in parsed ? parsed.error : messageMany(ctx, parsed.body);
  };

  const bulkDisconnect: Handler = (ctx) => {
    const parsed = objectBody(ctx);
    if ('error' in parsed) return parsed.error;
    const body = parsed.body;
    // The seed lists bulk message at this path too (a slip): a body carrying `key` is a bulk message.
    if (body.key !== undefined) return messageMany(ctx, body);
    if (!stringArray(body.session_ids)) return fieldErrors([{ field: 'session_ids', errors: ['session_ids must be an array of strings'] }]);
    for (const id of body.session_ids) if (sessionJson(id)) population.disconnect(id, ctx.now, 0); // unknown ids are ignored [U]
    return ok();
  };

  const withScript = (fn: (ctx: RequestContext, script: LuaAuthScript) => Reply | Promise<Reply>): Handler => {
    return (ctx, { id = '' }) => {
      const script = liveScript(id);
      return script ? fn(ctx, script) : invalid(404, ['script not found']);
    };
  };

  const scriptJson = (script: LuaAuthScript, now: number) => {
    const target = population.target(script.id);
    const sessions = target?.sessions ?? [];
    const project = projects.get(script.project_id);
    // total_sessions = live sessions now; total_instances = distinct servers (job ids) among them.
    // Whether the real fields are live or lifetime counts is [U]; live makes them usable as counters.
    const jobs = new Set(project ? sessions.map((s) => luaauthSessionJson(s, script, project).job_id) : []);
    return {
      id: script.id,
      project_id: script.project_id,
      name: script.name,
      free_for_all: script.free_for_all,
      use_heartbeat: script.use_heartbeat,
      kick_outdated: script.kick_outdated,
      require_sessions: script.require_sessions,
      enabled: script.enabled,
      total_executions: totalExecutions(config.seed, script, now),
      total_sessions: target?.live ?? 0,
      total_instances: jobs.size,
    };
  };

  const EDITABLE_BOOLS = ['free_for_all', 'use_heartbeat', 'kick_outdated', 'require_sessions'] as const;

  const edit = withScript((ctx, script) => {
    const parsed = objectBody(ctx);
    if ('error' in parsed) return parsed.error;
    const body = parsed.body;
    const errors: FieldError[] = [];
    if (body.name !== undefined && body.name !== null && typeof body.name !== 'string') errors.push({ field: 'name', errors: ['name must be a string'] });
    for (const f of EDITABLE_BOOLS) {
      if (body[f] !== undefined && body[f] !== null && typeof body[f] !== 'boolean') errors.push({ field: f, errors: [`${f} must be a boolean`] });
    }
    if (errors.length > 0) return fieldErrors(errors);
    // null or omitted leaves a field unchanged; "" sets it to null.
    const changes = ['name', ...EDITABLE_BOOLS].filter((f) => body[f] !== undefined && body[f] !== null);
    if (changes.length === 0) return fail(400, 1, 'cannot edit nothing');
    if (typeof body.name === 'string') script.name = body.name === '' ? null : body.name;
    for (const f of EDITABLE_BOOLS) if (typeof body[f] === 'boolean') script[f] = body[f] as boolean;
    return ok();
  });

  const toggle = withScript((ctx, script) => {
    const parsed = objectBody(ctx);
    if ('error' in parsed) return parsed.error;
    const body = parsed.body;
    if (typeof body.state !== 'boolean') return fieldErrors([{ field: 'state', errors: ['state must be a boolean'] }]);
    script.enabled = body.state;
    // A disabled script takes no new executions: no new sessions join, existing ones drain.
    const target = population.target(script.id);
    if (target) target.joinsEnabled = body.state;
    return ok();
  });

  const update = withScript((ctx, script) => {
    const parsed = objectBody(ctx);
    if ('error' in parsed) return parsed.error;
    const body = parsed.body;
    if (typeof body.script !== 'string') return fieldErrors([{ field: 'script', errors: ['script must be a string'] }]);
    script.source = body.script;
    return ok();
  });

  const remove = withScript((_ctx, script) => {
    script.removed = true;
    population.removeTarget(script.id);
    return ok();
  });

  /** from/limit validation shared by the list and the filter; limit is capped at maxPageLimit. */
  const paging = (from: unknown, limit: unknown): { from: number; limit: number } | { error: Reply } => {
    const errors: FieldError[] = [];
    const f = from ?? 0;
    const l = limit ?? 50;
    if (typeof f !== 'number' || !Number.isInteger(f) || f < 0) errors.push({ field: 'from', errors: ['from must be a non-negative integer'] });
    if (typeof l !== 'number' || !Number.isInteger(l) || l < 1) errors.push({ field: 'limit', errors: ['limit must be a positive integer'] });
    if (errors.length > 0) return { error: fieldErrors(errors) };
    return { from: f as number, limit: Math.min(l as number, config.luaauth.maxPageLimit) };
  };

  const listSessions = (script: LuaAuthScript, page: { from: number; limit: number }, keep: (s: ReturnType<typeof luaauthSessionJson>) => boolean) => {
    const project = projects.get(script.project_id);
    const all = population.target(script.id)?.sessions ?? [];
    if (!project) return ok({ sessions: [] });
    // Without filters, slice first so a page of 5 000 sessions costs only `limit` objects.
    const items = keep === everything ? all.slice(page.from, page.from + page.limit).map((s) => luaauthSessionJson(s, script, project)) : all.map((s) => luaauthSessionJson(s, script, project)).filter(keep).slice(page.from, page.from + page.limit);
    return ok({ sessions: items });
  };
  const everything = () => true;

  const sessions = withScript((ctx, script) => {
    const parsed = objectBody(ctx);
    if ('error' in parsed) return parsed.error;
    const body = parsed.body;
    const page = paging(body.from, body.limit);
    return 'error' in page ? page.error : listSessions(script, page, everything);
  });

  const filter = withScript((ctx, script) => {
    const q = ctx.query;
    const page = paging(parseIntParam(q.get('from')), parseIntParam(q.get('limit')));
    if ('error' in page) return page.error;
    const want = { user_key: q.get('key'), roblox_id: q.get('roblox_id'), place_id: q.get('place_id'), job_id: q.get('job_id') };
    const active = Object.entries(want).filter((e): e is [keyof typeof want, string] => e[1] !== null && e[1] !== '');
    const keep = active.length === 0 ? everything : (s: ReturnType<typeof luaauthSessionJson>) => active.every(([k, v]) => String(s[k]) === v);
    return listSessions(script, page, keep);
  });

  const executions = withScript((ctx, script) => ok({ executions: dailyExecutions(config.seed, script, ctx.now) }));

  const projectScripts = (projectId: string) =>
    (projects.get(projectId)?.scriptIds ?? []).map((id) => liveScript(id)).filter((s): s is LuaAuthScript => s !== undefined);

  const getProject: Handler = (ctx, { id = '' }) => {
    const project = projects.get(id);
    if (!project) return invalid(404, ['project not found']);
    const { scriptIds: _s, userKeys: _k, ...pub } = project;
    const total = projectScripts(id).reduce((sum, s) => sum + totalExecutions(config.seed, s, ctx.now), 0);
    return ok({ project: { ...pub, total_executions: total } });
  };

  const projectExecutions: Handler = (ctx, { id = '' }) => {
    if (!projects.has(id)) return invalid(404, ['project not found']);
    const total: Record<string, number> = {};
    const out: Record<string, Record<string, number>> = { total };
    for (const script of projectScripts(id)) {
      const days = dailyExecutions(config.seed, script, ctx.now);
      for (const [day, n] of Object.entries(days)) total[day] = (total[day] ?? 0) + n;
      out[`${script.name ?? ''} - ${script.id}`] = days;
    }
    if (Object.keys(total).length === 0) for (let d = 13; d >= 0; d--) total[dayKey(ctx.now - d * 86_400_000)] = 0;
    return ok({ executions: out });
  };

  const router = new Router<Handler>()
    .add('GET', 'sessions/:id', getSession)
    .add('POST', 'sessions/:id/disconnect', disconnectOne)
    .add('POST', 'sessions/:id/message', messageOne)
    .add('POST', config.luaauth.bulkMessageRoute, bulkMessage)
    .add('POST', 'sessions/disconnect', bulkDisconnect)
    .add('GET', 'scripts/:id', withScript((ctx, s) => ok({ script: scriptJson(s, ctx.now) })))
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

