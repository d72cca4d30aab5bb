import { PROVIDERS, type ProviderId } from '../../shared/model';
import { resolveConfig } from './config';
import { createControl } from './control';
import { FaultBoard } from './faults';
import { createJunkie } from './junkie';
import { createLuaAuth } from './luaauth';
import { createLuaProt } from './luaprot';
import { RequestLog } from './request-log';
import { BASE_PATHS, SimServer } from './server';
import type { StartSimulator } from './types';
import { World } from './world';

export type * from './types';

/** Starts the three fake providers on one loopback HTTP server. */
export const startSimulator: StartSimulator = async (options = {}) => {
  const config = resolveConfig(options);
  const world = new World(config);
  const faults = new FaultBoard();
  const log = new RequestLog();
  const control = createControl(world, faults, log, config.clock);
  const apis = { junkie: createJunkie(world, config), luaprot: createLuaProt(world, config), luaauth: createLuaAuth(world, config) };
  const server = new SimServer({ clock: config.clock, world, apis, faults, log, control });
  const port = await server.listen(config.port, config.host);
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const urls = Object.fromEntries(PROVIDERS.map((p) => [p, `http://${host}:${port}${BASE_PATHS[p]}`])) as Record<ProviderId, string>;
  return { port, urls, keys: { ...config.keys }, control, close: () => server.close() };
};
