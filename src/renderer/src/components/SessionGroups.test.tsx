import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProviderCapabilities, SessionGroupsView } from '../../../shared/ipc-contract';
import type { Session } from '../../../shared/model';
import { groupByGame, groupByKey, groupByServer, sharedKeys } from '../../../shared/session-groups';
import { useSessionGroups } from '../stores/session-groups-store';
import { installFakeBridge } from '../test-support/fake-bridge';
import { sampleSession } from '../test-support/sample-data';
import { SessionGroups } from './SessionGroups';

const initial = useSessionGroups.getState();
beforeEach(() => useSessionGroups.setState(initial, true));

const luaauthCaps: ProviderCapabilities = { message: 'command', disconnect: true, bulk: 'ids', scripts: true, search: 'filters', paging: 'offset' };
const junkieCaps: ProviderCapabilities = { message: false, disconnect: false, bulk: false, scripts: false, search: 'server', paging: 'pages', reason: 'Junkie has no session actions.' };

function viewOf(sessions: Session[], over: Partial<SessionGroupsView> = {}): SessionGroupsView {
  const provider = sessions[0]?.provider ?? 'luaauth';
  return {
    provider,
    sessions,
    total: sessions.length,
    capped: false,
    games: groupByGame(sessions),
    servers: groupByServer(sessions),
    keys: provider === 'luaauth' ? groupByKey(sessions) : null,
    sharedKeys: provider === 'luaauth' ? sharedKeys(sessions) : [],
    notes: [],
    ...over,
  };
}

const la = (id: string, placeId: string, userKey: string, robloxUserId: string, jobId = 'job-1') =>
  sampleSession({ provider: 'luaauth', id, username: undefined, placeId, userKey, robloxUserId, jobId });

const population = [la('a1', '111', 'KEY-S', '1001'), la('a2', '111', 'KEY-S', '1002', 'job-2'), la('a3', '111', 'KEY-A', '1003'), la('a4', '222', 'KEY-B', '1004')];

describe('SessionGroups', () => {
  it('shows a row per game with its count, and opens a game to its sessions', async () => {
    const user = userEvent.setup();
    render(<SessionGroups view={viewOf(population)} by="game" capabilities={luaauthCaps} onRequest={vi.fn()} onOpenSession={vi.fn()} />);
    const list = screen.getByRole('list', { name: 'Sessions by game' });
    expect(within(list).getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual(['Place 111: 3 sessions', 'Place 222: 1 session']);
    await user.click(screen.getByRole('button', { name: 'Place 222: 1 session' }));
    expect(screen.getByText('Place 222: 1 session')).toBeInTheDocument();
    expect(screen.getByText('Roblox 1004')).toBeInTheDocument();
    expect(screen.queryByText('Roblox 1001')).not.toBeInTheDocument();
  });

  it('flags a key on two Roblox accounts and messages or disconnects exactly its sessions', async () => {
    const user = userEvent.setup();
    const onRequest = vi.fn();
    render(<SessionGroups view={viewOf(population)} by="key" capabilities={luaauthCaps} onRequest={onRequest} onOpenSession={vi.fn()} />);
    const flagged = screen.getByRole('region', { name: 'Possible key sharing' });
    expect(within(flagged).getByText(/in use on 2 Roblox accounts at once \(2 sessions\)/)).toBeInTheDocument();
    expect(within(flagged).queryByText(/KEY-A/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Message the sessions of key KEY-S' }));
    expect(onRequest).toHaveBeenLastCalledWith({ type: 'message', sessionIds: ['a1', 'a2'] });
    await user.click(screen.getByRole('button', { name: 'Disconnect the sessions of key KEY-S' }));
    expect(onRequest).toHaveBeenLastCalledWith({ type: 'disconnect', sessionIds: ['a1', 'a2'] });
    await user.click(screen.getByRole('button', { name: 'See the sessions of key KEY-S' }));
    expect(screen.getByText('Roblox 1001')).toBeInTheDocument();
    expect(screen.getByText('Roblox 1002')).toBeInTheDocument();
    expect(screen.queryByText('Roblox 1003')).not.toBeInTheDocument();
  });

  it('says what the provider does not give instead of one silent "unknown" group, and why actions are off', async () => {
    const user = userEvent.setup();
    const sessions = [sampleSession({ provider: 'junkie', id: 'j1', placeId: '9' }), sampleSession({ provider: 'junkie', id: 'j2' })];
    const notes = ['Junkie did not say which game 1 of 2 sessions are in.', 'Junkie’s session list gives no user key, so sessions cannot be grouped by key.'];
    const { rerender } = render(<SessionGroups view={viewOf(sessions, { notes })} by="key" capabilities={junkieCaps} onRequest={vi.fn()} onOpenSession={vi.fn()} />);
    expect(screen.getByText(/gives no user key/)).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Sessions by key' })).not.toBeInTheDocument();
    rerender(<SessionGroups view={viewOf(sessions, { notes })} by="game" capabilities={junkieCaps} onRequest={vi.fn()} onOpenSession={vi.fn()} />);
    expect(screen.getByRole('button', { name: 'Game not given by Junkie: 1 session' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Place 9: 1 session' }));
    expect(screen.getByRole('button', { name: 'Message these 1' })).toBeDisabled();
    expect(screen.getByText('Junkie has no session actions.')).toBeInTheDocument();
  });

  it('says "first N of M" when the read was capped', () => {
    const sessions = [sampleSession({ provider: 'junkie', id: 'j1', placeId: '9' })];
    render(<SessionGroups view={viewOf(sessions, { capped: true, total: 5000 })} by="game" capabilities={junkieCaps} onRequest={vi.fn()} onOpenSession={vi.fn()} />);
    expect(screen.getByRole('status')).toHaveTextContent('Grouped the first 1 of 5000 live sessions');
  });
});

describe('session groups store', () => {
  it('asks main for the groups of one target and keeps the answer', async () => {
    const bridge = installFakeBridge({ 'sessions:groups': viewOf(population) });
    await useSessionGroups.getState().load('acc', 't1');
    expect(bridge.callsTo('sessions:groups')).toEqual([{ accountId: 'acc', targetId: 't1' }]);
    expect(useSessionGroups.getState().view?.sharedKeys.map((k) => k.key)).toEqual(['KEY-S']);
  });
});
