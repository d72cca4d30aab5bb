import { beforeEach, describe, expect, it } from 'vitest';
import type { AccountView, ProviderCapabilities } from '../../../shared/ipc-contract';
import { installFakeBridge } from '../test-support/fake-bridge';
import { sampleAccount, sampleAccountLive, sampleSnapshot } from '../test-support/sample-data';
import { useAccounts } from './accounts-store';
import { useMonitor } from './monitor-store';

const initial = useAccounts.getState();
const initialMonitor = useMonitor.getState();
beforeEach(() => {
  useAccounts.setState(initial, true);
  useMonitor.setState(initialMonitor, true);
});

/** The accounts as the window holds them: the snapshot's (null while it is loading). */
const shown = () => useMonitor.getState().snapshot?.accounts.map((a) => a.account) ?? null;
const snapshotOf = (list: AccountView[]) => sampleSnapshot(list.map((account) => sampleAccountLive({ account })));
const caps: ProviderCapabilities = { message: false, disconnect: false, bulk: false, scripts: false, search: 'server', paging: 'pages' };

describe('accounts store', () => {
  it('holds no list of its own: the accounts come with the snapshot, none until it is loaded', async () => {
    installFakeBridge({
      'app:snapshot': snapshotOf([sampleAccount()]),
      'providers:capabilities': { junkie: caps, luaprot: caps, luaauth: caps },
      'app:version': '0.1.0',
      'providers:list': [],
    });
    expect(useAccounts.getState()).not.toHaveProperty('accounts');
    expect(shown()).toBeNull();
    await useMonitor.getState().load();
    expect(shown()).toMatchObject([{ id: 'acc-1' }]);
  });

  it('takes main’s snapshot after add, update and remove, so the window shows main’s truth', async () => {
    let list: AccountView[] = [];
    const bridge = installFakeBridge({
      'app:snapshot': () => snapshotOf(list),
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
    expect(shown()?.map((a) => a.label)).toEqual(['Mine']);
    await useAccounts.getState().update({ id: 'new', label: 'Renamed' });
    expect(shown()?.map((a) => a.label)).toEqual(['Renamed']);
    await useAccounts.getState().remove('new');
    expect(shown()).toEqual([]);
    expect(bridge.callsTo('accounts:remove')).toEqual([{ id: 'new' }]);
    expect(bridge.calls.filter((c) => c.channel === 'app:snapshot')).toHaveLength(3);
  });

  it('renames a target through an update of its account, and shows the relabelled snapshot', async () => {
    const before = sampleAccount({ id: 'a', targets: [{ kind: 'hub', id: 'h1' }] });
    let list = [before];
    const bridge = installFakeBridge({
      'app:snapshot': () => snapshotOf(list),
      'accounts:update': (r) => {
        list = [{ ...before, targets: r.targets ?? before.targets }];
        return list[0]!;
      },
    });
    await useAccounts.getState().renameTarget(before, { kind: 'hub', id: 'h1' }, ' Lobby ');
    expect(bridge.callsTo('accounts:update')).toEqual([{ id: 'a', targets: [{ kind: 'hub', id: 'h1', label: 'Lobby' }] }]);
    expect(shown()?.[0]?.targets).toEqual([{ kind: 'hub', id: 'h1', label: 'Lobby' }]);
  });

  it('reports a saved change as saved when the snapshot after it cannot be fetched (the next push shows it)', async () => {
    installFakeBridge({
      'accounts:add': (r) => ({ account: sampleAccount({ id: 'new', label: r.label }), test: { ok: true } }),
    });
    const { account } = await useAccounts.getState().add({ provider: 'junkie', label: 'Mine', key: 'k', targets: [] });
    expect(account.label).toBe('Mine');
  });

  it('passes a key test through without touching the list', async () => {
    const bridge = installFakeBridge({ 'accounts:test': { ok: false, explanation: { title: 'Key rejected.', advice: 'Check it.' } } });
    expect(await useAccounts.getState().test({ provider: 'luaprot', key: 'k' })).toMatchObject({ ok: false });
    expect(bridge.calls.map((c) => c.channel)).toEqual(['accounts:test']);
  });
});
