/**
 * `npm run simulator [-- --port N] [--seed N]`: the three fake providers in real time,
 * with scripted spikes, until SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { demoEvents, describeSimulator } from './demo';
import { startSimulator } from './index';

const DEFAULT_PORT = 4710;

function toInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`${name} must be a non-negative integer, got "${value}"`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, seed: { type: 'string' }, 'luaauth-page-cap': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(
      'Usage: npm run simulator -- [--port N (default 4710, env PULSEBAR_SIM_PORT)] [--seed N (default 1)]\n' +
        '         [--luaauth-page-cap N (LuaAuth cuts larger session pages to N items, silently; default 100)]',
    );
    return;
  }
  const port = toInt('--port', values.port ?? process.env.PULSEBAR_SIM_PORT, DEFAULT_PORT);
  const seed = toInt('--seed', values.seed, 1);
  const pageCap = values['luaauth-page-cap'] === undefined ? undefined : toInt('--luaauth-page-cap', values['luaauth-page-cap'], 100);
  if (pageCap === 0) {
    console.error('--luaauth-page-cap must be at least 1');
    process.exit(2);
  }
  const sim = await startSimulator({ port, seed, events: demoEvents(), ...(pageCap !== undefined ? { luaauth: { maxPageLimit: pageCap } } : {}) });
  console.log(describeSimulator(sim));

  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`\n${signal}: closing the simulator…`);
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  const e = err as NodeJS.ErrnoException;
  console.error(e.code === 'EADDRINUSE' ? `Port already in use: pass --port N or set PULSEBAR_SIM_PORT.` : e);
  process.exit(1);
});
