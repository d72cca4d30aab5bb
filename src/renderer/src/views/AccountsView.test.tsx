import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AccountView, ProviderCapabilities } from '../../../shared/ipc-contract';
import { App } from '../App';
import { closeTopOverlay } from '../keyboard';
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

  it('says an account with no targets watches "nothing yet", and does not repeat a provider used as the label', () => {
    fakeMain([]);
    const bare = sampleAccount({ id: 'j', label: 'Junkie', provider: 'junkie', targets: [] });
    const shop = sampleAccount({ id: 's', label: 'Shop', provider: 'luaprot', targets: [] });
    useMonitor.setState({ snapshot: snapshotOf([bare, shop]) });
    render(<AccountsView />);
    const item = screen.getByRole('listitem', { name: 'Junkie' });
    expect(item).toHaveTextContent(/^Junkie\s*Watches nothing yet ·/);
    expect(screen.getByRole('listitem', { name: 'Shop' })).toHaveTextContent(/^Shop LuaProt\s*Watches nothing yet ·/);
    expect(document.body).not.toHaveTextContent('nothing watched yet');
  });

  it('moves focus into the Add form on open, and back to "Add account" on Cancel', async () => {
    const { user } = fakeMain([]);
    useMonitor.setState({ snapshot: snapshotOf([]) });
    render(<AccountsView />);
    await user.click(screen.getByRole('button', { name: 'Add account' }));
    expect(screen.getByRole('combobox', { name: 'Provider' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'Add account' })).toHaveFocus();
  });

  it('Esc closes the Add form (the rule editor\'s way: the topmost overlay)', async () => {
    const { user } = fakeMain([]);
    useMonitor.setState({ snapshot: snapshotOf([]) });
    render(<AccountsView />);
    await user.keyboard('{Tab}');
    await user.click(screen.getByRole('button', { name: 'Add account' }));
    act(() => void closeTopOverlay());
    expect(screen.queryByRole('form', { name: 'Add an account' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Add account' })).toHaveFocus();
  });

  it('after removing an account, focus lands on the next account\'s Edit button, then on "Add account"', async () => {
    const three = [sampleAccount({ id: 'a', label: 'Alpha' }), sampleAccount({ id: 'b', label: 'Beta' }), sampleAccount({ id: 'c', label: 'Gamma' })];
    const { user, drop } = fakeMain(three, { 'accounts:remove': (r) => void drop(r.id) });
    useMonitor.setState({ snapshot: snapshotOf(three) });
    render(<AccountsView />);
    const removeAndConfirm = async (label: string) => {
      await user.click(screen.getByRole('button', { name: `Remove ${label}` }));
      await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Remove account' }));
      await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    };
    await removeAndConfirm('Beta');
    expect(screen.getByRole('button', { name: 'Edit Gamma' })).toHaveFocus();
    await removeAndConfirm('Gamma');
    expect(screen.getByRole('button', { name: 'Edit Alpha' })).toHaveFocus();
    await removeAndConfirm('Alpha');
    expect(screen.getByRole('button', { name: 'Add account' })).toHaveFocus();
  });
});
