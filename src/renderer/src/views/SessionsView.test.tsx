import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ProviderCapabilities } from '../../../shared/ipc-contract';
import type { ProviderId } from '../../../shared/model';
import { useMonitor } from '../stores/monitor-store';
import { useSessions } from '../stores/sessions-store';
import { useUi } from '../stores/ui-store';
import { installFakeBridge } from '../test-support/fake-bridge';
import { sampleAccountLive, sampleSession, sampleSnapshot } from '../test-support/sample-data';
import { SessionsView } from './SessionsView';

const initial = { monitor: useMonitor.getState(), sessions: useSessions.getState(), ui: useUi.getState() };
beforeEach(() => {
  useMonitor.setState(initial.monitor, true);
  useSessions.setState(initial.sessions, true);
  useUi.setState(initial.ui, true);
});

const junkieCaps: ProviderCapabilities = {
  message: false,
  disconnect: false,
  bulk: false,
  scripts: false,
  search: 'server',
  paging: 'pages',
  sessionInfo: false,
  reason: 'Junkie’s API lists sessions and live counts only.',
};
const luaprotCaps: ProviderCapabilities = { message: 'text', disconnect: true, bulk: 'scope', scripts: false, search: 'local', paging: 'none' };

function showTarget(provider: ProviderId, kind: 'script' | 'hub', caps: ProviderCapabilities) {
  const live = sampleAccountLive({ account: { id: 'acc', label: 'Main', provider, targets: [{ kind, id: 't1', label: 'Farm' }] } });
  useMonitor.setState({
    snapshot: sampleSnapshot([live]),
    capabilities: { junkie: junkieCaps, luaprot: luaprotCaps, luaauth: luaprotCaps, [provider]: caps },
  });
  useUi.setState({ view: 'sessions', target: { accountId: 'acc', targetId: 't1' } });
}

