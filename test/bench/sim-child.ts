/**
 * Starts the simulator in a child process (test/bench/sim-process.ts) on the bench's fast clock,
 * so the figures measured here are Pulsebar's side only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { SimulatorOptions, SimulatorTargets } from '../../src/main/simulator/types';
import type { ProviderId } from '../../src/shared/model';
import type { FastClock } from './fast-clock';

export interface SimInfo {
  port: number;
  urls: Record<ProviderId, string>;
  keys: Record<ProviderId, string>;
  targets: SimulatorTargets;
}

export async function startSimChild(clock: FastClock, options: SimulatorOptions): Promise<{ child: ChildProcess; info: SimInfo }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/bench/sim-process.ts', JSON.stringify({ origin: clock.origin, speed: clock.speed, options })], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const [first] = (await once(lines, 'line')) as [string];
  return { child, info: JSON.parse(first) as SimInfo };
}

/** The simulator's HTTP control (`/__control/...`). */
export async function control(port: number, method: 'GET' | 'POST', action: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`http://127.0.0.1:${port}/__control/${action}`, {
    method,
    ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}),
  });
  return (await res.json()) as Record<string, unknown>;
}
