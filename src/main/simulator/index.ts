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

/**
 * Starts the three fake providers on one loopback HTTP server.
 *
 * Choices made where the provider docs are silent ([U]/[I]), all marked at their code:
 * - Junkie: error bodies are {"error": text} (status is what clients must read); zero counts are
 *   included by default; limit > 50 is clamped by default; rate limit 120/60 s by default; session ids
 *   are UUIDs; a session that leaves is removed at once and live sessions beat every
 *   min(30 s, heartbeatTimeoutMs / 2), so none is ever past the heartbeat timeout.
 * - LuaProt: 401 "Invalid API key.", 403 whitelist message, 429 "You are being rate limited." with
 *   Retry-After; no query → 400; a refused (429) request does not count towards either window;
 *   only explicit disconnects linger (natural leaves vanish at once); a lingering session still
 *   answers /info but cannot be messaged or disconnected again.
 * - LuaAuth: statuses 200/400/401/404/429/500 with the same envelope; unknown ids are 404
 *   "unauthorized or invalid request" with failed ["<thing> not found"]; total_sessions = live
 *   sessions, total_instances = distinct job ids among them; bulk message answers unknown ids with
 *   "client never responded" at once; bulk disconnect ignores unknown ids; a disabled script takes no
 *   new sessions; executions are the last 14 UTC days, "MM/DD", oldest first.
 */
export const startSimulator: StartSimulator = async (options = {}) => {
  const config = resolveConfig(options);
  const world = new World(config);
  const faults = new FaultBoard();
  const log = new RequestLog();
  const control = createControl(world, faults, log, config.clock);
  for (const provider of PROVIDERS) {
    const modes = options.strays?.[provider];
    if (modes) control.setStrays(provider, modes);
  }
  const apis = { junkie: createJunkie(world, config), luaprot: createLuaProt(world, config), luaauth: createLuaAuth(world, config) };
  const server = new SimServer({ clock: config.clock, world, apis, faults, log, control });
  const port = await server.listen(config.port, config.host);
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const urls = Object.fromEntries(PROVIDERS.map((p) => [p, `http://${host}:${port}${BASE_PATHS[p]}`])) as Record<ProviderId, string>;
  return { port, urls, keys: { ...config.keys }, control, close: () => server.close() };
};
