import type { SimConfig } from './config';
import { luaauthSessionJson, type LuaAuthScript } from './luaauth-data';
import type { World } from './world';

/** The world as LuaAuth's handler groups (sessions, scripts, projects) look things up in it. */
export type LuaAuthLookup = ReturnType<typeof luaauthLookup>;

export function luaauthLookup(world: World, config: SimConfig) {
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
  return { world, config, population, projects, liveScript, sessionJson };
}
