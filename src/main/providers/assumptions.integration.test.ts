import { describe, expect, it } from 'vitest';
import { explainError } from '../../shared/errors';
import { failure, useSimulator } from './simulator-fixture';

/**
 * Assumptions at run time (issue 9 item 6): an account's override reaches the request, and a failure
 * on something only assumed names the assumption and the setting that changes it.
 */
describe('LuaAuth bulk message route: an assumption the account can change', () => {
  // A LuaAuth that put bulk messages where the seed's slip does not suggest either.
  const f = useSimulator({ luaauth: { bulkMessageRoute: 'sessions/broadcast' } });
  const script = () => f.sim.control.targets().luaauth.scriptIds[0]!;
  const ids = async () => (await f.luaauth().sessions(script(), { from: 0, limit: 2 })).sessions.map((s) => s.id);

  it('the assumed route answers 404: the error names the assumption and the setting to change', async () => {
    const sessionIds = await ids();
    const error = await failure(f.luaauth().messageMany(sessionIds, 'notify'));
    expect(error.info.kind).toBe('not_found');
    expect(error.info.request).toBe('POST /sessions/message');
    expect(error.info.assumption).toMatchObject({ topic: 'Bulk message route', setting: 'bulkMessageRoute' });
    const { advice } = explainError(error.info);
    expect(advice).toContain('Bulk message route');
    expect(advice).toContain('POST /sessions/message');
    expect(advice).toContain("change \"Bulk message route\" in the account's Provider details");
  });

  it('with the route overridden, the client sends bulk messages there', async () => {
    const sessionIds = await ids();
    const results = await f.luaauth({ bulkMessageRoute: '/sessions/broadcast' }).messageMany(sessionIds, 'notify');
    expect(results.map((r) => [r.sessionId, r.processed])).toEqual(sessionIds.map((id) => [id, true]));
    expect(f.sim.control.requestLog('luaauth').at(-1)).toMatchObject({ method: 'POST', path: '/sessions/broadcast' });
  });

  it('an overridden route that is missing too names the route it used', async () => {
    const error = await failure(f.luaauth({ bulkMessageRoute: '/sessions/bulk' }).messageMany(await ids(), 'notify'));
    expect(error.info.request).toBe('POST /sessions/bulk');
    expect(error.info.assumption?.assumed).toContain('POST /sessions/bulk');
  });

  it('refuses a route that could point elsewhere before anything is sent', () => {
    const before = f.sent('luaauth');
    for (const route of ['sessions/message', '//evil.example/x', '/a/../b', '/x?y=1', 'https://evil.example/']) {
      expect(() => f.luaauth({ bulkMessageRoute: route })).toThrow(expect.objectContaining({ info: expect.objectContaining({ kind: 'invalid_input' }) }));
    }
    expect(f.sent('luaauth')).toBe(before);
  });

  it('a "not found" on a documented route carries no assumption', async () => {
    const error = await failure(f.luaauth().session('no-such-session'));
    expect(error.info.kind).toBe('not_found');
    expect(error.info.assumption).toBeUndefined();
  });
});

describe('LuaProt 403 worded otherwise', () => {
  const f = useSimulator({ strays: { luaprot: ['forbidden_wording'] } });

  it('is read as the IP whitelist, and the explanation says that reading is an assumption', async () => {
    const hub = f.sim.control.targets().luaprot.hubIds[0]!;
    const error = await failure(f.luaprot().sessions({ hubId: hub }));
    expect(error.info.kind).toBe('forbidden');
    expect(error.info.assumption?.topic).toBe('IP whitelist answer');
    expect(explainError(error.info).advice).toContain("Pulsebar assumes this (it is not in LuaProt's docs): IP whitelist answer");
  });
});
