import type { RunningSimulator } from '../simulator/types';
import type { AccountConfig } from '../../shared/model';

/**
 * The accounts demo mode watches on the in-process simulator — one per
 * provider — shared by the app and the CLI's --demo so both show the same.
 */
export function demoAccountConfigs(simulator: RunningSimulator): AccountConfig[] {
  const targets = simulator.control.targets();
  return [
    {
      id: 'demo-junkie',
      label: 'Demo Junkie',
      provider: 'junkie',
      baseUrl: simulator.urls.junkie,
      targets: [],
      autoTargets: true,
    },
    {
      id: 'demo-luaprot',
      label: 'Demo LuaProt',
      provider: 'luaprot',
      baseUrl: simulator.urls.luaprot,
      targets: targets.luaprot.hubIds.slice(0, 3).map((id, i) => ({ kind: 'hub' as const, id, label: `Demo hub ${i + 1}` })),
    },
    {
      id: 'demo-luaauth',
      label: 'Demo LuaAuth',
      provider: 'luaauth',
      baseUrl: simulator.urls.luaauth,
      targets: targets.luaauth.scriptIds.slice(0, 3).map((id, i) => ({ kind: 'script' as const, id, label: `Demo script ${i + 1}` })),
    },
  ];
}

/** Demo traffic has a spike (and its fall) on one provider every this often: visible, not noisy. */
export const DEMO_SPIKE_EVERY_MS = 10 * 60_000;
