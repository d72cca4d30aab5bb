/**
 * Test support for the app core (imported by the *.test.ts files beside it, never by the app):
 * a temporary config folder, an in-memory SecretStore, the simulator on a ManualClock and a core
 * with timers off, so a test moves time itself and runs what is due. Teardown runs last-first.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { ManualClock } from '../../shared/clock';
import type { IpcResult } from '../../shared/ipc-contract';
import { dispatch } from '../ipc/dispatch';
import { MemorySecretStore } from '../secrets';
import { startSimulator } from '../simulator';
import type { RunningSimulator, SimulatorOptions } from '../simulator/types';
import { createAppCore, type CreateAppCoreOptions, type PulsebarCore } from './app-core';

export type Cleanup = () => unknown;
export type AddCleanup = (step: Cleanup) => void;

/**
 * Collects teardown steps for the calling test file and runs them in reverse order after each
 * test (or once after all of them: `useCleanups(afterAll)`).
 */
export function useCleanups(hook: (fn: () => Promise<void>) => void = afterEach): AddCleanup {
  const steps: Cleanup[] = [];
  hook(async () => {
    for (const step of steps.splice(0).reverse()) await step();
  });
  return (step) => void steps.push(step);
}

/** A fresh folder under the system temp dir, removed again by `cleanup`. */
export function tempConfigDir(prefix: string, cleanup: AddCleanup): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  cleanup(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Anything run by hand on a fake clock: the core or a bare Poller. */
export interface RunsDue {
  nextDueAt(): number | null;
  runDue(): Promise<void>;
}

/** Moves the clock to each due time up to `ms` from now, running what is due, and ends at now + ms. */
export async function runFor(clock: ManualClock, target: RunsDue, ms: number): Promise<void> {
  const until = clock.now() + ms;
  for (let i = 0; i < 20_000; i++) {
    const next = target.nextDueAt();
    if (next === null || next > until) break;
    clock.set(Math.max(clock.now(), next));
    await target.runDue();
  }
  clock.set(until);
}

/** The value of a successful IpcResult; a failure throws with its error. */
export function value<T>(result: IpcResult<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value as T;
}

export interface TestCoreOptions<Sim extends RunningSimulator | undefined = RunningSimulator | undefined> extends Partial<Omit<CreateAppCoreOptions, 'configDir' | 'secrets' | 'clock' | 'timers'>> {
  cleanup: AddCleanup;
  /** Prefix of the temporary config folder, e.g. 'pulsebar-core-'. */
  dirPrefix: string;
  /** Start time of the ManualClock (default: ManualClock's own). */
  now?: number;
  /** Given: a simulator is started on the same clock before the core (seed and the rest as given). */
  sim?: SimulatorOptions;
  /** Runs after the core is created and before start(): write settings, store keys, subscribe. */
  beforeStart?(t: { configDir: string; secrets: MemorySecretStore; core: PulsebarCore; sim: Sim }): unknown;
}

export interface TestCore {
  clock: ManualClock;
  configDir: string;
  secrets: MemorySecretStore;
  core: PulsebarCore;
  /** Every IpcResult `call` returned, in order. */
  responses: Array<IpcResult<unknown>>;
  /** dispatch() into the core, as the window does. */
  call(channel: string, request?: unknown): Promise<IpcResult<unknown>>;
  /** runFor() on the core. */
  run(ms: number): Promise<void>;
}

/**
 * A started core (demo off, timers off, a silent notifier unless `ports` says otherwise) in a
 * temporary config folder, with the simulator when `sim` is given. Everything it starts or makes
 * is undone by `cleanup`.
 */
export async function startTestCore(
  options: TestCoreOptions<RunningSimulator> & { sim: SimulatorOptions },
): Promise<TestCore & { sim: RunningSimulator }>;
export async function startTestCore(options: TestCoreOptions): Promise<TestCore & { sim?: RunningSimulator }>;
export async function startTestCore(options: TestCoreOptions): Promise<TestCore & { sim?: RunningSimulator }> {
  const { cleanup, dirPrefix, now, sim: simOptions, beforeStart, ...coreOptions } = options;
  const clock = new ManualClock(now);
  let sim: RunningSimulator | undefined;
  if (simOptions) {
    const started = await startSimulator({ ...simOptions, clock });
    cleanup(() => started.close());
    sim = started;
  }
  const configDir = tempConfigDir(dirPrefix, cleanup);
  const secrets = new MemorySecretStore();
  const core = createAppCore({
    demo: false,
    ports: { notifier: { notify: () => undefined } },
    ...coreOptions,
    configDir,
    secrets,
    clock,
    timers: false,
  });
  await beforeStart?.({ configDir, secrets, core, sim });
  await core.start();
  cleanup(() => core.stop());
  const responses: Array<IpcResult<unknown>> = [];
  return {
    clock,
    ...(sim ? { sim } : {}),
    configDir,
    secrets,
    core,
    responses,
    async call(channel, request) {
      const result = await dispatch(core, channel, request);
      responses.push(result);
      return result;
    },
    run: (ms) => runFor(clock, core, ms),
  };
}
