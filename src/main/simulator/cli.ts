/**
 * `npm run simulator [-- --port N] [--seed N] [--stray MODE[,MODE]]`: the three fake providers in
 * real time, with scripted spikes, until SIGINT/SIGTERM. `--stray` makes them stray from their docs
 * (strays.ts): `--stray missing_fields,other_types` for every provider, `--stray luaprot:ip_not_whitelisted`
 * for one; repeatable.
 */
import { parseArgs } from 'node:util';
import { demoEvents, describeSimulator } from './demo';
import { startSimulator } from './index';
import { PROVIDERS, type ProviderId } from '../../shared/model';
import { isStrayMode, STRAY_MODES, type StrayMode } from './strays';

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

/** "--stray a,b" (every provider) and "--stray luaprot:a,b" (one provider), added up over repeats. */
function parseStrays(args: string[]): Partial<Record<ProviderId, StrayMode[]>> {
  const out: Partial<Record<ProviderId, StrayMode[]>> = {};
  for (const arg of args) {
    const at = arg.indexOf(':');
    const provider = at < 0 ? undefined : arg.slice(0, at);
    if (provider !== undefined && !(PROVIDERS as readonly string[]).includes(provider)) {
      console.error(`--stray: unknown provider "${provider}"; use ${PROVIDERS.join(', ')}`);
      process.exit(2);
    }
    const modes = arg.slice(at + 1).split(',').map((m) => m.trim()).filter(Boolean);
    for (const mode of modes) {
      if (!isStrayMode(mode)) {
        console.error(`--stray: unknown mode "${mode}"; use ${STRAY_MODES.join(', ')}`);
        process.exit(2);
      }
      for (const p of provider === undefined ? PROVIDERS : [provider as ProviderId]) out[p] = [...new Set([...(out[p] ?? []), mode])];
    }
  }
  return out;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      seed: { type: 'string' },
      stray: { type: 'string', multiple: true },
      'luaauth-page-cap': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(
      'Usage: npm run simulator -- [--port N (default 4710, env PULSEBAR_SIM_PORT)] [--seed N (default 1)] [--stray [PROVIDER:]MODE[,MODE] ...]\n' +
        '         [--luaauth-page-cap N (LuaAuth cuts larger session pages to N items, silently; default 100)]',
    );
    console.log(`Stray modes: ${STRAY_MODES.join(', ')}. Change them later with POST /__control/stray {"provider": "all", "modes": [...]}.`);
    return;
  }
  const strays = parseStrays(values.stray ?? []);
  const port = toInt('--port', values.port ?? process.env.PULSEBAR_SIM_PORT, DEFAULT_PORT);
  const seed = toInt('--seed', values.seed, 1);
  const pageCap = values['luaauth-page-cap'] === undefined ? undefined : toInt('--luaauth-page-cap', values['luaauth-page-cap'], 100);
  if (pageCap === 0) {
    console.error('--luaauth-page-cap must be at least 1');
    process.exit(2);
  }
  const sim = await startSimulator({ port, seed, events: demoEvents(), strays, ...(pageCap !== undefined ? { luaauth: { maxPageLimit: pageCap } } : {}) });
  if (Object.keys(strays).length > 0) console.log(`Straying from the docs: ${JSON.stringify(sim.control.strays())}`);
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
