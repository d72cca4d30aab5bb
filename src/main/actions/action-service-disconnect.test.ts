import { afterEach, describe, expect, it } from 'vitest';
import type { AccountConfig } from '../../shared/model';
import { createClient } from '../providers';
import { startSimulator } from '../simulator';
import type { RunningSimulator } from '../simulator/types';
import { ActionService } from './action-service';

let sim: RunningSimulator | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

describe('window bulk disconnect (LuaAuth)', () => {
  it('reports what LuaAuth said, not "N session(s) disconnected" whatever happened', async () => {
    const s = (sim = await startSimulator({ seed: 4, baseSessions: 6 }));
    const account: AccountConfig = { id: 'la', label: 'LA', provider: 'luaauth', baseUrl: s.urls.luaauth, targets: [] };
    const client = createClient('luaauth', { baseUrl: s.urls.luaauth, apiKey: s.keys.luaauth });
    const actions = new ActionService({ account: () => account, call: (_id, fn) => fn(client, undefined) });
    const scriptId = s.control.targets().luaauth.scriptIds[0]!;
    const [first] = (await client.sessions(scriptId, { from: 0, limit: 1 })).sessions;
    // One real session and one id LuaAuth does not know: its documented answer is {success: true} all the same.
    const r = await actions.disconnectMany({ accountId: 'la', sessionIds: [first!.id, 'no-such-session'] });
    expect(r.message).toMatch(/^LuaAuth accepted the disconnect of 2 sessions; it does not confirm each one/);
    expect(r.count).toBeUndefined();
  });
});
