import { demoAccountConfigs } from '../main/demo/demo-accounts';
import { startSimulator } from '../main/simulator';
import { demoEvents } from '../main/simulator/demo';
import type { RunningSimulator } from '../main/simulator/types';
import type { CliAccount } from './cli-accounts';

/** `--demo`: the simulator in-process, watched through the same demo accounts as the app. */
export async function demoAccounts(): Promise<{ accounts: CliAccount[]; close: () => Promise<void>; simulator: RunningSimulator }> {
  // Spikes every 3 minutes so `watch --demo` shows alerts soon.
  const sim = await startSimulator({ seed: 7, events: demoEvents() });
  const accounts = demoAccountConfigs(sim).map((config) => ({ config, key: sim.keys[config.provider] }));
  return { accounts, close: () => sim.close(), simulator: sim };
}
