import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountView } from '../../../shared/ipc-contract';
import type { ProviderAssumptionsView } from '../../../shared/provider-assumptions';
import { useAccounts } from '../stores/accounts-store';
import { useMonitor } from '../stores/monitor-store';
import { installFakeBridge } from '../test-support/fake-bridge';
import { sampleAccount, sampleAccountLive, sampleSnapshot } from '../test-support/sample-data';
import { AccountEditor } from './AccountEditor';

const initial = useAccounts.getState();
const initialMonitor = useMonitor.getState();
beforeEach(() => {
  useAccounts.setState(initial, true);
  useMonitor.setState({ ...initialMonitor, snapshot: sampleSnapshot([], { keyStore: 'keychain' }) }, true);
});

const luaauthView: ProviderAssumptionsView = {
  defaults: { baseUrl: 'https://api.luaauth.com', rateLimits: [{ max: 50, windowSeconds: 1 }], bulkMessageRoute: '/sessions/message' },
  assumptions: [
    { id: 'luaauth.base-url', topic: 'Base URL', basis: 'assumed', value: 'https://api.luaauth.com', note: 'No host in the seed.', setting: 'baseUrl' },
    { id: 'luaauth.rate-limits', topic: 'Rate limits', basis: 'assumed', value: '50 per 1 s', note: 'Public pages.', setting: 'rateLimits' },
    { id: 'luaauth.bulk-message-route', topic: 'Bulk message route', basis: 'assumed', value: 'POST /sessions/message', note: 'Seed slip.', setting: 'bulkMessageRoute' },
    { id: 'luaauth.sessions', topic: 'Session routes', basis: 'documented', value: 'POST /scripts/:id/sessions', note: 'The seed.' },
  ],
};
const junkieView: ProviderAssumptionsView = {
  defaults: { baseUrl: 'https://api.jnkie.com/api/v2', rateLimits: [{ max: 60, windowSeconds: 60 }] },
  assumptions: [{ id: 'junkie.rate-limits', topic: 'Rate limits', basis: 'assumed', value: '60 per 60 s', note: 'No numbers.', setting: 'rateLimits' }],
};

const account: AccountView = sampleAccount({
  id: 'la',
  label: 'Auth',
  provider: 'luaauth',
  baseUrl: 'https://api.luaauth.com',
  targets: [{ kind: 'script', id: 's1' }],
});

function setup(a: AccountView = account) {
  const bridge = installFakeBridge({
    'app:snapshot': () => sampleSnapshot([sampleAccountLive({ account: a })], { keyStore: 'keychain' }),
    'accounts:update': (r) => ({ ...a, ...r }) as AccountView,
    'providers:assumptions': { luaauth: luaauthView, junkie: junkieView, luaprot: junkieView },
  });
  const onDone = vi.fn();
  render(<AccountEditor account={a} onDone={onDone} />);
  return { bridge, onDone, user: userEvent.setup() };
}

describe('Provider details', () => {
  it('shows every assumption: documented or assumed, and the value in use', async () => {
    const { user } = setup({ ...account, assumptions: { rateLimits: [{ max: 10, windowSeconds: 1 }] } });
    await user.click(screen.getByText('Provider details'));
    const table = await screen.findByRole('table', { name: 'LuaAuth assumptions' });
    const row = (name: string) => within(table).getByRole('row', { name: new RegExp(`^${name}`) });
    expect(row('Base URL')).toHaveTextContent('Assumed');
    expect(row('Base URL')).toHaveTextContent('https://api.luaauth.com (default)');
    expect(row('Rate limits')).toHaveTextContent('10 per 1 s');
    expect(row('Bulk message route')).toHaveTextContent('POST /sessions/message (default)');
    expect(row('Session routes')).toHaveTextContent('Documented');
  });

  it('checks the fields as typed and refuses to save while one is wrong', async () => {
    const { user, bridge } = setup();
    await user.click(screen.getByText('Provider details'));
    const route = await screen.findByLabelText('Bulk message route');
    await user.clear(route);
    await user.type(route, 'sessions/broadcast');
    expect(route).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(/must start with a single "\/"/)).toBeInTheDocument();
    const requests = screen.getByLabelText('Rate limit 1 requests');
    await user.clear(requests);
    await user.type(requests, '0');
    expect(requests).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Requests must be a whole number from 1 to 10000.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(bridge.callsTo('accounts:update')).toEqual([]);
    expect(screen.getByRole('alert')).toHaveTextContent('Provider details: correct the fields marked there');
  });

  it('saves changed overrides with the account, and "Use the default" clears them', async () => {
    const { user, bridge } = setup({ ...account, assumptions: { bulkMessageRoute: '/sessions/old' } });
    await user.click(screen.getByText('Provider details'));
    const window = await screen.findByLabelText('Rate limit 1 window in seconds');
    await user.clear(window);
    await user.type(window, '2');
    await user.click(screen.getByRole('button', { name: 'Use the default (/sessions/message)' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(bridge.callsTo('accounts:update')[0]).toMatchObject({ id: 'la', assumptions: { rateLimits: [{ max: 50, windowSeconds: 2 }] } });
    expect(bridge.callsTo('accounts:update')[0]!.assumptions).not.toHaveProperty('bulkMessageRoute');
  });

  it('a provider without an assumed bulk route shows no route field', async () => {
    const { user } = setup(sampleAccount({ id: 'j', label: 'J', provider: 'junkie', baseUrl: 'https://api.jnkie.com/api/v2', targets: [] }));
    await user.click(screen.getByText('Provider details'));
    await screen.findByLabelText('Rate limit 1 requests');
    expect(screen.queryByLabelText('Bulk message route')).toBeNull();
  });
});
