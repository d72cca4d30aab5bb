import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { closeTopOverlay } from '../keyboard';
import type { ResponseOf } from '../../../shared/ipc-contract';
import { useAccounts } from '../stores/accounts-store';
import { deferred, installFakeBridge, type FakeHandlers } from '../test-support/fake-bridge';
import { useMonitor } from '../stores/monitor-store';
import { sampleAccount, sampleSnapshot } from '../test-support/sample-data';
import { AddAccountForm } from './AddAccountForm';

const initial = useAccounts.getState();
const initialMonitor = useMonitor.getState();
beforeEach(() => {
  useAccounts.setState(initial, true);
  useMonitor.setState(initialMonitor, true);
});

function setup(handlers: FakeHandlers = {}) {
  const bridge = installFakeBridge({ 'app:snapshot': sampleSnapshot([]), 'monitor:refresh': () => undefined, ...handlers });
  const onDone = vi.fn();
  const onAdded = vi.fn();
  render(<AddAccountForm onDone={onDone} onAdded={onAdded} />);
  return { bridge, onDone, onAdded, user: userEvent.setup() };
}
const field = (name: string) => screen.getByLabelText(name);

describe('AddAccountForm', () => {
  it('promises the system keychain only when main keeps keys there', () => {
    useMonitor.setState({ snapshot: sampleSnapshot([], { keyStore: 'keychain' }) });
    setup();
    expect(screen.getByText('The key is stored in your system keychain and is never shown again.')).toBeInTheDocument();
  });

  it('says keys are in memory only when there is no keychain (the browser build without one)', () => {
    useMonitor.setState({ snapshot: sampleSnapshot([], { keyStore: 'memory' }) });
    setup();
    expect(screen.getByText(/kept in memory only until Pulsebar stops/)).toBeInTheDocument();
    expect(screen.queryByText(/system keychain and/)).toBeNull();
  });

  it('offers Test and Add only once a key is typed', async () => {
    const { user } = setup();
    expect(screen.getByRole('button', { name: 'Add account' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Test connection' })).toBeDisabled();
    await user.type(field('API key'), 'secret');
    expect(screen.getByRole('button', { name: 'Add account' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Test connection' })).toBeEnabled();
  });

  it('adds a LuaProt account with its hubs and keys, then forgets the key', async () => {
    const { user, bridge, onAdded } = setup({
      'accounts:add': (r) => ({ account: sampleAccount({ label: r.label }), test: { ok: true, found: [] } }),
    });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Provider' }), 'luaprot');
    expect(screen.queryByRole('checkbox', { name: 'Watch every script' })).toBeNull();
    await user.type(field('API key'), 'secret');
    await user.type(field('Hub ids'), '111, 222');
    await user.type(field('Keys to watch (optional)'), 'KEY-1');
    await user.click(screen.getByRole('button', { name: 'Add account' }));
    expect(bridge.callsTo('accounts:add')).toEqual([
      {
        label: 'LuaProt',
        provider: 'luaprot',
        key: 'secret',
        targets: [
          { kind: 'hub', id: '111' },
          { kind: 'hub', id: '222' },
          { kind: 'key', id: 'KEY-1' },
        ],
        // Main refuses a key the provider rejects, until "Add anyway".
        keyMustWork: true,
      },
    ]);
    expect(onAdded).toHaveBeenCalledWith('LuaProt', { ok: true, found: [] });
    expect(field('API key')).toHaveValue('');
    expect(bridge.callsTo('monitor:refresh')).toHaveLength(1);
  });

  it('sends Junkie’s "watch every script", a trimmed label and base URL only when given', async () => {
    const { user, bridge } = setup({ 'accounts:add': () => ({ account: sampleAccount(), test: { ok: true } }) });
    await user.type(field('Label'), '  Shop  ');
    await user.type(field('Base URL (optional)'), ' http://127.0.0.1:9 ');
    await user.type(field('API key'), 'k');
    await user.click(screen.getByRole('checkbox', { name: 'Watch every script' }));
    await user.click(screen.getByRole('button', { name: 'Add account' }));
    expect(bridge.callsTo('accounts:add')[0]).toEqual({
      label: 'Shop',
      provider: 'junkie',
      key: 'k',
      targets: [],
      baseUrl: 'http://127.0.0.1:9',
      autoTargets: false,
      keyMustWork: true,
    });
  });

  it('tests the key and says what it found, busy meanwhile', async () => {
    const answer = deferred<ResponseOf<'accounts:test'>>();
    const { user, bridge } = setup({ 'accounts:test': () => answer.promise });
    await user.type(field('API key'), 'k');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(screen.getByRole('button', { name: 'Testing…' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Add account' })).toBeDisabled();
    answer.resolve({ ok: true, found: [{ kind: 'script', id: '1', label: 'Farm', count: 4 }, { kind: 'script', id: '2', label: 'Hub' }] });
    expect(await screen.findByRole('status')).toHaveTextContent('Connected. Found 2 targets: Farm (4 live), Hub.');
    expect(bridge.callsTo('accounts:test')).toEqual([{ provider: 'junkie', key: 'k' }]);
  });

  it('shows a failed test as the problem and what to do', async () => {
    const { user } = setup({
      'accounts:test': { ok: false, explanation: { title: 'Junkie rejected the key.', advice: 'Copy it again from the dashboard.' } },
    });
    await user.type(field('API key'), 'k');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Junkie rejected the key.');
    expect(alert).toHaveTextContent('Copy it again from the dashboard.');
  });

  it('keeps the form (and the key) when adding fails, and says why', async () => {
    const { user, onAdded } = setup({ 'accounts:add': { fail: { kind: 'failed', message: 'No keychain is available.' } } });
    await user.type(field('API key'), 'k');
    await user.click(screen.getByRole('button', { name: 'Add account' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('No keychain is available.');
    expect(field('API key')).toHaveValue('k');
    expect(onAdded).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Add account' })).toBeEnabled();
  });

  it('Cancel leaves without calling main', async () => {
    const { user, bridge, onDone } = setup();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onDone).toHaveBeenCalledOnce();
    expect(bridge.calls).toEqual([]);
  });

  it('refuses a key the provider rejects at the key field, and adds only on "Add anyway"', async () => {
    const { user, bridge, onAdded } = setup({
      'accounts:add': (r) =>
        r.keyMustWork
          ? { fail: { kind: 'unauthorized', provider: 'junkie', message: 'key: Junkie rejected the API key. Nothing was added.' } }
          : { account: sampleAccount({ label: r.label }), test: { ok: false, error: { kind: 'unauthorized', provider: 'junkie', message: 'bad' } } },
    });
    await user.type(field('API key'), 'wrong');
    expect(screen.queryByRole('button', { name: 'Add anyway' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Add account' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Junkie rejected the API key. Nothing was added. Check the key above, or add the account anyway.',
    );
    expect(field('API key')).toHaveAttribute('aria-invalid', 'true');
    expect(field('API key')).toHaveValue('wrong');
    expect(onAdded).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Add anyway' }));
    expect(bridge.callsTo('accounts:add').map((r) => r.keyMustWork)).toEqual([true, undefined]);
    expect(onAdded).toHaveBeenCalledOnce();
  });

  it('offers "Add anyway" only for a rejected key, and not once the key is edited', async () => {
    const { user } = setup({ 'accounts:add': { fail: { kind: 'unauthorized', provider: 'junkie', message: 'key: Junkie rejected the API key.' } } });
    await user.type(field('API key'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Add account' }));
    await screen.findByRole('button', { name: 'Add anyway' });
    await user.type(field('API key'), '2');
    expect(screen.queryByRole('button', { name: 'Add anyway' })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says a rejected key in a test is to be checked "above", not "in Accounts"', async () => {
    const { user } = setup({ 'accounts:test': { ok: false, error: { kind: 'unauthorized', provider: 'junkie', message: '' } } });
    await user.type(field('API key'), 'k');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Junkie rejected the API key.');
    expect(alert).toHaveTextContent('Check the key above and replace it');
    expect(alert).not.toHaveTextContent('in Accounts');
  });

  it('refuses a LuaProt account with no hub or key at the target fields, and sends nothing', async () => {
    const { user, bridge } = setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Provider' }), 'luaprot');
    await user.type(field('API key'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Add account' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('A LuaProt account needs at least one hub or key to count anything.');
    expect(bridge.callsTo('accounts:add')).toEqual([]);
  });

  it('asks LuaAuth for a project or a script too', async () => {
    const { user, bridge } = setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Provider' }), 'luaauth');
    await user.type(field('API key'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Add account' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('A LuaAuth account needs at least one script or project to count anything.');
    expect(bridge.callsTo('accounts:add')).toEqual([]);
  });

  it('warns about a hub id that is not 20 digits, but still adds it', async () => {
    const { user, bridge } = setup({ 'accounts:add': (r) => ({ account: sampleAccount({ label: r.label }), test: { ok: true, found: [] } }) });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Provider' }), 'luaprot');
    await user.type(field('API key'), 'secret');
    await user.type(field('Hub ids'), '40511091490620200512');
    expect(screen.queryByText(/does not look like/)).toBeNull();
    await user.type(field('Hub ids'), ', 123');
    expect(screen.getByText('“123” does not look like a hub id (20 digits, as far as Pulsebar knows); it is saved as typed.')).toBeInTheDocument();
    expect(field('Hub ids')).toHaveAccessibleDescription(/does not look like a hub id/);
    await user.click(screen.getByRole('button', { name: 'Add account' }));
    expect(bridge.callsTo('accounts:add')[0]!.targets).toEqual([
      { kind: 'hub', id: '40511091490620200512' },
      { kind: 'hub', id: '123' },
    ]);
  });

  it('offers the hubs a test found as checkboxes (name and id) that fill the Hub ids field', async () => {
    const { user } = setup({
      'accounts:test': {
        ok: true,
        found: [
          { kind: 'hub', id: '40511091490620200512', label: 'Phantom Hub V2' },
          { kind: 'hub', id: '40511091490620200513', label: 'Phantom X' },
        ],
      },
    });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Provider' }), 'luaprot');
    await user.type(field('API key'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    const v2 = await screen.findByRole('checkbox', { name: 'Phantom Hub V2 (40511091490620200512)' });
    const x = screen.getByRole('checkbox', { name: 'Phantom X (40511091490620200513)' });
    await user.click(v2);
    await user.click(x);
    expect(field('Hub ids')).toHaveValue('40511091490620200512, 40511091490620200513');
    await user.click(v2);
    expect(field('Hub ids')).toHaveValue('40511091490620200513');
    expect(x).toBeChecked();
    expect(v2).not.toBeChecked();
  });

  it('starts at its first field, and Esc closes it', () => {
    const { onDone } = setup();
    expect(screen.getByRole('combobox', { name: 'Provider' })).toHaveFocus();
    act(() => void closeTopOverlay());
    expect(onDone).toHaveBeenCalledOnce();
  });
});
