/**
 * Test-only helpers: one simulator per test (fresh rate-limit windows, fresh world),
 * with LuaAuth's message waits shortened so the suite stays fast.
 */
import { afterEach, beforeEach } from 'vitest';
import { startSimulator } from '../simulator/index';
import type { RunningSimulator, SimulatorOptions } from '../simulator/types';
import type { ProviderId } from '../../shared/model';
import { createJunkieClient, createLuaAuthClient, createLuaProtClient } from './index';
import type { ClientOptions } from './types';
import { ProviderError, isProviderError } from './errors';

export const FAST: SimulatorOptions = {
  seed: 7,
  baseSessions: 12,
  luaauth: { replyDelayMs: 5, messageWaitMs: 120 },
};

export interface SimFixture {
  readonly sim: RunningSimulator;
  junkie(overrides?: Partial<ClientOptions>): ReturnType<typeof createJunkieClient>;
  luaprot(overrides?: Partial<ClientOptions>): ReturnType<typeof createLuaProtClient>;
  luaauth(overrides?: Partial<ClientOptions>): ReturnType<typeof createLuaAuthClient>;
  /** How many requests reached the simulator for this provider. */
  sent(provider: ProviderId): number;
}

export function useSimulator(options: SimulatorOptions = {}): SimFixture {
  let sim: RunningSimulator | undefined;
  beforeEach(async () => {
    sim = await startSimulator({ ...FAST, ...options, luaauth: { ...FAST.luaauth, ...options.luaauth } });
  });
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });
  const running = (): RunningSimulator => {
    if (!sim) throw new Error('simulator not started');
    return sim;
  };
  const opts = (provider: ProviderId, overrides?: Partial<ClientOptions>): ClientOptions => ({
    baseUrl: running().urls[provider],
    apiKey: running().keys[provider],
    timeoutMs: 2_000,
    longTimeoutMs: 3_000,
    ...overrides,
  });
  return {
    get sim() {
      return running();
    },
    junkie: (o) => createJunkieClient(opts('junkie', o)),
    luaprot: (o) => createLuaProtClient(opts('luaprot', o)),
    luaauth: (o) => createLuaAuthClient(opts('luaauth', o)),
    sent: (provider) => running().control.requestLog(provider).length,
  };
}

/** The ProviderError a promise rejects with (fails the test if it resolves or throws something else). */
export async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if ('value' in outcome) throw new Error(`expected a ProviderError, got ${JSON.stringify(outcome.value)?.slice(0, 200)}`);
  if (!isProviderError(outcome.error)) throw outcome.error;
  return outcome.error;
}
