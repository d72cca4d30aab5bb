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
const start = async (o: SimulatorOptions = {}) => (sim = await startSimulator({ seed: 5, clock: new ManualClock(), ...o }));
const hubOf = (s: RunningSimulator, i = 0) => s.control.targets().luaprot.hubIds[i]!;

describe('LuaProt', () => {
  it('takes the raw key and rejects Bearer or wrong keys with its own 401 body', async () => {
    const s = await start();
    expect((await call(s, 'luaprot', '/api/v1/hubs/get')).status).toBe(200);
    for (const key of [`Bearer ${s.keys.luaprot}`, 'wrong']) {
      const res = await call(s, 'luaprot', '/api/v1/hubs/get', { key });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ success: false, message: 'Invalid API key.' });
    }
  });

  it('refuses clients outside the IP allow-list with 403', async () => {
    const s = await start({ luaprot: { ipAllowList: ['10.0.0.1'] } });
    const res = await call(s, 'luaprot', '/api/v1/hubs/get');
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ success: false, message: 'Your IP address is not whitelisted. Add it in the LuaProt dashboard.' });
    await s.close();
    const allowed = (sim = await startSimulator({ luaprot: { ipAllowList: ['127.0.0.1'] } }));
    expect((await call(allowed, 'luaprot', '/api/v1/hubs/get')).status).toBe(200);
  });

  it('lists hub sessions in the seed shape (20-digit ids, epoch seconds)', async () => {
    const s = await start({ baseSessions: 12 });
    const res = await call(s, 'luaprot', `/api/v1/sessions/get?hubId=${hubOf(s)}`);
    expect(res.status).toBe(200);
    expect(res.body.success).toBe(true);
    expect(res.body.message).toBe('Successfully fetched sessions.');
    expect(res.body.sessions).toHaveLength(12);
    const item = res.body.sessions[0];
    expect(Object.keys(item).sort()).toEqual(['created', 'id', 'robloxJobId', 'robloxUniverseId', 'robloxUsername']);
    expect(item.id).toMatch(/^\d{20}$/);
    expect(item.robloxUniverseId).toMatch(/^\d+$/);
    expect(item.created).toBeLessThan(1e11); // seconds
    expect(hubOf(s)).toMatch(/^\d{20}$/);
  });

  it('applies hubId-wins, key and discordId lookups and the seed errors', async () => {
    const s = await start({ baseSessions: 40 });
    const key = s.control.targets().luaprot.keys[0]!;
    expect(key).toMatch(/^[0-9a-f]{24}$/);
    const byHub = await call(s, 'luaprot', `/api/v1/sessions/get?hubId=${hubOf(s)}&key=ffffffffffffffffffffffff`);
    expect(byHub.status).toBe(200);
    expect(byHub.body.sessions).toHaveLength(40);
    const byKey = await call(s, 'luaprot', `/api/v1/sessions/get?key=${key}`);
    expect(byKey.status).toBe(200);
    expect(byKey.body.sessions.length).toBeGreaterThan(0);
    const info = await call(s, 'luaprot', `/api/v1/sessions/${byKey.body.sessions[0].id}/info`);
    expect(info.body.session.key).toBe(key);
    const byDiscord = await call(s, 'luaprot', `/api/v1/sessions/get?discordId=${info.body.key.discordId}`);
    expect(byDiscord.body.sessions.map((x: { id: string }) => x.id)).toEqual(byKey.body.sessions.map((x: { id: string }) => x.id));
    expect((await call(s, 'luaprot', '/api/v1/sessions/get?key=ffffffffffffffffffffffff')).body).toEqual({ success: false, message: 'Key could not be found.' });
    const noHub = await call(s, 'luaprot', '/api/v1/sessions/get?hubId=12345678901234567890');
    expect(noHub.status).toBe(404);
    expect(noHub.body).toEqual({ success: false, message: 'Hub not found or linked to your account.' });
    expect((await call(s, 'luaprot', '/api/v1/sessions/get')).status).toBe(400);
  });

  it('returns session info with the full key record, and the seed errors', async () => {
    const s = await start();
    const list = await call(s, 'luaprot', `/api/v1/sessions/get?hubId=${hubOf(s)}`);
    const id = list.body.sessions[0].id;
    const res = await call(s, 'luaprot', `/api/v1/sessions/${id}/info`);
    expect(res.body.message).toBe('Successfully fetched session info.');
    expect(Object.keys(res.body.session).sort()).toEqual(['created', 'id', 'key', 'robloxJobId', 'robloxUniverseId', 'robloxUsername']);
    expect(Object.keys(res.body.key).sort()).toEqual(
      ['activated', 'blacklistReason', 'blacklisted', 'created', 'discordData', 'discordId', 'executionCount', 'expire', 'hubId', 'hwid', 'hwidResetCount', 'key', 'lastExecution', 'lastHwidReset', 'limitedScripts', 'note'].sort(),
    );
    expect(res.body.key.hubId).toBe(hubOf(s));
    expect(Object.keys(res.body.key.discordData).sort()).toEqual(['avatar', 'created', 'global_name', 'id', 'modified', 'username']);
    const invalid = await call(s, 'luaprot', '/api/v1/sessions/abc/info');
    expect([invalid.status, invalid.body]).toEqual([400, { success: false, message: 'Invalid session.' }]);
    const unknown = await call(s, 'luaprot', '/api/v1/sessions/11111111111111111111/info');
    expect([unknown.status, unknown.body]).toEqual([403, { success: false, message: 'Session not found or unauthorized to manage.' }]);
  });

  it('messages one session (1..100 chars) and records it', async () => {
    const s = await start();
    const id = (await call(s, 'luaprot', `/api/v1/sessions/get?hubId=${hubOf(s)}`)).body.sessions[0].id;
    const ok = await call(s, 'luaprot', `/api/v1/sessions/message/${id}`, { method: 'POST', body: { message: 'hi' } });
    expect(ok.body).toEqual({ success: true, message: 'Successfully messaged session.' });
    for (const message of ['', 'x'.repeat(101), 5]) {
      const bad = await call(s, 'luaprot', `/api/v1/sessions/message/${id}`, { method: 'POST', body: { message } });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toBe('Message must be between 1 and 100 characters.');
    }
    expect((await call(s, 'luaprot', `/api/v1/sessions/message/${id}`, { method: 'POST', body: { message: 'x'.repeat(100) } })).status).toBe(200);
    const unknown = await call(s, 'luaprot', '/api/v1/sessions/message/11111111111111111111', { method: 'POST', body: { message: 'hi' } });
    expect([unknown.status, unknown.body.message]).toEqual([400, 'You cannot manage this session.']);
    expect(s.control.messagesSent('luaprot').map((m) => [m.sessionIds, m.text])).toEqual([
      [[id], 'hi'],
      [[id], 'x'.repeat(100)],
    ]);
  });

  it('keeps a disconnected session listed for the linger delay, unmanageable, then drops it', async () => {
    const clock = new ManualClock();
    const s = await start({ clock, luaprot: { disconnectLingerMs: 3_000 } });
    const hub = hubOf(s);
    const before = s.control.population('luaprot', hub);
    const id = (await call(s, 'luaprot', `/api/v1/sessions/get?hubId=${hub}`)).body.sessions[0].id;
    const res = await call(s, 'luaprot', `/api/v1/sessions/disconnect/${id}`, { method: 'DELETE' });
    expect(res.body).toEqual({ success: true, message: 'Successfully disconnected session.' });
    expect(s.control.population('luaprot', hub)).toBe(before - 1);
    clock.advance(2_999);
    const listed = await call(s, 'luaprot', `/api/v1/sessions/get?hubId=${hub}`);
    expect(listed.body.sessions.some((x: { id: string }) => x.id === id)).toBe(true);
    expect((await call(s, 'luaprot', `/api/v1/sessions/message/${id}`, { method: 'POST', body: { message: 'hi' } })).body.message).toBe('You cannot manage this session.');
    expect((await call(s, 'luaprot', `/api/v1/sessions/disconnect/${id}`, { method: 'DELETE' })).status).toBe(400);
    clock.advance(1);
    const gone = await call(s, 'luaprot', `/api/v1/sessions/get?hubId=${hub}`);
    expect(gone.body.sessions.some((x: { id: string }) => x.id === id)).toBe(false);
    expect((await call(s, 'luaprot', `/api/v1/sessions/${id}/info`)).status).toBe(403);
  });

  it('lingers 90 s by default', async () => {
    const clock = new ManualClock();
    const s = await start({ clock });
    const id = (await call(s, 'luaprot', `/api/v1/sessions/get?hubId=${hubOf(s)}`)).body.sessions[0].id;
    await call(s, 'luaprot', `/api/v1/sessions/disconnect/${id}`, { method: 'DELETE' });
    clock.advance(89_999);
    expect((await call(s, 'luaprot', `/api/v1/sessions/${id}/info`)).status).toBe(200);
    clock.advance(1);
    expect((await call(s, 'luaprot', `/api/v1/sessions/${id}/info`)).status).toBe(403);
  });

  it('messages and disconnects all sessions of a hub or a key', async () => {
    const s = await start();
    const hub = hubOf(s);
    const all = await call(s, 'luaprot', '/api/v1/sessions/messageall', { method: 'POST', body: { hubId: hub, key: 'ignored', message: 'hello all' } });
    expect(all.body).toEqual({ success: true, message: 'Successfully messaged sessions.' });
    expect(s.control.messagesSent('luaprot')[0]).toMatchObject({ scope: { hubId: hub }, text: 'hello all' });
    expect(s.control.messagesSent('luaprot')[0]!.sessionIds).toHaveLength(s.control.population('luaprot', hub));
    const tooLong = await call(s, 'luaprot', '/api/v1/sessions/messageall', { method: 'POST', body: { hubId: hub, message: 'x'.repeat(101) } });
    expect(tooLong.status).toBe(400);
    const key = s.control.targets().luaprot.keys[0]!;
    const byKey = await call(s, 'luaprot', `/api/v1/sessions/disconnectall?key=${key}`, { method: 'DELETE' });
    expect(byKey.body.message).toBe('Successfully disconnected sessions.');
    expect((await call(s, 'luaprot', `/api/v1/sessions/disconnectall?key=${key}`, { method: 'DELETE' })).body).toEqual({ success: false, message: 'No active sessions found.' });
    const disc = await call(s, 'luaprot', `/api/v1/sessions/disconnectall?hubId=${hub}`, { method: 'DELETE' });
    expect(disc.body.success).toBe(true);
    expect(s.control.population('luaprot', hub)).toBe(0);
    const none = await call(s, 'luaprot', `/api/v1/sessions/disconnectall?hubId=${hub}`, { method: 'DELETE' });
    expect([none.status, none.body.message]).toEqual([400, 'No active sessions found.']);
    const noneMsg = await call(s, 'luaprot', '/api/v1/sessions/messageall', { method: 'POST', body: { hubId: hub, message: 'anyone?' } });
    expect([noneMsg.status, noneMsg.body.message]).toEqual([400, 'No active sessions found.']);
  });

  it('lists hubs with nested scripts (inferred route)', async () => {
    const s = await start({ luaprot: { hubs: 3 } });
    const { body } = await call(s, 'luaprot', '/api/v1/hubs/get');
    expect(body.success).toBe(true);
    expect(body.hubs.map((h: { id: string }) => h.id)).toEqual(s.control.targets().luaprot.hubIds);
    const hub = body.hubs[0];
    expect(hub).toMatchObject({ enabled: 1 });
    expect(typeof hub.hwidResetGap).toBe('number');
    expect(hub.scripts[0]).toMatchObject({ enabled: 1 });
    expect(hub.scripts[0].id).toMatch(/^\d{20}$/);
    expect(Object.keys(hub.scripts[0]).sort()).toEqual(['enabled', 'hwidLock', 'id', 'name', 'version']);
  });

  it('enforces 20 per 10 s: the 21st is 429, and recovers after the window', async () => {
    const clock = new ManualClock();
    const s = await start({ clock });
    for (let i = 0; i < 20; i++) expect((await call(s, 'luaprot', '/api/v1/hubs/get')).status).toBe(200);
    const limited = await call(s, 'luaprot', '/api/v1/hubs/get');
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ success: false, message: 'You are being rate limited.' });
    expect(limited.headers.get('retry-after')).toBe('10');
    clock.advance(9_999);
    expect((await call(s, 'luaprot', '/api/v1/hubs/get')).status).toBe(429);
    clock.advance(1);
    expect((await call(s, 'luaprot', '/api/v1/hubs/get')).status).toBe(200);
  });

  it('enforces 60 per 60 s: the 61st is 429 even when every 10 s window is fine', async () => {
    const clock = new ManualClock();
    const s = await start({ clock });
    for (let burst = 0; burst < 3; burst++) {
      for (let i = 0; i < 20; i++) expect((await call(s, 'luaprot', '/api/v1/hubs/get')).status).toBe(200);
      clock.advance(10_000);
    }
    const limited = await call(s, 'luaprot', '/api/v1/hubs/get');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('30');
    clock.advance(30_000);
    expect((await call(s, 'luaprot', '/api/v1/hubs/get')).status).toBe(200);
  });
});
