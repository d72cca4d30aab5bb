import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AccountView, ProviderCapabilities } from '../../../shared/ipc-contract';
import { App } from '../App';
import { useMonitor } from '../stores/monitor-store';
import { useUi } from '../stores/ui-store';
import { installFakeBridge, type FakeHandlers } from '../test-support/fake-bridge';
import { sampleAccount, sampleAccountLive, sampleSnapshot } from '../test-support/sample-data';
import { AccountsView } from './AccountsView';

const initialMonitor = useMonitor.getState();
const initialUi = useUi.getState();
beforeEach(() => {
  useMonitor.setState(initialMonitor, true);
  useUi.setState(initialUi, true);
});

const snapshotOf = (list: AccountView[]) => sampleSnapshot(list.map((account) => sampleAccountLive({ account })));
const listed = () => [...document.querySelectorAll('.account-list > li')].map((li) => li.getAttribute('aria-label'));

/** Main's side: its accounts, answered through app:snapshot; accounts:add appends to them. */
function fakeMain(start: AccountView[], handlers: FakeHandlers = {}) {
  let list = start;
  const bridge = installFakeBridge({
    'app:snapshot': () => snapshotOf(list),
    'monitor:refresh': () => undefined,
    'accounts:add': (r) => {
      const account = sampleAccount({ id: `id-${list.length}`, label: r.label, provider: r.provider, targets: r.targets });
      list = [...list, account];
      return { account, test: { ok: true, found: [] } };
    },
    ...handlers,
  });
  return { bridge, user: userEvent.setup(), drop: (id: string) => (list = list.filter((a) => a.id !== id)) };
}

describe('AccountsView', () => {
  it('says it is loading until the snapshot arrives, never "No accounts yet"', () => {
    fakeMain([]);
    render(<AccountsView />);
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    expect(screen.queryByText(/No accounts yet/)).toBeNull();
    act(() => useMonitor.getState().setSnapshot(snapshotOf([])));
    expect(screen.queryByText('Loading…')).toBeNull();
    expect(screen.getByText(/No accounts yet/)).toBeInTheDocument();
  });

  it('keeps the demo switch off limits until the snapshot says whether demo is on', () => {
    fakeMain([]);
    render(<AccountsView />);
    expect(screen.getByRole('switch', { name: 'Demo mode' })).toBeDisabled();
    act(() => useMonitor.getState().setSnapshot(snapshotOf([])));
    expect(screen.getByRole('switch', { name: 'Demo mode' })).toBeEnabled();
  });

  it('lists an added account as soon as add resolves, with no push from main', async () => {
    const { bridge, user } = fakeMain([sampleAccount({ id: 'old', label: 'Old' })]);
    useMonitor.setState({ snapshot: snapshotOf([sampleAccount({ id: 'old', label: 'Old' })]) });
    render(<AccountsView />);
    expect(listed()).toEqual(['Old']);
    await user.click(screen.getByRole('button', { name: 'Add account' }));
    await user.type(screen.getByLabelText('Label'), 'Shop');
    await user.type(screen.getByLabelText('API key'), 'secret');
    await user.click(within(screen.getByRole('form')).getByRole('button', { name: 'Add account' }));
    expect(await screen.findByRole('listitem', { name: 'Shop' })).toBeInTheDocument();
    expect(listed()).toEqual(['Old', 'Shop']);
    expect(bridge.calls.filter((c) => c.channel === 'app:snapshot')).toHaveLength(1);
  });

  it('drops an account the moment a pushed snapshot no longer has it', async () => {
    const caps: ProviderCapabilities = { message: false, disconnect: false, bulk: false, scripts: false, search: 'server', paging: 'pages' };
    const two = [sampleAccount({ id: 'a', label: 'Alpha' }), sampleAccount({ id: 'b', label: 'Beta' })];
    const { bridge, drop } = fakeMain(two, {
      'providers:capabilities': { junkie: caps, luaprot: caps, luaauth: caps },
      'app:version': '0.1.0',
      'providers:list': [],
    });
    useUi.getState().show('accounts');
    render(<App />);
    expect(await screen.findByRole('listitem', { name: 'Beta' })).toBeInTheDocument();
    const calls = bridge.calls.length;
    // Removed elsewhere (the CLI, another window): main pushes the next snapshot.
    drop('b');
    act(() => bridge.emit('monitor:update', snapshotOf([two[0]!])));
    expect(listed()).toEqual(['Alpha']);
    expect(bridge.calls.slice(calls)).toEqual([]);
  });
});
