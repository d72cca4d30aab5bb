import { beforeEach, describe, expect, it } from 'vitest';
import type { SessionQuery } from '../../../shared/ipc-contract';
import type { SessionPage } from '../../../shared/model';
import { deferred, installFakeBridge } from '../test-support/fake-bridge';
import { sampleSession, sampleSessions } from '../test-support/sample-data';
import { filterLocally, useSessions } from './sessions-store';

const initial = useSessions.getState();
beforeEach(() => useSessions.setState(initial, true));

const page = (n: number, extra: Partial<SessionPage> = {}): SessionPage => ({ sessions: sampleSessions(n), ...extra });

describe('filterLocally (LuaProt lists are searched in the window)', () => {
  const sessions = [
    sampleSession({ id: 'AAA-1', username: 'Builderman', jobId: 'Job-XYZ', universeId: '555', placeId: '777', userKey: 'KEY-abc' }),
    sampleSession({ id: 'bbb-2', username: 'Noob' }),
    sampleSession({ id: 'ccc-3', username: undefined }),
  ];
  const ids = (text: string) => filterLocally(sessions, text).map((s) => s.id);
  it('returns the list itself for a blank search', () => {
    expect(filterLocally(sessions, '   ')).toBe(sessions);
  });
  it('matches username, session id, job id and key case-insensitively, trimming the search', () => {
    expect(ids('  builder ')).toEqual(['AAA-1']);
    expect(ids('aaa')).toEqual(['AAA-1']);
    expect(ids('job-xyz')).toEqual(['AAA-1']);
    expect(ids('key-ABC')).toEqual(['AAA-1']);
    expect(ids('noob')).toEqual(['bbb-2']);
  });
  it('matches universe and place ids', () => {
    expect(ids('555')).toEqual(['AAA-1']);
    expect(ids('777')).toEqual(['AAA-1']);
  });
  it('skips sessions lacking a field instead of failing, and finds nothing for a miss', () => {
    expect(ids('ccc')).toEqual(['ccc-3']);
    expect(ids('nobody')).toEqual([]);
  });
});

describe('sessions store', () => {
  it('asks Junkie for a page of at most 50 with a trimmed server search', async () => {
    const bridge = installFakeBridge({ 'sessions:list': page(2, { total: 2, page: 1 }) });
    await useSessions.getState().open('acc', 'script-1', 'junkie');
    await useSessions.getState().setQuery({ search: '  bob ', limit: 200, page: 3 });
    expect(bridge.callsTo('sessions:list')).toEqual([
      { accountId: 'acc', targetId: 'script-1', page: 1, limit: 50 },
      { accountId: 'acc', targetId: 'script-1', page: 3, limit: 50, search: 'bob' },
    ]);
    expect(useSessions.getState()).toMatchObject({ loading: false, error: null, page: { total: 2, page: 1 } });
    expect(useSessions.getState().sessions).toHaveLength(2);
  });

  it('asks LuaAuth by offset and sends only the filters that have a value', async () => {
    const bridge = installFakeBridge({ 'sessions:list': page(1, { from: 0, hasMore: false }) });
    await useSessions.getState().open('acc', 'script-9', 'luaauth');
    await useSessions.getState().setQuery({ from: 50, filter: { key: ' ', roblox_id: '42', place_id: '' } });
    const [, second] = bridge.callsTo('sessions:list');
    expect(second).toEqual<SessionQuery>({ accountId: 'acc', targetId: 'script-9', from: 50, limit: 50, filter: { roblox_id: '42' } });
    await useSessions.getState().setQuery({ filter: {} });
    expect(bridge.callsTo('sessions:list')[2]).not.toHaveProperty('filter');
  });

  it('asks LuaProt for the whole list, with no paging or search (it filters here)', async () => {
    const bridge = installFakeBridge({ 'sessions:list': page(3) });
    await useSessions.getState().open('acc', 'hub-1', 'luaprot');
    expect(bridge.callsTo('sessions:list')).toEqual([{ accountId: 'acc', targetId: 'hub-1' }]);
  });

  it('opening another target starts afresh; opening the same one reloads and keeps the query', async () => {
    installFakeBridge({ 'sessions:list': page(3) });
    const s = useSessions.getState();
    await s.open('acc', 'hub-1', 'luaprot');
    useSessions.getState().setLocalFilter('user1');
    useSessions.getState().toggle('s0');
    await useSessions.getState().open('acc', 'hub-1', 'luaprot');
    expect(useSessions.getState()).toMatchObject({ localFilter: 'user1' });
    expect([...useSessions.getState().selected]).toEqual(['s0']);
    await useSessions.getState().open('acc', 'hub-2', 'luaprot');
    expect(useSessions.getState()).toMatchObject({ targetId: 'hub-2', localFilter: '' });
    expect(useSessions.getState().selected.size).toBe(0);
  });

  it('keeps only the selected sessions that are still listed after a reload', async () => {
    const bridge = installFakeBridge({ 'sessions:list': page(3) });
    await useSessions.getState().open('acc', 'hub-1', 'luaprot');
    useSessions.getState().selectOnly(['s0', 's2']);
    bridge.handle('sessions:list', page(2));
    await useSessions.getState().load();
    expect([...useSessions.getState().selected]).toEqual(['s0']);
  });

  it('ignores a slower, older answer that arrives after a newer one', async () => {
    const slow = deferred<SessionPage>();
    const bridge = installFakeBridge({ 'sessions:list': () => slow.promise });
    await useSessions.setState({ accountId: 'acc', targetId: 'script-1', provider: 'junkie' });
    const first = useSessions.getState().setQuery({ search: 'a' });
    bridge.handle('sessions:list', page(1));
    await useSessions.getState().setQuery({ search: 'ab' });
    slow.resolve(page(5));
    await first;
    expect(useSessions.getState().sessions.map((s) => s.id)).toEqual(['s0']);
  });

  it('shows a failed load in words and stops loading', async () => {
    installFakeBridge({ 'sessions:list': { fail: { kind: 'unavailable', message: 'x', explanation: { title: 'LuaProt did not answer.', advice: 'Try again.' } } } });
    await useSessions.getState().open('acc', 'hub-1', 'luaprot');
    expect(useSessions.getState()).toMatchObject({ loading: false, error: 'LuaProt did not answer. Try again.' });
  });

  it('toggles, selects only and clears the selection', () => {
    const s = useSessions.getState();
    s.toggle('a');
    s.toggle('b');
    s.toggle('a');
    expect([...useSessions.getState().selected]).toEqual(['b']);
    useSessions.getState().selectOnly(['c', 'd']);
    expect([...useSessions.getState().selected]).toEqual(['c', 'd']);
    useSessions.getState().clearSelection();
    expect(useSessions.getState().selected.size).toBe(0);
  });

  describe('session detail', () => {
    it('opens with no data, then holds what main sent', async () => {
      const answer = deferred<{ session: ReturnType<typeof sampleSession> }>();
      installFakeBridge({ 'sessions:info': () => answer.promise });
      useSessions.setState({ accountId: 'acc' });
      const opening = useSessions.getState().openDetail('s-1');
      expect(useSessions.getState().detail).toEqual({ sessionId: 's-1', data: null, error: null, loading: true });
      answer.resolve({ session: sampleSession() });
      await opening;
      expect(useSessions.getState().detail).toMatchObject({ loading: false, error: null, data: { session: { username: 'Builderman' } } });
    });
    it('does not let a late answer for a closed or replaced detail reopen it', async () => {
      const answer = deferred<{ session: ReturnType<typeof sampleSession> }>();
      installFakeBridge({ 'sessions:info': () => answer.promise });
      useSessions.setState({ accountId: 'acc' });
      const opening = useSessions.getState().openDetail('s-1');
      useSessions.getState().closeDetail();
      answer.resolve({ session: sampleSession() });
      await opening;
      expect(useSessions.getState().detail).toBeNull();
    });
    it('keeps the error in words when the detail cannot be read', async () => {
      installFakeBridge({ 'sessions:info': { fail: { kind: 'not_found', message: 'Session not found.' } } });
      useSessions.setState({ accountId: 'acc' });
      await useSessions.getState().openDetail('s-1');
      expect(useSessions.getState().detail).toEqual({ sessionId: 's-1', data: null, error: 'Session not found.', loading: false });
    });
    it('opens the listed row without asking main when the provider has no single-session route', async () => {
      const bridge = installFakeBridge();
      useSessions.setState({ accountId: 'acc' });
      await useSessions.getState().openDetail('s-1', false);
      expect(useSessions.getState().detail).toEqual({ sessionId: 's-1', data: null, error: null, loading: false });
      expect(bridge.calls).toEqual([]);
    });
    it('does nothing without an open account', async () => {
      const bridge = installFakeBridge();
      await useSessions.getState().openDetail('s-1');
      expect(bridge.calls).toEqual([]);
      expect(useSessions.getState().detail).toBeNull();
    });
  });
});

