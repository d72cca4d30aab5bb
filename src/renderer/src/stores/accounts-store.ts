import { create } from 'zustand';
import type { AccountView, RequestOf, TestResult } from '../../../shared/ipc-contract';
import { call } from '../api';

/** Accounts as main shows them: never a key, only `hasKey`. */
interface AccountsState {
  accounts: AccountView[];
  loaded: boolean;
  load(): Promise<void>;
  add(request: RequestOf<'accounts:add'>): Promise<{ account: AccountView; test: TestResult }>;
  update(request: RequestOf<'accounts:update'>): Promise<AccountView>;
  remove(id: string): Promise<void>;
  test(request: RequestOf<'accounts:test'>): Promise<TestResult>;
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
}));
