import { afterEach, describe, expect, it } from 'vitest';
import type { AccountConfig, ProviderId } from '../../shared/model';
import { SESSION_GROUPS_MAX } from '../../shared/session-groups';
import { createClient } from '../providers';
import { startSimulator } from '../simulator';
import type { RunningSimulator } from '../simulator/types';
import { ActionService } from './action-service';

let sim: RunningSimulator | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

async function setup(provider: ProviderId) {
  const s = (sim = await startSimulator({ seed: 7, baseSessions: 5 }));
  const account: AccountConfig = { id: 'acc', label: 'A', provider, baseUrl: s.urls[provider], targets: [] };
  const client = createClient(provider, { baseUrl: s.urls[provider], apiKey: s.keys[provider] });
  const actions = new ActionService({ account: () => account, call: (_id, fn) => fn(client, undefined) });
  const t = s.control.targets();
  const targetId = provider === 'junkie' ? t.junkie.scriptIds[0]! : provider === 'luaprot' ? t.luaprot.hubIds[0]! : t.luaauth.scriptIds[0]!;
  return { s, actions, targetId };
}

describe('sessions:groups (who is playing where)', () => {
  it('LuaAuth: games, servers, keys, and a key on two Roblox accounts flagged as possible sharing', async () => {
    const { s, actions, targetId } = await setup('luaauth');
    s.control.setSessions('luaauth', targetId, [
      { placeId: '111', jobId: 'job-a', userKey: 'KEY-SHARED', robloxId: '1001' },
      { placeId: '111', jobId: 'job-a', userKey: 'KEY-SHARED', robloxId: '1002' },
      { placeId: '111', jobId: 'job-b', userKey: 'KEY-ALONE', robloxId: '1003' },
      // The same account twice on one key (two clients) is not sharing.
      { placeId: '222', jobId: 'job-c', userKey: 'KEY-TWICE', robloxId: '1004' },
      { placeId: '222', jobId: 'job-c', userKey: 'KEY-TWICE', robloxId: '1004' },
    ]);
    const view = await actions.groups({ accountId: 'acc', targetId });
    expect(view.capped).toBe(false);
    expect(view.total).toBe(5);
    expect(view.games.map((g) => [g.key, g.count])).toEqual([['111', 3], ['222', 2]]);
    expect(view.servers.map((g) => [g.key, g.count])).toEqual([['job-a', 2], ['job-c', 2], ['job-b', 1]]);
    expect(view.keys?.map((g) => [g.key, g.count])).toEqual([['KEY-SHARED', 2], ['KEY-TWICE', 2], ['KEY-ALONE', 1]]);
    expect(view.sharedKeys).toHaveLength(1);
    expect(view.sharedKeys[0]).toMatchObject({ key: 'KEY-SHARED', count: 2, accounts: ['1001', '1002'] });
    const shared = new Set(view.sharedKeys[0]!.sessionIds);
    expect(view.sessions.filter((x) => shared.has(x.id)).map((x) => x.robloxUserId).sort()).toEqual(['1001', '1002']);
    expect(view.notes).toEqual([]);
  });

  it('LuaAuth: reads offset pages past a silently cut page size, and stops at the cap saying so', async () => {
    const { s, actions, targetId } = await setup('luaauth');
    s.control.setLuaAuthPageCap(20);
    s.control.setSessions('luaauth', targetId, Array.from({ length: 95 }, (_, i) => ({ placeId: String(100 + (i % 3)) })));
    const view = await actions.groups({ accountId: 'acc', targetId });
    expect(view.sessions).toHaveLength(95);
    expect(view.capped).toBe(false);
    expect(view.games.map((g) => g.count)).toEqual([32, 32, 31]);

    s.control.setLuaAuthPageCap(500);
    s.control.setSessions('luaauth', targetId, Array.from({ length: SESSION_GROUPS_MAX + 150 }, () => ({ placeId: '5' })));
    const before = s.control.requestLog('luaauth').length;
    const capped = await actions.groups({ accountId: 'acc', targetId });
    expect(capped.capped).toBe(true);
    expect(capped.sessions).toHaveLength(SESSION_GROUPS_MAX);
    expect(capped.total).toBeUndefined();
    expect(s.control.requestLog('luaauth').length - before).toBe(SESSION_GROUPS_MAX / 50);
  });

  it('Junkie: every page of 50, grouped by place id, with no key grouping and the reason', async () => {
    const { s, actions, targetId } = await setup('junkie');
    s.control.setSessions('junkie', targetId, Array.from({ length: 120 }, (_, i) => ({ placeId: i < 90 ? '900' : '800', jobId: `j${i % 4}` })));
    const before = s.control.requestLog('junkie').length;
    const view = await actions.groups({ accountId: 'acc', targetId });
    expect(s.control.requestLog('junkie').length - before).toBe(3);
    expect(view.total).toBe(120);
    expect(view.games.map((g) => [g.key, g.count])).toEqual([['900', 90], ['800', 30]]);
    expect(view.servers).toHaveLength(4);
    expect(view.keys).toBeNull();
    expect(view.sharedKeys).toEqual([]);
    expect(view.notes.join(' ')).toMatch(/Junkie.s session list gives no user key/);
  });

  it('LuaProt: one list, grouped by universe id; says it has no key in the list', async () => {
    const { s, actions, targetId } = await setup('luaprot');
    s.control.setSessions('luaprot', targetId, [{ placeId: '42', username: 'alice' }, { placeId: '42' }, { placeId: '43' }]);
    const view = await actions.groups({ accountId: 'acc', targetId });
    expect(view.games.map((g) => [g.key, g.count])).toEqual([['42', 2], ['43', 1]]);
    expect(view.sessions.find((x) => x.username === 'alice')?.universeId).toBe('42');
    expect(view.keys).toBeNull();
    expect(view.notes.join(' ')).toMatch(/universe id/);
  });
});
