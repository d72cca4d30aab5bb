import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ProviderId } from '../shared/model';
import type { SimulatorTargets } from '../main/simulator/types';

/*
 * `watch` on real (non-demo) accounts, as a user runs it: the CLI in its own process, the simulator
 * in another, nothing in-process that could keep the CLI's event loop alive for it.
 */

interface SimInfo {
  urls: Record<ProviderId, string>;
  keys: Record<ProviderId, string>;
  targets: SimulatorTargets;
  port: number;
}

let sim: ChildProcess;
let info: SimInfo;
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'pulsebar-watch-test-'));
  sim = spawn(process.execPath, ['--import', 'tsx', 'src/cli/test-support/sim-process.ts', JSON.stringify({ seed: 5, junkie: { scripts: 1 }, baseSessions: 30 })], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [first] = (await once(createInterface({ input: sim.stdout! }), 'line')) as [string];
  info = JSON.parse(first) as SimInfo;
});

afterAll(async () => {
  if (sim.exitCode === null) {
    sim.kill('SIGTERM');
    await once(sim, 'exit');
  }
  await rm(scratch, { recursive: true, force: true });
});

async function setPopulation(targetId: string, count: number): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${info.port}/__control/population`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ provider: 'junkie', targetId, count }),
  });
  expect(res.status).toBe(200);
}

/** `watch --interval 5` on the simulator's Junkie account, its own TMPDIR, reading stdout line by line. */
async function startWatch(name: string) {
  const tmp = path.join(scratch, name, 'tmp');
  await mkdir(tmp, { recursive: true });
  const cli = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'watch', '--interval', '5'], {
    env: {
      ...process.env,
      PULSEBAR_JUNKIE_KEY: info.keys.junkie,
      PULSEBAR_JUNKIE_URL: info.urls.junkie,
      PULSEBAR_CONFIG_DIR: path.join(scratch, name, 'config'),
      // os.tmpdir() follows TMPDIR: the watch folder is made where this test can look for it.
      TMPDIR: tmp,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  cli.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(cli, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  const reader = createInterface({ input: cli.stdout! });
  const nextLine = (): Promise<string> =>
    Promise.race([once(reader, 'line').then(([l]) => l as string), exited.then(([code]) => `exited early with ${code}: ${stderr}`)]);
  // tsx keeps its own cache folder in TMPDIR: look only for the watch folder.
  const watchFolders = async () => (await readdir(tmp)).filter((n) => n.startsWith('pulsebar-watch-'));
  const stop = async (signal: NodeJS.Signals) => {
    cli.kill(signal);
    const [code, by] = await exited;
    return { code, signal: by, stderr };
  };
  return { cli, nextLine, watchFolders, stop };
}

const COUNT_LINE = /^\d{2}:\d{2}:\d{2} {2}total (\d+) {2}\| {2}Junkie Junkie: \d+$/;

it('keeps watching a real account, printing each new count, until SIGINT; exits 0 and removes its temp folder', async () => {
  const watch = await startWatch('sigint');
  const first = await watch.nextLine();
  expect(first).toMatch(COUNT_LINE);
  expect(Number(COUNT_LINE.exec(first)![1])).toBeLessThan(100);
  // While it runs, its private settings copy exists; a later poll must see a new count.
  expect(await watch.watchFolders()).toHaveLength(1);
  // The simulator's users come and go, so lines may change on their own; wait for the spike.
  await setPopulation(info.targets.junkie.scriptIds[0]!, 400);
  let line = await watch.nextLine();
  while (COUNT_LINE.test(line) && Number(COUNT_LINE.exec(line)![1]) < 300) line = await watch.nextLine();
  expect(line).toMatch(/^\d{2}:\d{2}:\d{2} {2}total [34]\d\d {2}\| {2}Junkie Junkie: [34]\d\d$/);
  expect(watch.cli.exitCode).toBeNull();

  expect(await watch.stop('SIGINT')).toEqual({ code: 0, signal: null, stderr: expect.stringContaining('Watching 1 account;') });
  expect(await watch.watchFolders()).toEqual([]);
}, 40_000);

it('stops on SIGTERM the same way: exit 0, temp folder gone', async () => {
  const watch = await startWatch('sigterm');
  expect(await watch.nextLine()).toMatch(COUNT_LINE);
  expect(await watch.watchFolders()).toHaveLength(1);
  expect(await watch.stop('SIGTERM')).toEqual({ code: 0, signal: null, stderr: expect.stringContaining('Watching 1 account;') });
  expect(await watch.watchFolders()).toEqual([]);
}, 30_000);
