import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountView } from '../../../shared/ipc-contract';
import { useAccounts } from '../stores/accounts-store';
import { installFakeBridge, type FakeHandlers } from '../test-support/fake-bridge';
import { useMonitor } from '../stores/monitor-store';
import { sampleAccount, sampleAccountLive, sampleSnapshot } from '../test-support/sample-data';
import { AccountEditor } from './AccountEditor';

const initial = useAccounts.getState();
const initialMonitor = useMonitor.getState();
beforeEach(() => {
  useAccounts.setState(initial, true);
  // Keys in the OS keychain, as in the app (the snapshot says where they are).
  useMonitor.setState({ ...initialMonitor, snapshot: sampleSnapshot([], { keyStore: 'keychain' }) }, true);
});

const account: AccountView = sampleAccount({
  id: 'acc',
  label: 'Main',
  provider: 'luaprot',
  baseUrl: 'https://luaprot.net',
  targets: [{ kind: 'hub', id: '111', label: 'Alpha' }, { kind: 'key', id: 'K1' }],
});

function setup(handlers: FakeHandlers = {}, a: AccountView = account) {
  const bridge = installFakeBridge({
    // Main's snapshot after the change: the accounts come with it.
    'app:snapshot': () => sampleSnapshot([sampleAccountLive({ account: a })], { keyStore: 'keychain' }),
    'accounts:update': (r) => ({ ...a, ...r }) as AccountView,
    ...handlers,
  });
  const onDone = vi.fn();
  render(<AccountEditor account={a} onDone={onDone} />);
  return { bridge, onDone, user: userEvent.setup() };
}

describe('AccountEditor', () => {
  it('starts from the account, never showing the key', () => {
    setup();
    expect(screen.getByRole('form', { name: 'Edit Main' })).toBeInTheDocument();
    expect(screen.getByLabelText('Label')).toHaveValue('Main');
    expect(screen.getByLabelText('Hub ids')).toHaveValue('111');
    expect(screen.getByLabelText('Keys to watch (optional)')).toHaveValue('K1');
    expect(screen.getByLabelText('Replace API key')).toHaveValue('');
    expect(screen.getByLabelText('Replace API key')).toHaveAttribute('placeholder', 'Stored in keychain — type to replace');
  });

  it('says the key is in memory, not the keychain, when main keeps keys in memory', () => {
    useMonitor.setState({ snapshot: sampleSnapshot([], { keyStore: 'memory' }) });
    setup();
    expect(screen.getByLabelText('Replace API key')).toHaveAttribute('placeholder', 'Kept in memory — type to replace');
  });

  it('saves without a key unless a new one is typed, keeping the labels of targets that stay', async () => {
    const { user, bridge, onDone } = setup();
    await user.clear(screen.getByLabelText('Hub ids'));
    await user.type(screen.getByLabelText('Hub ids'), '111, 222');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(bridge.callsTo('accounts:update')).toEqual([
      {
        id: 'acc',
        label: 'Main',
        baseUrl: 'https://luaprot.net',
        targets: [{ kind: 'hub', id: '111', label: 'Alpha' }, { kind: 'hub', id: '222' }, { kind: 'key', id: 'K1' }],
      },
    ]);
    expect(onDone).toHaveBeenCalledOnce();
  });

  it('sends a replacement key, and an emptied label falls back to the old one', async () => {
    const { user, bridge } = setup();
    await user.clear(screen.getByLabelText('Label'));
    await user.type(screen.getByLabelText('Replace API key'), 'new-key');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(bridge.callsTo('accounts:update')[0]).toMatchObject({ label: 'Main', key: 'new-key' });
  });

  it('tests with the stored key, or the new one when typed', async () => {
    const { user, bridge } = setup({ 'accounts:test': { ok: true } });
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    await user.type(screen.getByLabelText('Replace API key'), 'nk');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(bridge.callsTo('accounts:test')).toEqual([
      { provider: 'luaprot', accountId: 'acc', baseUrl: 'https://luaprot.net' },
      { provider: 'luaprot', accountId: 'acc', baseUrl: 'https://luaprot.net', key: 'nk' },
    ]);
  });

  it('stays open with the reason when saving fails', async () => {
    const { user, onDone } = setup({ 'accounts:update': { fail: { kind: 'invalid_request', message: 'baseUrl: must be a URL' } } });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    // At the field it names, in the field's own words, tied to it; gone once the field is edited.
    expect(await screen.findByRole('alert')).toHaveTextContent('Must be a URL');
    const baseUrl = screen.getByRole('textbox', { name: 'Base URL' });
    expect(baseUrl).toHaveAttribute('aria-invalid', 'true');
    expect(baseUrl).toHaveAccessibleDescription('Must be a URL');
    expect(onDone).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Save' })).toBeEnabled();
    await user.type(baseUrl, '/v2');
    expect(baseUrl).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a refusal that names no field stays at the form footer', async () => {
    const { user } = setup({ 'accounts:update': { fail: { kind: 'failed', message: 'The keychain is locked; unlock it and try again.' } } });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The keychain is locked; unlock it and try again.');
    expect(screen.getByRole('textbox', { name: 'Base URL' })).not.toHaveAttribute('aria-invalid');
  });

  it('offers "watch every script" for Junkie only, with the account’s setting', async () => {
    const junkie = sampleAccount({ id: 'j', label: 'J', provider: 'junkie', targets: [], autoTargets: true });
    const { user, bridge } = setup({}, junkie);
    const box = screen.getByRole('checkbox', { name: 'Watch every script' });
    expect(box).toBeChecked();
    await user.click(box);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(bridge.callsTo('accounts:update')[0]).toMatchObject({ autoTargets: false });
  });

  it('refuses to save a LuaProt account left with no hub or key, at the target fields', async () => {
    const { user, bridge, onDone } = setup();
    await user.clear(screen.getByLabelText('Hub ids'));
    await user.clear(screen.getByLabelText('Keys to watch (optional)'));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('A LuaProt account needs at least one hub or key to count anything.');
    expect(bridge.callsTo('accounts:update')).toEqual([]);
    expect(onDone).not.toHaveBeenCalled();
  });

  it('Discover offers the hubs the stored key sees as checkboxes that fill Hub ids', async () => {
    const { user, bridge } = setup({
      'accounts:discover': { ok: true, found: [{ kind: 'hub', id: '111', label: 'Alpha' }, { kind: 'hub', id: '222', label: 'Beta' }] },
    });
    await user.click(screen.getByRole('button', { name: 'Discover targets' }));
    expect(bridge.callsTo('accounts:discover')).toEqual([{ id: 'acc' }]);
    expect(await screen.findByRole('checkbox', { name: 'Alpha (111)' })).toBeChecked();
    await user.click(screen.getByRole('checkbox', { name: 'Beta (222)' }));
    expect(screen.getByLabelText('Hub ids')).toHaveValue('111, 222');
  });

  it('does not discover with the stored key while a new key or another server is typed', async () => {
    const { user } = setup();
    await user.type(screen.getByLabelText('Replace API key'), 'new');
    expect(screen.getByRole('button', { name: 'Discover targets' })).toBeDisabled();
  });
});