describe('sessions store disconnects (the IPC the Sessions view used to make itself)', () => {
  it('one session: asks main, closes its drawer, and marks the row only when the provider lingers', async () => {
    const bridge = installFakeBridge({ 'sessions:disconnect': { message: 'ok' } });
    useSessions.setState({ detail: { sessionId: 's1', data: null, error: null, loading: false } });
    expect(await useSessions.getState().disconnect('acc', 's1', false)).toEqual({ message: 'ok' });
    expect(bridge.callsTo('sessions:disconnect')).toEqual([{ accountId: 'acc', sessionId: 's1' }]);
    expect(useSessions.getState().detail).toBeNull();
    expect(useSessions.getState().disconnecting.size).toBe(0);
    await useSessions.getState().disconnect('acc', 's2', true);
    expect([...useSessions.getState().disconnecting]).toEqual(['s2']);
  });

  it('the selection: disconnects those ids and clears it', async () => {
    const bridge = installFakeBridge({ 'sessions:disconnectMany': { message: '', count: 2 } });
    useSessions.getState().selectOnly(['a', 'b']);
    expect(await useSessions.getState().disconnectMany('acc', ['a', 'b'])).toEqual({ message: '', count: 2 });
    expect(bridge.callsTo('sessions:disconnectMany')).toEqual([{ accountId: 'acc', sessionIds: ['a', 'b'] }]);
    expect(useSessions.getState().selected.size).toBe(0);
  });

  it('a hub marks every listed row as disconnecting; a key marks none', async () => {
    const bridge = installFakeBridge({ 'sessions:disconnectMany': { message: 'done' } });
    useSessions.setState({ sessions: sampleSessions(3) });
    await useSessions.getState().disconnectScope('acc', { key: 'K' });
    expect(useSessions.getState().disconnecting.size).toBe(0);
    await useSessions.getState().disconnectScope('acc', { hubId: 'h1' });
    expect([...useSessions.getState().disconnecting]).toEqual(['s0', 's1', 's2']);
    expect(bridge.callsTo('sessions:disconnectMany')).toEqual([
      { accountId: 'acc', scope: { key: 'K' } },
      { accountId: 'acc', scope: { hubId: 'h1' } },
    ]);
  });
});
