import { create } from 'zustand';
import type { AccountView, RequestOf, TestResult } from '../../../shared/ipc-contract';
import type { ProviderId, TargetKind } from '../../../shared/model';
import type { ProviderAssumptionsView } from '../../../shared/provider-assumptions';
import { call, describeFailure } from '../api';
import { renameRequest } from '../target-rename';
import { useMonitor } from './monitor-store';

/**
 * What the user does to accounts. The accounts themselves (never a key, only `hasKey`) are the
 * snapshot's (`useMonitor`), the renderer's one copy of them.
 */
interface AccountsState {
  add(request: RequestOf<'accounts:add'>): Promise<{ account: AccountView; test: TestResult }>;
  update(request: RequestOf<'accounts:update'>): Promise<AccountView>;
  remove(id: string): Promise<void>;
  test(request: RequestOf<'accounts:test'>): Promise<TestResult>;
  /** Targets the stored key can see, with the provider's names (offered as checkboxes in Edit). */
  discover(id: string): Promise<TestResult>;
  /** Gives a target the user's own label ("" brings back the provider's name), saved in the account's settings. */
  renameTarget(account: AccountView, target: { kind: TargetKind; id: string }, label: string): Promise<void>;
  /** What each provider documents and what is assumed (Provider details); fetched once, when first shown. */
  assumptions: Record<ProviderId, ProviderAssumptionsView> | null;
  assumptionsError: string | null;
  loadAssumptions(): Promise<void>;
}

/**
 * Main syncs and commits a change before it answers, so its snapshot then has it: the window shows
 * the change when the call resolves, not whenever the push arrives (over the browser bridge's event
 * stream it may come later than the answer). The change is saved once main answered, so a snapshot
 * that cannot be fetched then does not report it as failed; the next push shows it.
 */
const showChange = () => useMonitor.getState().fetchSnapshot().catch(() => undefined);

export const useAccounts = create<AccountsState>()((set, get) => ({
  async add(request) {
    const result = await call('accounts:add', request);
    await showChange();
    return result;
  },
  async update(request) {
    const account = await call('accounts:update', request);
    await showChange();
    return account;
  },
  async remove(id) {
    await call('accounts:remove', { id });
    await showChange();
  },
  test(request) {
    return call('accounts:test', request);
  },
  discover(id) {
    return call('accounts:discover', { id });
  },
  async renameTarget(account, target, label) {
    await get().update(renameRequest(account, target, label));
  },
  assumptions: null,
  assumptionsError: null,
  async loadAssumptions() {
    if (get().assumptions) return;
    try {
      set({ assumptions: await call('providers:assumptions'), assumptionsError: null });
    } catch (err) {
      set({ assumptionsError: describeFailure(err) });
    }
  },
}));
