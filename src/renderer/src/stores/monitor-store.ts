import { create } from 'zustand';
import type { HistoryPoint, HistoryRange, MonitorSnapshot, ProviderCapabilities } from '../../../shared/ipc-contract';
import type { SeriesRef } from '../../../shared/series-ref';
import type { ProviderId } from '../../../shared/model';
import { registerProviderDescriptors } from '../../../shared/provider-descriptor';
import { call, describeFailure } from '../api';

/** The live picture pushed by main on every poll (`monitor:update`), plus what each provider can do. */
interface MonitorState {
  snapshot: MonitorSnapshot | null;
  capabilities: Record<ProviderId, ProviderCapabilities> | null;
  version: string;
  loadError: string | null;
  load(): Promise<void>;
  setSnapshot(snapshot: MonitorSnapshot): void;
  /** Main's snapshot now, for a change main has committed that must show before the next push. */
  fetchSnapshot(): Promise<void>;
  refresh(accountId?: string): Promise<void>;
  setPaused(paused: boolean): Promise<void>;
  /** Demo mode on or off (the welcome screen's "Try demo", the offer to turn it off once real accounts exist). */
  setDemo(enabled: boolean): Promise<void>;
  /** A series' history over a range (`every`: each kept sample or bucket, for the CSV export). */
  history(series: SeriesRef, range: HistoryRange, every?: boolean): Promise<HistoryPoint[]>;
}

export const useMonitor = create<MonitorState>()((set, get) => ({
  snapshot: null,
  capabilities: null,
  version: '',
  loadError: null,
  async load() {
    try {
      const [snapshot, capabilities, version, providers] = await Promise.all([
        call('app:snapshot'),
        call('providers:capabilities'),
        call('app:version'),
        call('providers:list'),
      ]);
      // Views read provider labels, paging, search and wording from these (never a provider's name).
      registerProviderDescriptors(providers);
      set({ snapshot, capabilities, version, loadError: null });
    } catch (err) {
      set({ loadError: describeFailure(err) });
    }
  },
  setSnapshot(snapshot) {
    // An answer (demo:set, app:snapshot) can arrive after a push made later: the older one is dropped,
    // or a window could show "0 live" until the next poll round.
    const shown = get().snapshot;
    if (shown && snapshot.seq < shown.seq) return;
    set({ snapshot });
  },
  async fetchSnapshot() {
    get().setSnapshot(await call('app:snapshot'));
  },
  async refresh(accountId) {
    await call('monitor:refresh', accountId ? { accountId } : {});
  },
  async setPaused(paused) {
    await call('monitor:pause', { paused });
  },
  async setDemo(enabled) {
    // Main answers with the snapshot after the switch: the accounts (demo ones in or out) come with it.
    get().setSnapshot(await call('demo:set', { enabled }));
  },
  history(series, range, every = false) {
    return call('monitor:history', every ? { series, range, every } : { series, range });
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
  /** A script found through a LuaAuth project: that project (its card sits under the project's). */
  parent?: { id: string; label: string };
  /** A sum of other targets (a LuaAuth project): it has no session list of its own; these parts do. */
  partIds?: string[];
}

/**
 * Every target, a project's scripts right after the project. A script watched on its own and
 * through its project is listed once (as its own target), like it is counted once.
 */
export function allTargets(snapshot: MonitorSnapshot | null): TargetRef[] {
  if (!snapshot) return [];
  return snapshot.accounts.flatMap((a) => {
    const base = { accountId: a.account.id, accountLabel: a.account.label, provider: a.account.provider };
    const own = new Set(a.targets.map((t) => t.id));
    return a.targets.flatMap((t): TargetRef[] => {
      const ref: TargetRef = { ...base, targetId: t.id, kind: t.kind, label: t.label, count: t.count };
      if (!t.children) return [ref];
      ref.partIds = t.children.map((c) => c.id);
      const parts = t.children
        .filter((c) => !own.has(c.id))
        .map((c): TargetRef => ({ ...base, targetId: c.id, kind: c.kind, label: c.label, count: c.count, parent: { id: t.id, label: t.label } }));
      return [ref, ...parts];
    });
  });
}

/** Targets with a session list of their own: a project is offered through its scripts. */
export function sessionTargets(all: readonly TargetRef[]): TargetRef[] {
  return all.filter((t) => !t.partIds);
}

/**
 * The target the Sessions view shows for a choice: that target, or for a project its first script
 * (a project has no session list of its own), else the first target.
 */
export function chooseSessionTarget(
  targets: readonly TargetRef[],
  chosen: { accountId: string; targetId?: string } | null | undefined,
  all: readonly TargetRef[] = targets,
): TargetRef | null {
  const same = (t: TargetRef) => t.accountId === chosen?.accountId;
  const exact = targets.find((t) => same(t) && t.targetId === chosen?.targetId);
  if (exact) return exact;
  // A project: its first script (which may be watched on its own too, and then is listed as itself).
  const project = all.find((t) => same(t) && t.targetId === chosen?.targetId && t.partIds);
  const first = project?.partIds?.[0];
  return (first !== undefined ? targets.find((t) => same(t) && t.targetId === first) : undefined) ?? targets[0] ?? null;
}
