import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSimulator } from '../main/simulator';
import type { RunningSimulator } from '../main/simulator/types';
import { main } from './index';
import type { CliIo } from './commands';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ seed: 21, junkie: { scripts: 1 }, baseSessions: 40 });
});
afterAll(() => sim.close());

it('watch prints a line per change and an ALERT when users spike, then stops on interrupt (exit 0)', async () => {
  const out: string[] = [];
  const err: string[] = [];
  let interrupt: () => void = () => undefined;
  const script = sim.control.targets().junkie.scriptIds[0]!;
  const io: CliIo = {
    out: (t) => {
      out.push(t);
      // First numbers seen: make the script spike so the next poll (5 s later) raises an alert.
      if (out.length === 1) sim.control.setPopulation('junkie', script, 400);
      if (t.includes('ALERT')) interrupt();
    },
    err: (t) => err.push(t),
    now: () => Date.now(),
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    interrupted: new Promise<void>((resolve) => {
      interrupt = resolve;
      setTimeout(resolve, 25_000); // never hang the suite
    }),
  };
  const env = { PULSEBAR_JUNKIE_KEY: sim.keys.junkie, PULSEBAR_JUNKIE_URL: sim.urls.junkie, PULSEBAR_CONFIG_DIR: '/nonexistent-pulsebar-test' };
  const code = await main(['watch', '--interval', '5'], { env, io });
  expect(code).toBe(0);
  expect(err.join('\n')).toContain('Watching 1 account;');
  expect(out[0]).toMatch(/^\d{2}:\d{2}:\d{2} {2}total \d+ {2}\| {2}Junkie Junkie: \d+$/);
  expect(out.some((l) => /total [3-9]\d\d /.test(l))).toBe(true);
  const alert = out.find((l) => l.includes('ALERT'));
  expect(alert).toMatch(/ALERT {2}.*Junkie.*rose/i);
}, 30_000);
