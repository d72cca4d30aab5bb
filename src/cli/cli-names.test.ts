import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../main/simulator';
import type { RunningSimulator } from '../main/simulator/types';
import type { CliIo } from './commands';
import { main } from './index';

/* `live` names targets the way the window does, with what the app learned (target-names.json). */

let sim: RunningSimulator;
let hub: string;
let dir: string;

async function run(env: Record<string, string>, ...argv: string[]) {
  const out: string[] = [];
  const io: CliIo = {
    out: (t) => out.push(t),
    err: () => undefined,
    now: () => Date.now(),
    sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 50))),
    interrupted: new Promise(() => undefined),
  };
  const code = await main(argv, { env, io });
  return { code, out: out.join('\n') };
}

beforeAll(async () => {
  sim = await startSimulator({ seed: 5 });
  hub = sim.control.targets().luaprot.hubIds[0]!;
  dir = mkdtempSync(path.join(tmpdir(), 'pulsebar-cli-names-'));
});

afterAll(async () => {
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('cli: live names targets as the window does', () => {
  it('a LuaProt hub set by id reads with the name the app learned for it; without one, "Hub <id>"', async () => {
    const env = { PULSEBAR_LUAPROT_KEY: sim.keys.luaprot, PULSEBAR_LUAPROT_URL: sim.urls.luaprot, PULSEBAR_LUAPROT_HUBS: hub, PULSEBAR_CONFIG_DIR: dir };
    const unnamed = await run(env, 'live');
    expect(unnamed.code).toBe(0);
    expect(unnamed.out).toContain(`  Hub ${hub} `);

    writeFileSync(path.join(dir, 'target-names.json'), JSON.stringify({ version: 1, names: [{ provider: 'luaprot', kind: 'hub', id: hub, name: 'Phantom Hub V2' }] }));
    const named = await run(env, 'live');
    expect(named.code).toBe(0);
    expect(named.out).toContain('  Phantom Hub V2 ');
    expect(named.out).not.toContain(`Hub ${hub}`);
    const json = JSON.parse((await run(env, 'live', '--json')).out);
    expect(json.accounts[0].targets).toEqual([expect.objectContaining({ id: hub, kind: 'hub', label: 'Phantom Hub V2' })]);
  });
});
