import { parseIntParam } from './provider-api';
import { dailyExecutions, luaauthSessionJson, totalExecutions, type LuaAuthScript } from './luaauth-data';
import { fail, fieldErrors, invalid, objectBody, ok, type FieldError, type Handler } from './luaauth-envelope';
import type { LuaAuthLookup } from './luaauth-lookup';
import type { Reply, RequestContext } from './reply';

/** LuaAuth's script routes: read, edit, toggle, update, remove, list and filter its sessions, executions. */
export function scriptHandlers({ config, population, projects, liveScript }: LuaAuthLookup) {
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
  const getScript = withScript((ctx, s) => ok({ script: scriptJson(s, ctx.now) }));

  return { getScript, executions, edit, toggle, update, remove, sessions, filter };
}
