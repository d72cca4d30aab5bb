import { describe, expect, it } from 'vitest';
import { failure, useSimulator } from '../simulator-fixture';

describe('LuaAuth client against the simulator', () => {
  const f = useSimulator();
  const script = () => f.sim.control.targets().luaauth.scriptIds[0]!;
  const project = () => f.sim.control.targets().luaauth.projectIds[0]!;
  const someSessions = async (n = 3) => (await f.luaauth().sessions(script(), { from: 0, limit: n })).sessions;

  it('sessions: offset page, hasMore = (returned === limit), seed fields mapped', async () => {
    f.sim.control.setPopulation('luaauth', script(), 7);
    const client = f.luaauth();
    const first = await client.sessions(script(), { from: 0, limit: 5 });
    expect(first).toMatchObject({ from: 0, limit: 5, hasMore: true });
    expect(first.sessions).toHaveLength(5);
    const rest = await client.sessions(script(), { from: 5, limit: 5 });
    expect(rest).toMatchObject({ from: 5, limit: 5, hasMore: false });
    expect(rest.sessions).toHaveLength(2);
    for (const s of first.sessions) {
      expect(s.scriptId).toBe(script());
      // Kept as its digits (issue 9: ids never pass through Number), whichever type it arrives as.
      expect(s.robloxUserId).toBe(String(s.extra.roblox_id));
      expect(s.placeId).toBe(String(s.extra.place_id));
      expect(s.userKey).toBe(s.extra.user_key);
      expect(s.createdAt).toBe(s.extra.created_at);
      expect(s.createdAt).toBeGreaterThan(1_577_836_800_000);
    }
  });

  it('filterSessions: GET with query, by key and by place', async () => {
    const [s] = await someSessions(1);
    const client = f.luaauth();
    const byKey = await client.filterSessions(script(), { key: s!.userKey!, from: 0, limit: 50 });
    expect(byKey.sessions.length).toBeGreaterThan(0);
    for (const x of byKey.sessions) expect(x.userKey).toBe(s!.userKey);
    const byPlace = await client.filterSessions(script(), { place_id: s!.placeId! });
    for (const x of byPlace.sessions) expect(x.placeId).toBe(s!.placeId);
    expect(byPlace.hasMore).toBeUndefined();
    expect(f.sim.control.requestLog('luaauth').at(-1)).toMatchObject({ method: 'GET', path: expect.stringMatching(/sessions\/filter$/) });
  });

  it('session(id) returns the normalized session', async () => {
    const [s] = await someSessions(1);
    await expect(f.luaauth().session(s!.id)).resolves.toEqual(s);
  });

  it('message: processed with the handler response; data sent intact', async () => {
    const [s] = await someSessions(1);
    const result = await f.luaauth().message(s!.id, 'ping', { n: 1, list: ['a'] });
    expect(result).toEqual({ processed: true, response: { ok: true, handler: 'ping', echo: { n: 1, list: ['a'] } }, sessionId: s!.id });
  });

  it.each([
    ['handler_missing', 'function doesnt exist'],
    ['handler_error', 'function errored, message:'],
    ['never_answers', 'client never responded'],
  ] as const)('message: %s → processed:false with its reason, not an error', async (behaviour, reason) => {
    const [s] = await someSessions(1);
    f.sim.control.setLuaAuthBehaviour(behaviour, s!.id);
    const result = await f.luaauth().message(s!.id, 'ping');
    expect(result.processed).toBe(false);
    expect(result.reason).toContain(reason);
  });

  it('messageMany at POST /sessions/message: one result per session, in order', async () => {
    const ids = (await someSessions(3)).map((s) => s.id);
    f.sim.control.setLuaAuthBehaviour('handler_missing', ids[1]);
    const results = await f.luaauth().messageMany(ids, 'notify', 'hello');
    expect(results.map((r) => [r.sessionId, r.processed])).toEqual([
      [ids[0], true],
      [ids[1], false],
      [ids[2], true],
    ]);
    const last = f.sim.control.requestLog('luaauth').at(-1)!;
    expect(last).toMatchObject({ method: 'POST', path: '/sessions/message' });
  });

  it('disconnect and disconnectMany: the sessions are gone (not_found)', async () => {
    const [a, b, c] = await someSessions(3);
    const client = f.luaauth();
    await client.disconnect(a!.id);
    await client.disconnectMany([b!.id, c!.id]);
    for (const s of [a, b, c]) {
      const error = await failure(client.session(s!.id));
      expect(error.info).toMatchObject({ kind: 'not_found', request: 'GET /sessions/{id}' });
    }
  });

  it('script, executions, edit (only given fields), toggle, update, remove', async () => {
    const client = f.luaauth();
    const id = script(); // captured: targets() stops listing a removed script
    const before = await client.script(id);
    expect(before.id).toBe(id);
    expect(before.projectId).toBe(project());
    expect(before.totalSessions).toBe(f.sim.control.population('luaauth', id));

    const days = await client.executions(id);
    expect(Object.keys(days).length).toBeGreaterThan(0);
    for (const n of Object.values(days)) expect(typeof n).toBe('number');

    await client.edit(id, { name: 'Renamed', kick_outdated: !before.kickOutdated });
    const edited = await client.script(id);
    expect(edited).toMatchObject({ name: 'Renamed', kickOutdated: !before.kickOutdated, useHeartbeat: before.useHeartbeat, freeForAll: before.freeForAll });

    await client.toggle(id, false);
    expect((await client.script(id)).enabled).toBe(false);
    await client.update(id, 'print("v2")');
    await client.remove(id);
    expect((await failure(client.script(id))).info).toMatchObject({ kind: 'not_found', status: 404 });
  });

  it('edit with nothing to change → provider_refused with code 1', async () => {
    const error = await failure(f.luaauth().edit(script(), {}));
    expect(error.info).toMatchObject({ kind: 'provider_refused', code: 1, message: 'cannot edit nothing', request: 'POST /scripts/{id}/edit' });
  });

  it('project and projectExecutions (names and ids parsed from "<name> - <id>")', async () => {
    const client = f.luaauth();
    const p = await client.project(project());
    expect(p.id).toBe(project());
    expect(typeof p.totalExecutions).toBe('number');
    const ex = await client.projectExecutions(project());
    const ids = ex.scripts.map((s) => s.id).sort();
    const expected = await Promise.all(ids.map((id) => client.script(id)));
    expect(expected.map((s) => s.id)).toEqual(ids);
    for (const s of ex.scripts) expect(s.name).toBe(expected.find((e) => e.id === s.id)!.name);
    expect(ids).toContain(script());
    expect(Object.keys(ex.total).length).toBeGreaterThan(0);
  });

  it('unknown ids → not_found, and ../../ ids stay on their route', async () => {
    const client = f.luaauth();
    expect((await failure(client.session('nope'))).info).toMatchObject({ kind: 'not_found', failed: ['session not found'] });
    expect((await failure(client.project('nope'))).info.kind).toBe('not_found');
    const error = await failure(client.script('../../sessions/x'));
    expect(error.info).toMatchObject({ kind: 'not_found', request: 'GET /scripts/{id}' });
    expect(f.sim.control.requestLog('luaauth').at(-1)!.path).toBe('/scripts/%2E%2E%2F%2E%2E%2Fsessions%2Fx');
  });

  it('wrong key → unauthorized, keeping failed and code', async () => {
    const error = await failure(f.luaauth({ apiKey: 'la_wrong_key' }).project(project()));
    expect(error.info).toMatchObject({ kind: 'unauthorized', status: 401, code: -1, failed: ['invalid token'] });
  });

  it('the 50 req/s limiter → rate_limited', async () => {
    const client = f.luaauth();
    const outcomes = await Promise.all(Array.from({ length: 60 }, () => client.project(project()).catch((e: unknown) => e)));
    const limited = outcomes.filter((o) => (o as { info?: { kind?: string } }).info?.kind === 'rate_limited');
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]).toMatchObject({ info: { status: 429, code: -1, message: 'ratelimited', retryAfterMs: expect.any(Number) } });
  });

  it('a message that outlasts longTimeoutMs → timeout', async () => {
    const [s] = await someSessions(1);
    f.sim.control.setLuaAuthBehaviour('never_answers', s!.id);
    const error = await failure(f.luaauth({ longTimeoutMs: 40 }).message(s!.id, 'ping'));
    expect(error.info).toMatchObject({ kind: 'timeout', request: 'POST /sessions/{id}/message' });
  });

  describe('input refused before any request', () => {
    const circular: Record<string, unknown> = {};
    circular.me = circular;
    const cases: Array<[string, (c: ReturnType<typeof f.luaauth>) => Promise<unknown>, RegExp]> = [
      ['empty command key', (c) => c.message('s', '', {}), /command key is empty/],
      ['data with a function', (c) => c.message('s', 'k', { run: () => 1 }), /data\.run is a function/],
      ['circular data', (c) => c.messageMany(['s'], 'k', circular), /cycle/],
      ['BigInt data', (c) => c.message('s', 'k', 1n), /BigInt/],
      ['empty session_ids (message)', (c) => c.messageMany([], 'k'), /No session ids/],
      ['empty session_ids (disconnect)', (c) => c.disconnectMany([]), /No session ids/],
      ['an empty id in the list', (c) => c.disconnectMany(['a', '']), /#2 is empty/],
      ['from < 0', (c) => c.sessions('x', { from: -1, limit: 5 }), /from must be .* 0 or more/],
      ['limit < 1', (c) => c.sessions('x', { from: 0, limit: 0 }), /limit must be .* at least 1/],
      ['filter limit < 1', (c) => c.filterSessions('x', { limit: 0 }), /limit/],
      ['empty session id', (c) => c.session(''), /empty/],
      ['"." as an id', (c) => c.script('.'), /cannot be used/],
    ];
    it.each(cases)('%s', async (_label, act, message) => {
      const error = await failure(act(f.luaauth()));
      expect(error.info.kind).toBe('invalid_input');
      expect(error.info.message).toMatch(message);
      expect(f.sent('luaauth')).toBe(0);
    });
  });
});
