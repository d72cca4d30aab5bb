import { startSimulator } from '../main/simulator';
import type { CliAccount } from './cli-accounts';

/** `--demo`: the simulator in-process, one account per provider watching its targets. */
export async function demoAccounts(): Promise<{ accounts: CliAccount[]; close: () => Promise<void> }> {
  const sim = await startSimulator({ seed: 7 });
  const targets = sim.control.targets();
  const accounts: CliAccount[] = [
    {
      key: sim.keys.junkie,
      config: { id: 'demo-junkie', label: 'Demo Junkie', provider: 'junkie', baseUrl: sim.urls.junkie, targets: [], autoTargets: true },
    },
    {
      key: sim.keys.luaprot,
      config: {
        id: 'demo-luaprot',
        label: 'Demo LuaProt',
        provider: 'luaprot',
        baseUrl: sim.urls.luaprot,
        targets: targets.luaprot.hubIds.map((id) => ({ kind: 'hub' as const, id })),
      },
    },
    {
      key: sim.keys.luaauth,
      config: {
        id: 'demo-luaauth',
        label: 'Demo LuaAuth',
        provider: 'luaauth',
        baseUrl: sim.urls.luaauth,
        targets: targets.luaauth.projectIds.map((id) => ({ kind: 'project' as const, id })),
      },
    },
  ];
  return { accounts, close: () => sim.close() };
}
