import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../shared/clock';
import { startSimulator } from './index';
import { call } from './test-support';
import type { RunningSimulator, SimulatorOptions } from './types';

let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});
const start = async (o: SimulatorOptions = {}) =>
  (sim = await startSimulator({ seed: 9, clock: new ManualClock(), ...o, luaauth: { replyDelayMs: 10, messageWaitMs: 80, ...o.luaauth } }));
const scriptOf = (s: RunningSimulator, i = 0) => s.control.targets().luaauth.scriptIds[i]!;
const firstSessions = async (s: RunningSimulator, limit = 3) =>
  (await call(s, 'luaauth', `/scripts/${scriptOf(s)}/sessions`, { method: 'POST', body: { from: 0, limit } })).body.sessions as Array<Record<string, unknown> & { id: string }>;
const SESSION_KEYS = ['created_at', 'id', 'job_id', 'place_id', 'roblox_id', 'script_id', 'user_key'];

describe('LuaAuth', () => {
  it('takes the token header; bad or missing tokens get the envelope with 401', async () => {
    const s = await start();
    expect((await call(s, 'luaauth', `/scripts/${scriptOf(s)}`)).status).toBe(200);
    const bad = await call(s, 'luaauth', `/scripts/${scriptOf(s)}`, { key: 'nope' });
    expect(bad.status).toBe(401);
    expect(bad.body).toEqual({ success: false, error: { code: -1, message: 'unauthorized or invalid request', failed: ['invalid token'] } });
    const res = await fetch(`${s.urls.luaauth}/scripts/${scriptOf(s)}`, { headers: { Authorization: `Bearer ${s.keys.luaauth}` } });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { success: boolean }).success).toBe(false);
  });

  it('answers unknown routes with invalid endpoint and unknown ids with 404', async () => {
    const s = await start();
    const nowhere = await call(s, 'luaauth', '/nowhere');
    expect([nowhere.status, nowhere.body]).toEqual([404, { success: false, error: { code: -1, message: 'invalid endpoint' } }]);
    expect((await call(s, 'luaauth', `/scripts/${scriptOf(s)}`, { method: 'DELETE' })).body.error.message).toBe('invalid endpoint');
    const unknown = await call(s, 'luaauth', '/sessions/doesnotexist');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: -1, message: 'unauthorized or invalid request' });
  });

  it('serves sessions in the seed shape (numbers for roblox_id/place_id, ms created_at)', async () => {
    const s = await start();
    const [first] = await firstSessions(s, 1);
    expect(Object.keys(first!).sort()).toEqual(SESSION_KEYS);
    const one = await call(s, 'luaauth', `/sessions/${first!.id}`);
    expect(one.body).toEqual({ success: true, session: first });
    expect(first!.id).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(typeof first!.roblox_id).toBe('number');
    expect(typeof first!.place_id).toBe('number');
    expect(first!.created_at as number).toBeGreaterThan(1e12);
    expect(first!.script_id).toBe(scriptOf(s));
  });

  it('serves script, executions, project and project executions in the seed shapes', async () => {
    const s = await start({ baseSessions: 30 });
    const id = scriptOf(s);
    const script = (await call(s, 'luaauth', `/scripts/${id}`)).body.script;
    expect(Object.keys(script).sort()).toEqual(
      ['enabled', 'free_for_all', 'id', 'kick_outdated', 'name', 'project_id', 'require_sessions', 'total_executions', 'total_instances', 'total_sessions', 'use_heartbeat'].sort(),
    );
    expect(script.total_sessions).toBe(30);
    expect(script.total_instances).toBeGreaterThan(0);
    expect(script.total_instances).toBeLessThanOrEqual(30);
    const ex = (await call(s, 'luaauth', `/scripts/${id}/executions`)).body.executions;
    expect(Object.keys(ex)).toHaveLength(14);
    for (const k of Object.keys(ex)) expect(k).toMatch(/^\d\d\/\d\d$/);
    const projectId = s.control.targets().luaauth.projectIds[0]!;
    const project = (await call(s, 'luaauth', `/projects/${projectId}`)).body.project;
    expect(project).toMatchObject({ id: projectId, fingerprint_reset_cooldown: 86_400_000 });
    expect(typeof project.total_executions).toBe('number');
    const pex = (await call(s, 'luaauth', `/projects/${projectId}/executions`)).body.executions;
    const scriptKeys = Object.keys(pex).filter((k) => k !== 'total');
    expect(scriptKeys).toHaveLength(s.control.targets().luaauth.scriptIds.length);
    // Names may contain " - "; the id is after the last one.
    expect(scriptKeys.some((k) => k.split(' - ').length > 2)).toBe(true);
    for (const k of scriptKeys) expect(s.control.targets().luaauth.scriptIds).toContain(k.slice(k.lastIndexOf(' - ') + 3));
    const day = Object.keys(pex.total)[0]!;
    expect(pex.total[day]).toBe(scriptKeys.reduce((sum, k) => sum + pex[k][day], 0));
  });

  it('answers messages per client behaviour after the reply delay', async () => {
    const s = await start();
    const [a, b, c, d] = await firstSessions(s, 4);
    s.control.setLuaAuthBehaviour('handler_error', b!.id);
    s.control.setLuaAuthBehaviour('handler_missing', c!.id);
    s.control.setLuaAuthBehaviour('never_answers', d!.id);
    const msg = (id: string) => call(s, 'luaauth', `/sessions/${id}/message`, { method: 'POST', body: { key: 'ping', data: { n: 1 } } });
    expect((await msg(a!.id)).body).toEqual({ success: true, processed: true, response: { ok: true, handler: 'ping', echo: { n: 1 } } });
    expect((await msg(b!.id)).body).toMatchObject({ success: true, processed: false });
    expect((await msg(b!.id)).body.reason).toMatch(/^function errored, message: /);
    expect((await msg(c!.id)).body).toEqual({ success: true, processed: false, reason: 'function doesnt exist' });
    const t0 = Date.now();
    expect((await msg(d!.id)).body).toEqual({ success: true, processed: false, reason: 'client never responded' });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(70);
    const noKey = await call(s, 'luaauth', `/sessions/${a!.id}/message`, { method: 'POST', body: { data: 1 } });
    expect(noKey.status).toBe(400);
    expect(noKey.body.error.failed[0].field).toBe('key');
    expect(s.control.messagesSent('luaauth')[0]).toMatchObject({ sessionIds: [a!.id], handler: 'ping', data: { n: 1 } });
    s.control.setLuaAuthBehaviour('handler_missing');
    expect((await msg(a!.id)).body.reason).toBe('function doesnt exist');
  });

  it('bulk-messages at /sessions/message and tolerates the seed slip at /sessions/disconnect', async () => {
    const s = await start();
    const [a, b] = await firstSessions(s, 2);
    s.control.setLuaAuthBehaviour('handler_missing', b!.id);
    const body = { session_ids: [a!.id, b!.id, 'gone'], key: 'ping', data: [1] };
    const expected = {
      success: true,
      responses: [
        { processed: true, response: { ok: true, handler: 'ping', echo: [1] } },
        { processed: false, reason: 'function doesnt exist' },
        { processed: false, reason: 'client never responded' },
      ],
    };
    expect((await call(s, 'luaauth', '/sessions/message', { method: 'POST', body })).body).toEqual(expected);
    expect((await call(s, 'luaauth', '/sessions/disconnect', { method: 'POST', body })).body).toEqual(expected);
    expect(s.control.population('luaauth', scriptOf(s))).toBe(40); // the slip disconnected nobody
    const bad = await call(s, 'luaauth', '/sessions/message', { method: 'POST', body: { session_ids: 'x' } });
    expect(bad.body.error.failed.map((f: { field: string }) => f.field).sort()).toEqual(['key', 'session_ids']);
  });

  it('disconnects one or many sessions', async () => {
    const s = await start();
    const [a, b, c] = await firstSessions(s, 3);
    expect((await call(s, 'luaauth', `/sessions/${a!.id}/disconnect`, { method: 'POST' })).body).toEqual({ success: true });
    expect((await call(s, 'luaauth', `/sessions/${a!.id}`)).status).toBe(404);
    expect((await call(s, 'luaauth', '/sessions/disconnect', { method: 'POST', body: { session_ids: [b!.id, c!.id, 'unknown'] } })).body).toEqual({ success: true });
    expect(s.control.population('luaauth', scriptOf(s))).toBe(37);
    expect((await call(s, 'luaauth', `/sessions/${a!.id}/disconnect`, { method: 'POST' })).status).toBe(404);
  });

  it('edits, toggles, updates and removes a script', async () => {
    const s = await start();
    const id = scriptOf(s);
    const get = async () => (await call(s, 'luaauth', `/scripts/${id}`)).body.script;
    const edit = (body: unknown) => call(s, 'luaauth', `/scripts/${id}/edit`, { method: 'POST', body });
    expect((await edit({ name: 'Renamed', free_for_all: true, use_heartbeat: null })).body).toEqual({ success: true });
    expect(await get()).toMatchObject({ name: 'Renamed', free_for_all: true, use_heartbeat: true });
    const nothing = await edit({});
    expect([nothing.status, nothing.body]).toEqual([400, { success: false, error: { code: 1, message: 'cannot edit nothing' } }]);
    expect((await edit({ name: null })).body.error.code).toBe(1);
    const wrong = await edit({ kick_outdated: 'yes', name: 3 });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ code: -1, message: 'unauthorized or invalid request' });
    expect(wrong.body.error.failed.map((f: { field: string }) => f.field).sort()).toEqual(['kick_outdated', 'name']);
    await edit({ name: '' });
    expect((await get()).name).toBeNull();

    expect((await call(s, 'luaauth', `/scripts/${id}/toggle`, { method: 'POST', body: { state: false } })).body).toEqual({ success: true });
    expect((await get()).enabled).toBe(false);
    expect((await call(s, 'luaauth', `/scripts/${id}/toggle`, { method: 'POST', body: { state: 'off' } })).status).toBe(400);
    expect((await call(s, 'luaauth', `/scripts/${id}/update`, { method: 'POST', body: { script: 'print(1)' } })).body).toEqual({ success: true });
    expect((await call(s, 'luaauth', `/scripts/${id}/update`, { method: 'POST', body: {} })).status).toBe(400);

    expect((await call(s, 'luaauth', `/scripts/${id}/remove`, { method: 'POST' })).body).toEqual({ success: true });
    expect((await call(s, 'luaauth', `/scripts/${id}`)).status).toBe(404);
    expect((await call(s, 'luaauth', `/scripts/${id}/sessions`, { method: 'POST', body: {} })).status).toBe(404);
    expect(s.control.targets().luaauth.scriptIds).not.toContain(id);
    const pex = (await call(s, 'luaauth', `/projects/${s.control.targets().luaauth.projectIds[0]}/executions`)).body.executions;
    expect(Object.keys(pex).some((k) => k.endsWith(id))).toBe(false);
  });

  it('pages sessions by offset with a capped limit', async () => {
    const s = await start({ baseSessions: 250, luaauth: { maxPageLimit: 100 } });
    const page = (body: unknown) => call(s, 'luaauth', `/scripts/${scriptOf(s)}/sessions`, { method: 'POST', body });
    const p1 = (await page({ from: 0, limit: 100 })).body.sessions;
    const p2 = (await page({ from: 100, limit: 500 })).body.sessions;
    const p3 = (await page({ from: 200, limit: 100 })).body.sessions;
    expect([p1.length, p2.length, p3.length]).toEqual([100, 100, 50]);
    expect(new Set([...p1, ...p2, ...p3].map((x: { id: string }) => x.id)).size).toBe(250);
    expect((await page({ from: 250, limit: 10 })).body.sessions).toEqual([]);
    const bad = await page({ from: -1, limit: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.failed.map((f: { field: string }) => f.field).sort()).toEqual(['from', 'limit']);
  });

  it('caps pages at a size set over the HTTP control (/__control/luaauth-page-cap), silently', async () => {
    const s = await start({ baseSessions: 120 });
    s.control.setPopulation('luaauth', scriptOf(s), 120);
    const page = (from: number) => call(s, 'luaauth', `/scripts/${scriptOf(s)}/sessions`, { method: 'POST', body: { from, limit: 100 } });
    expect((await page(0)).body.sessions).toHaveLength(100);
    const set = (body: unknown) => fetch(`http://127.0.0.1:${s.port}/__control/luaauth-page-cap`, { method: 'POST', body: JSON.stringify(body) });
    expect((await set({ cap: 0 })).status).toBe(400);
    expect((await set({ cap: 'x' })).status).toBe(400);
    const ok = await set({ cap: 50 });
    expect([ok.status, await ok.json()]).toEqual([200, { ok: true, cap: 50 }]);
    expect([(await page(0)).body.sessions.length, (await page(50)).body.sessions.length, (await page(100)).body.sessions.length]).toEqual([50, 50, 20]);
    expect((await page(0)).body).toEqual({ success: true, sessions: expect.any(Array) });
  });

  it('filters sessions by key, roblox_id, place_id and job_id', async () => {
    const s = await start({ baseSessions: 120 });
    const all = (await call(s, 'luaauth', `/scripts/${scriptOf(s)}/sessions`, { method: 'POST', body: { from: 0, limit: 100 } })).body.sessions;
    const x = all[0];
    const filter = (q: string) => call(s, 'luaauth', `/scripts/${scriptOf(s)}/sessions/filter?${q}`);
    for (const [param, field] of [['key', 'user_key'], ['roblox_id', 'roblox_id'], ['place_id', 'place_id'], ['job_id', 'job_id']] as const) {
      const res = await filter(`${param}=${encodeURIComponent(String(x[field]))}&limit=100`);
      expect(res.status).toBe(200);
      expect(res.body.sessions.length).toBeGreaterThan(0);
      for (const y of res.body.sessions) expect(String(y[field])).toBe(String(x[field]));
    }
    const both = await filter(`place_id=${x.place_id}&job_id=${x.job_id}`);
    for (const y of both.body.sessions) expect([y.place_id, y.job_id]).toEqual([x.place_id, x.job_id]);
    const paged = await filter(`place_id=${x.place_id}&from=1&limit=2`);
    expect(paged.body.sessions.length).toBeLessThanOrEqual(2);
    expect((await filter('limit=abc')).status).toBe(400);
  });

  it('limits to 50 requests per second with ratelimited, then recovers', async () => {
    const clock = new ManualClock();
    const s = await start({ clock });
    const path = `/scripts/${scriptOf(s)}/executions`;
    const results = await Promise.all(Array.from({ length: 50 }, () => call(s, 'luaauth', path)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    const limited = await call(s, 'luaauth', path);
    expect([limited.status, limited.body]).toEqual([429, { success: false, error: { code: -1, message: 'ratelimited' } }]);
    expect(limited.headers.get('retry-after')).toBe('1');
    clock.advance(1_000);
    expect((await call(s, 'luaauth', path)).status).toBe(200);
  });
});

describe('LuaAuth shutdown', () => {
  it('closes promptly while a message waits on a client that never answers', async () => {
    const s = await startSimulator({ seed: 9, luaauth: { messageWaitMs: 30_000 } });
    const id = s.control.targets().luaauth.scriptIds[0]!;
    const [session] = (await call(s, 'luaauth', `/scripts/${id}/sessions`, { method: 'POST', body: { from: 0, limit: 1 } })).body.sessions;
    s.control.setLuaAuthBehaviour('never_answers');
    const pending = call(s, 'luaauth', `/sessions/${session.id}/message`, { method: 'POST', body: { key: 'x' } }).catch(() => 'closed');
    await new Promise((r) => setTimeout(r, 50));
    const t0 = Date.now();
    await s.close();
    expect(await pending).toBe('closed');
    expect(Date.now() - t0).toBeLessThan(1_000);
  });
});
