import { create } from 'zustand';
import type { AccountView, RequestOf, TestResult } from '../../../shared/ipc-contract';
import type { ProviderId } from '../../../shared/model';
import type { ProviderAssumptionsView } from '../../../shared/provider-assumptions';
import { call, describeFailure } from '../api';

/** Accounts as main shows them: never a key, only `hasKey`. */
interface AccountsState {
  accounts: AccountView[];
  loaded: boolean;
  load(): Promise<void>;
  add(request: RequestOf<'accounts:add'>): Promise<{ account: AccountView; test: TestResult }>;
  update(request: RequestOf<'accounts:update'>): Promise<AccountView>;
  remove(id: string): Promise<void>;
  test(request: RequestOf<'accounts:test'>): Promise<TestResult>;
  /** What each provider documents and what is assumed (Provider details); fetched once, when first shown. */
  assumptions: Record<ProviderId, ProviderAssumptionsView> | null;
  assumptionsError: string | null;
  loadAssumptions(): Promise<void>;
}

export const useAccounts = create<AccountsState>()((set, get) => ({
  accounts: [],
  loaded: false,
  async load() {
    set({ accounts: await call('accounts:list'), loaded: true });
  },
  async add(request) {
    const result = await call('accounts:add', request);
    await get().load();
    return result;
  },
  async update(request) {
    const account = await call('accounts:update', request);
    await get().load();
    return account;
  },
  async remove(id) {
    await call('accounts:remove', { id });
    await get().load();
  },
  test(request) {
    return call('accounts:test', request);
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
