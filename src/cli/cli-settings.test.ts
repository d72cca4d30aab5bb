import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { MemorySecretStore } from '../main/secrets';
import { SETTINGS_VERSION } from '../main/settings';
import { startSimulator } from '../main/simulator';
import type { RunningSimulator } from '../main/simulator/types';
import type { CliIo } from './commands';
import { main } from './index';

/*
 * The CLI reads the app's settings (from the config folder it was given) field by field and
 * read-only: a damaged field costs that field, the CLI says which, and the app's file is untouched.
 */

let sim: RunningSimulator;
let dir: string;
beforeAll(async () => {
  sim = await startSimulator({ seed: 31, junkie: { scripts: 2 } });
});
afterAll(() => sim.close());
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pulsebar-cli-settings-'));
  return () => rm(dir, { recursive: true, force: true });
});

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (t) => stdout.push(t),
    err: (t) => stderr.push(t),
    now: () => Date.now(),
    sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 50))),
    interrupted: new Promise<void>((resolve) => setTimeout(resolve, 6_000)),
  };
}

const junkieAccount = () => ({ id: 'acc-j', label: 'Main', provider: 'junkie', baseUrl: sim.urls.junkie, targets: [], autoTargets: true });

it('live uses the accounts of a settings file with one bad field, names the field, and leaves the file as it is', async () => {
  const text = JSON.stringify({
    version: SETTINGS_VERSION,
    accounts: [junkieAccount()],
    alerts: { rules: [{ id: 'broken', scope: { type: 'total' } }] },
  });
  await writeFile(path.join(dir, 'settings.json'), text);
  const io = capture();
  const code = await main(['live', '--json'], {
    env: { PULSEBAR_CONFIG_DIR: dir },
    io,
    secrets: new MemorySecretStore([['acc-j', sim.keys.junkie]]),
  });
  expect(code).toBe(0);
  const live = JSON.parse(io.stdout.join('\n'));
  expect(live.accounts).toMatchObject([{ provider: 'junkie', label: 'Main', status: 'ok' }]);
  expect(io.stderr.join('\n')).toMatch(/pulsebar: Some of your settings .* could not be read and were not used: alert rule #1 broken: left out/);
  expect(await readdir(dir)).toEqual(['settings.json']);
  expect(await readFile(path.join(dir, 'settings.json'), 'utf8')).toBe(text);
});

it('watch reads alert settings from the config folder it was given (not the process environment), read-only', async () => {
  const text = `\uFEFF${JSON.stringify({ version: SETTINGS_VERSION, theme: 'neon', alerts: { quietHours: { enabled: true, start: '00:00', end: '23:59' } } })}`;
  await writeFile(path.join(dir, 'settings.json'), text);
  const io = capture();
  const code = await main(['watch', '--interval', '5'], {
    env: { PULSEBAR_JUNKIE_KEY: sim.keys.junkie, PULSEBAR_JUNKIE_URL: sim.urls.junkie, PULSEBAR_CONFIG_DIR: dir },
    io,
  });
  expect(code).toBe(0);
  expect(io.stderr.join('\n')).toMatch(/pulsebar: Some of your settings .* theme: .* the default is used/);
  expect(io.stdout[0]).toMatch(/total \d+/);
  expect(await readFile(path.join(dir, 'settings.json'), 'utf8')).toBe(text);
}, 20_000);
