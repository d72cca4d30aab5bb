import { beforeEach, describe, expect, it } from 'vitest';
import type { AccountView } from '../../../shared/ipc-contract';
import { installFakeBridge } from '../test-support/fake-bridge';
import { sampleAccount } from '../test-support/sample-data';
import { useAccounts } from './accounts-store';

const initial = useAccounts.getState();
beforeEach(() => useAccounts.setState(initial, true));

describe('accounts store', () => {
  it('loads the accounts and marks them loaded', async () => {
    installFakeBridge({ 'accounts:list': [sampleAccount()] });
    expect(useAccounts.getState().loaded).toBe(false);
    await useAccounts.getState().load();
    expect(useAccounts.getState()).toMatchObject({ loaded: true, accounts: [{ id: 'acc-1' }] });
  });

  it('reloads the list after add, update and remove, so the window shows main’s truth', async () => {
    let list: AccountView[] = [];
    const bridge = installFakeBridge({
      'accounts:list': () => list,
      'accounts:add': (r) => {
        const account = sampleAccount({ id: 'new', label: r.label, provider: r.provider });
        list = [account];
        return { account, test: { ok: true } };
      },
      'accounts:update': (r) => {
        list = [{ ...list[0]!, label: r.label ?? list[0]!.label }];
        return list[0]!;
      },
      'accounts:remove': () => {
        list = [];
        return undefined;
      },
    });
    const { account } = await useAccounts.getState().add({ provider: 'junkie', label: 'Mine', key: 'k', targets: [] });
    expect(account.id).toBe('new');
    expect(useAccounts.getState().accounts.map((a) => a.label)).toEqual(['Mine']);
    await useAccounts.getState().update({ id: 'new', label: 'Renamed' });
    expect(useAccounts.getState().accounts.map((a) => a.label)).toEqual(['Renamed']);
    await useAccounts.getState().remove('new');
    expect(useAccounts.getState().accounts).toEqual([]);
    expect(bridge.callsTo('accounts:remove')).toEqual([{ id: 'new' }]);
    expect(bridge.calls.filter((c) => c.channel === 'accounts:list')).toHaveLength(3);
  });

  it('passes a key test through without touching the list', async () => {
    const bridge = installFakeBridge({ 'accounts:test': { ok: false, explanation: { title: 'Key rejected.', advice: 'Check it.' } } });
    expect(await useAccounts.getState().test({ provider: 'luaprot', key: 'k' })).toMatchObject({ ok: false });
    expect(bridge.calls.map((c) => c.channel)).toEqual(['accounts:test']);
  });
});
