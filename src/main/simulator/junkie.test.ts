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
const start = async (o: SimulatorOptions = {}) => (sim = await startSimulator({ seed: 11, clock: new ManualClock(), ...o }));

describe('Junkie', () => {
  it('accepts Bearer auth and rejects anything else with 401 {error}', async () => {
    const s = await start();
    expect((await call(s, 'junkie', '/live-users')).status).toBe(200);
    for (const headers of [{ Authorization: s.keys.junkie }, { Authorization: 'Bearer nope' }]) {
      const res = await fetch(`${s.urls.junkie}/live-users`, { headers });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: 'Unauthorized' });
    }
    expect((await fetch(`${s.urls.junkie}/live-users`)).status).toBe(401);
  });

  it('counts live users per script with total = sum', async () => {
    const s = await start({ baseSessions: 7, junkie: { scripts: 4 } });
    const { body } = await call(s, 'junkie', '/live-users');
    const ids = s.control.targets().junkie.scriptIds;
    expect(Object.keys(body.counts).sort()).toEqual([...ids].sort());
    expect(body.total).toBe(Object.values(body.counts as Record<string, number>).reduce((a, b) => a + b, 0));
    expect(body.counts[ids[0]!]).toBe(s.control.population('junkie', ids[0]!));
  });

  it('omits zero counts when includeZeroCounts is false', async () => {
    const s = await start({ junkie: { scripts: 2, includeZeroCounts: false } });
    const [a, b] = s.control.targets().junkie.scriptIds;
    s.control.setPopulation('junkie', a!, 0);
    const { body } = await call(s, 'junkie', '/live-users');
    expect(body.counts).toEqual({ [b!]: s.control.population('junkie', b!) });
  });

  it('lists sessions in the seed shape with paging defaults', async () => {
    const s = await start({ baseSessions: 45 });
    const id = s.control.targets().junkie.scriptIds[0]!;
    const { status, body } = await call(s, 'junkie', `/live-users/${id}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ total: 45, page: 1, limit: 20, totalPages: 3 });
    expect(body.sessions).toHaveLength(20);
    const item = body.sessions[0];
    expect(Object.keys(item).sort()).toEqual(['beatCount', 'created', 'hwid', 'lastBeat', 'placeId', 'robloxJobId', 'robloxUsername', 'sessionId'].sort());
    expect(typeof item.placeId).toBe('string');
    expect(item.robloxJobId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(item.created).toBeGreaterThan(1e12); // ms
    expect(item.lastBeat).toBeGreaterThanOrEqual(item.created);
    expect(Number.isInteger(item.beatCount)).toBe(true);
    const last = await call(s, 'junkie', `/live-users/${id}?page=3`);
    expect(last.body.sessions).toHaveLength(5);
    const beyond = await call(s, 'junkie', `/live-users/${id}?page=9`);
    expect(beyond.body.sessions).toEqual([]);
  });

  it('clamps or rejects limit above 50 and rejects bad paging', async () => {
    const s = await start({ baseSessions: 60 });
    const id = s.control.targets().junkie.scriptIds[0]!;
    const clamped = await call(s, 'junkie', `/live-users/${id}?limit=80`);
    expect(clamped.body.limit).toBe(50);
    expect(clamped.body.sessions).toHaveLength(50);
    for (const q of ['page=0', 'limit=0', 'page=x', 'limit=-1']) expect((await call(s, 'junkie', `/live-users/${id}?${q}`)).status).toBe(400);
    await s.close();
    const strict = (sim = await startSimulator({ seed: 11, junkie: { overLimit: 'reject' } }));
    expect((await call(strict, 'junkie', `/live-users/${strict.control.targets().junkie.scriptIds[0]}?limit=51`)).status).toBe(400);
  });

  it('searches usernames partially and case-insensitively', async () => {
    const s = await start({ baseSessions: 200 });
    const id = s.control.targets().junkie.scriptIds[0]!;
    const all = await call(s, 'junkie', `/live-users/${id}?limit=50`);
    const name: string = all.body.sessions[0].robloxUsername;
    const fragment = name.slice(1, 5).toUpperCase();
    const found = await call(s, 'junkie', `/live-users/${id}?limit=50&search=${encodeURIComponent(fragment)}`);
    expect(found.body.total).toBeGreaterThan(0);
    expect(found.body.total).toBeLessThan(200);
    for (const x of found.body.sessions) expect(x.robloxUsername.toLowerCase()).toContain(fragment.toLowerCase());
    expect(found.body.totalPages).toBe(Math.ceil(found.body.total / 50));
  });

  it('404s a script that is not the account’s', async () => {
    const s = await start();
    const res = await call(s, 'junkie', '/live-users/999999999');
    expect(res.status).toBe(404);
    expect(res.body).toHaveProperty('error');
  });

  it('rate limits with 429 and Retry-After, and recovers after the window', async () => {
    const clock = new ManualClock();
    const s = await start({ clock, junkie: { rateLimit: { max: 3, windowMs: 60_000 } } });
    for (let i = 0; i < 3; i++) expect((await call(s, 'junkie', '/live-users')).status).toBe(200);
    const limited = await call(s, 'junkie', '/live-users');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
    clock.advance(60_000);
    expect((await call(s, 'junkie', '/live-users')).status).toBe(200);
  });

  it('lists services in the documented shape', async () => {
    const s = await start({ junkie: { scripts: 6 } });
    const { body } = await call(s, 'junkie', '/services');
    expect(body.services.length).toBeGreaterThan(0);
    const svc = body.services[0];
    expect(Object.keys(svc).sort()).toEqual(['created_at', 'description', 'id', 'is_premium', 'keyless_mode', 'keyless_weekdays', 'name', 'slug', 'user_id'].sort());
    expect(Number.isInteger(svc.id)).toBe(true);
    expect(new Date(svc.created_at).toISOString()).toBe(svc.created_at);
    const counted = await call(s, 'junkie', '/services?include_execution_count=true');
    expect(typeof counted.body.services[0].execution_count).toBe('number');
  });
});
