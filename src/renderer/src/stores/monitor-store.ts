import { create } from 'zustand';
import type { MonitorSnapshot, ProviderCapabilities } from '../../../shared/ipc-contract';
import type { ProviderId } from '../../../shared/model';
import { call, describeFailure } from '../api';

/** The live picture pushed by main on every poll (`monitor:update`), plus what each provider can do. */
interface MonitorState {
  snapshot: MonitorSnapshot | null;
  capabilities: Record<ProviderId, ProviderCapabilities> | null;
  version: string;
  loadError: string | null;
  load(): Promise<void>;
  setSnapshot(snapshot: MonitorSnapshot): void;
  refresh(accountId?: string): Promise<void>;
  setPaused(paused: boolean): Promise<void>;
}

export const useMonitor = create<MonitorState>()((set) => ({
  snapshot: null,
  capabilities: null,
  version: '',
  loadError: null,
  async load() {
    try {
      const [snapshot, capabilities, version] = await Promise.all([
        call('app:snapshot'),
        call('providers:capabilities'),
        call('app:version'),
      ]);
      set({ snapshot, capabilities, version, loadError: null });
    } catch (err) {
      set({ loadError: describeFailure(err) });
    }
  },
  setSnapshot(snapshot) {
    set({ snapshot });
  },
  async refresh(accountId) {
    await call('monitor:refresh', accountId ? { accountId } : {});
  },
  async setPaused(paused) {
    await call('monitor:pause', { paused });
  },
}));

/** Every watched target across accounts, flattened for pickers. */
export interface TargetRef {
  accountId: string;
  accountLabel: string;
  provider: ProviderId;
  targetId: string;
  kind: string;
  label: string;
  count: number | null;
}

export function allTargets(snapshot: MonitorSnapshot | null): TargetRef[] {
  if (!snapshot) return [];
  return snapshot.accounts.flatMap((a) =>
    a.targets.map((t) => ({
      accountId: a.account.id,
      accountLabel: a.account.label,
      provider: a.account.provider,
      targetId: t.id,
      kind: t.kind,
      label: t.label,
      count: t.count,
    })),
  );
}
