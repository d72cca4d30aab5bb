import { describe, expect, it } from 'vitest';
import type { Session } from './model';
import { groupByGame, groupByServer, sharedKeys } from './session-groups';

let n = 0;
const session = (over: Partial<Session>): Session => ({ provider: 'luaauth', id: `s${++n}`, createdAt: 0, extra: {}, ...over });

describe('who is playing where', () => {
  it('groups by game (place id, else universe id), biggest first, unknown last', () => {
    const sessions = [
      session({ id: 'a', placeId: '111' }),
      session({ id: 'b', placeId: '222' }),
      session({ id: 'c', placeId: '222' }),
      session({ id: 'd', provider: 'luaprot', universeId: '999' }),
      session({ id: 'e' }),
      session({ id: 'f', placeId: '222' }),
    ];
    expect(groupByGame(sessions)).toEqual([
      { key: '222', count: 3, sessionIds: ['b', 'c', 'f'] },
      { key: '111', count: 1, sessionIds: ['a'] },
      { key: '999', count: 1, sessionIds: ['d'] },
      { key: '', count: 1, sessionIds: ['e'] },
    ]);
  });

  it('groups by server (job id)', () => {
    const groups = groupByServer([session({ id: 'a', jobId: 'j1' }), session({ id: 'b', jobId: 'j2' }), session({ id: 'c', jobId: 'j1' })]);
    expect(groups.map((g) => [g.key, g.count])).toEqual([
      ['j1', 2],
      ['j2', 1],
    ]);
  });

  it('flags keys used by two or more Roblox accounts at once, not one account on two servers', () => {
    const sessions = [
      session({ id: '1', userKey: 'KEY-A', robloxUserId: '10' }),
      session({ id: '2', userKey: 'KEY-A', robloxUserId: '11' }),
      session({ id: '3', userKey: 'KEY-A', robloxUserId: '12' }),
      session({ id: '4', userKey: 'KEY-B', robloxUserId: '20', jobId: 'x' }),
      session({ id: '5', userKey: 'KEY-B', robloxUserId: '20', jobId: 'y' }),
      session({ id: '6', userKey: 'KEY-C', username: 'Alice' }),
      session({ id: '7', userKey: 'KEY-C', username: 'bob' }),
      session({ id: '8', userKey: 'KEY-C', username: 'ALICE' }),
      session({ id: '9', robloxUserId: '30' }),
    ];
    expect(sharedKeys(sessions)).toEqual([
      { key: 'KEY-A', count: 3, sessionIds: ['1', '2', '3'], accounts: ['10', '11', '12'] },
      { key: 'KEY-C', count: 3, sessionIds: ['6', '7', '8'], accounts: ['@alice', '@bob'] },
    ]);
  });
});
