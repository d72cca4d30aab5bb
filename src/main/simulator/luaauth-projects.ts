import { dailyExecutions, dayKey, totalExecutions, type LuaAuthScript } from './luaauth-data';
import { invalid, ok, type Handler } from './luaauth-envelope';
import type { LuaAuthLookup } from './luaauth-lookup';

/** LuaAuth's project routes: the project with its total executions, and executions per script and day. */
export function projectHandlers({ config, projects, liveScript }: LuaAuthLookup) {
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

  return { getProject, projectExecutions };
}