describe('SessionsView drawer', () => {
  it('Junkie: opens the listed row with no error, without asking for a route Junkie lacks', async () => {
    showTarget('junkie', 'script', junkieCaps);
    const bridge = installFakeBridge({
      'sessions:list': { sessions: [sampleSession({ provider: 'junkie', id: 'j1', username: 'Ann', jobId: 'job-1' })], total: 1, page: 1 },
      // What main answers for Junkie: shown on every open before the fix.
      'sessions:info': { fail: { kind: 'invalid_input', message: 'Not sent: Junkie has no single-session route.' } },
    });
    render(<SessionsView />);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Open Ann' }));
    const drawer = screen.getByRole('dialog', { name: 'Session Ann' });
    expect(within(drawer).getByText('job-1')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(within(drawer).queryByText('Loading details…')).toBeNull();
    expect(bridge.callsTo('sessions:info')).toEqual([]);
  });

  it('LuaProt: asks for the details and shows the key record', async () => {
    showTarget('luaprot', 'hub', luaprotCaps);
    const session = sampleSession({ id: 'p1', username: 'Bob' });
    const bridge = installFakeBridge({
      'sessions:list': { sessions: [session] },
      'sessions:info': { session, keyRecord: { key: 'KEY-9', executionCount: 3 } },
    });
    render(<SessionsView />);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Open Bob' }));
    const drawer = screen.getByRole('dialog', { name: 'Session Bob' });
    expect(await within(drawer).findByRole('heading', { name: 'Key record' })).toBeInTheDocument();
    expect(within(drawer).getByText('KEY-9')).toBeInTheDocument();
    expect(bridge.callsTo('sessions:info')).toEqual([{ accountId: 'acc', sessionId: 'p1' }]);
  });

  it('a detail that cannot be read is shown in words, beside the listed row', async () => {
    showTarget('luaprot', 'hub', luaprotCaps);
    const session = sampleSession({ id: 'p1', username: 'Bob' });
    installFakeBridge({
      'sessions:list': { sessions: [session] },
      'sessions:info': { fail: { kind: 'unavailable', message: 'x', explanation: { title: 'LuaProt is unavailable.', advice: 'Try again later.' } } },
    });
    render(<SessionsView />);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Open Bob' }));
    const drawer = screen.getByRole('dialog', { name: 'Session Bob' });
    expect(await within(drawer).findByRole('alert')).toHaveTextContent('LuaProt is unavailable. Try again later.');
    expect(within(drawer).getByText('p1')).toBeInTheDocument();
  });
});

describe('SessionsView disconnect', () => {
  it('LuaProt: the notice names the player; the row LuaProt still lists is marked and offers no actions until it goes', async () => {
    showTarget('luaprot', 'hub', luaprotCaps);
    const bob = sampleSession({ id: 'p1', username: 'Bob' });
    const ann = sampleSession({ id: 'p2', username: 'Ann' });
    let listed = [bob, ann];
    const bridge = installFakeBridge({
      'sessions:list': () => ({ sessions: listed }),
      'sessions:info': { session: bob },
      'sessions:disconnect': { message: 'Session disconnected.' },
    });
    const user = userEvent.setup();
    render(<SessionsView />);
    await user.click(await screen.findByRole('button', { name: 'Open Bob' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Session Bob' })).getByRole('button', { name: 'Disconnect' }));
    await user.click(within(screen.getByRole('alertdialog', { name: 'Disconnect Bob?' })).getByRole('button', { name: 'Disconnect' }));
    expect(bridge.callsTo('sessions:disconnect')).toEqual([{ accountId: 'acc', sessionId: 'p1' }]);
    expect(useUi.getState().notices.at(-1)).toMatchObject({ text: 'Disconnected Bob. LuaProt: Session disconnected.' });

    const leaving = await screen.findByRole('button', { name: 'Open Bob, disconnecting (up to 90 s)' });
    expect(leaving).toHaveTextContent('disconnecting (up to 90 s)');
    expect(screen.getByRole('button', { name: 'Open Ann' })).toBeInTheDocument();
    await user.click(leaving);
    const drawer = screen.getByRole('dialog', { name: 'Session Bob' });
    expect(within(drawer).getByRole('button', { name: 'Message' })).toBeDisabled();
    expect(within(drawer).getByRole('button', { name: 'Disconnect' })).toBeDisabled();
    await user.keyboard('{Escape}');

    // Once LuaProt stops listing it, the mark goes with it (a session of the same id later is not marked).
    listed = [ann];
    await useSessions.getState().load();
    expect(screen.queryByRole('button', { name: /^Open Bob/ })).toBeNull();
    expect(useSessions.getState().disconnecting.size).toBe(0);
  });
});

describe('SessionsView sessions without an id', () => {
  const luaauthCaps: ProviderCapabilities = { message: 'command', disconnect: true, bulk: 'ids', scripts: true, search: 'filters', paging: 'offset' };

  it('lists and counts them, leaves them out of Select all, and opens them without asking main for details', async () => {
    showTarget('luaauth', 'script', luaauthCaps);
    const bridge = installFakeBridge({
      'sessions:list': {
        sessions: [
          sampleSession({ provider: 'luaauth', id: 'a1', username: undefined, robloxUserId: '11' }),
          sampleSession({ provider: 'luaauth', id: '', username: undefined, robloxUserId: '22', jobId: 'job-22' }),
          sampleSession({ provider: 'luaauth', id: '', username: undefined, robloxUserId: '33', jobId: 'job-33' }),
        ],
        from: 0,
        hasMore: false,
      },
    });
    const user = userEvent.setup();
    render(<SessionsView />);
    expect(await screen.findByRole('list', { name: 'Sessions, 3 shown' })).toBeInTheDocument();
    expect(screen.getByText('2 without an id')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Select Roblox 22' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Select all shown' }));
    expect([...useSessions.getState().selected]).toEqual(['a1']);
    expect(screen.getByText('1 selected')).toBeInTheDocument();

    // The second id-less row opens as itself (not the first one with the same empty id), with its actions off.
    await user.click(screen.getByRole('button', { name: 'Open Roblox 33' }));
    const drawer = screen.getByRole('dialog', { name: 'Session Roblox 33' });
    expect(within(drawer).getByText('job-33')).toBeInTheDocument();
    expect(within(drawer).getByRole('button', { name: 'Message' })).toBeDisabled();
    expect(within(drawer).getByRole('button', { name: 'Disconnect' })).toHaveAccessibleDescription(
      'The provider listed this session without an id, so it cannot be messaged or disconnected (it still counts).',
    );
    expect(bridge.callsTo('sessions:info')).toEqual([]);
  });
});

describe('SessionsView load error', () => {
  it('hides the pager when the list failed to load, and shows it once rows are listed', async () => {
    showTarget('junkie', 'script', junkieCaps);
    installFakeBridge({ 'sessions:list': { fail: { kind: 'network', message: 'Could not reach Junkie.' } } });
    render(<SessionsView />);
    expect(await screen.findByText('The sessions could not be loaded (see above).')).toBeInTheDocument();
    expect(screen.queryByText(/^Page \d+ of/)).toBeNull();
    expect(screen.queryByRole('generic', { name: 'Paging' })).toBeNull();
  });

  it('shows the pager beside a listed page', async () => {
    showTarget('junkie', 'script', junkieCaps);
    installFakeBridge({ 'sessions:list': { sessions: [sampleSession({ provider: 'junkie', id: 'j1', username: 'Ann' })], total: 1, page: 1 } });
    render(<SessionsView />);
    await screen.findByRole('button', { name: 'Open Ann' });
    expect(screen.getByText(/^Page 1 of 1/)).toBeInTheDocument();
  });
});
