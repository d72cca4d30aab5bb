import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../shared/clock';
import { startSimulator } from './index';
import type { RunningSimulator } from './types';

let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});
const control = async (s: RunningSimulator, action: string, body: unknown) => {
  const r = await fetch(`http://127.0.0.1:${s.port}/__control/${action}`, { method: 'POST', body: JSON.stringify(body) });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: r.status, body: (await r.json()) as any };
};

describe('populations built session by session (/__control/sessions)', () => {
  it('LuaAuth serves exactly the chosen sessions with the seed\u2019s types, and they do not churn', async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 5, 12));
    const s = (sim = await startSimulator({ seed: 3, clock, baseSessions: 20 }));
    const scriptId = s.control.targets().luaauth.scriptIds[0]!;
    const r = await control(s, 'sessions', {
      provider: 'luaauth',
      targetId: scriptId,
      sessions: [
        { placeId: '111', jobId: 'job-a', userKey: 'K1', robloxId: '1001' },
        { placeId: '222', userKey: 'K1', robloxId: '1002' },
      ],
    });
    expect(r.body).toEqual({ ok: true, population: 2 });
    clock.advance(30 * 60_000);
    const res = await fetch(`${s.urls.luaauth}/scripts/${scriptId}/sessions`, {
      method: 'POST',
      headers: { token: s.keys.luaauth, 'content-type': 'application/json' },
      body: JSON.stringify({ from: 0, limit: 50 }),
    });
    const body = (await res.json()) as { sessions?: Array<Record<string, unknown>> } | Array<Record<string, unknown>>;
    const list = Array.isArray(body) ? body : (body.sessions ?? []);
    expect(list.map((x) => [x.place_id, x.roblox_id, x.user_key])).toEqual([
      [111, 1001, 'K1'],
      [222, 1002, 'K1'],
    ]);
    expect(list[0]!.job_id).toBe('job-a');
    expect(typeof list[1]!.job_id).toBe('string');
  });

  it('refuses fields that are not strings or not known, and setPopulation lets the target churn again', async () => {
    const s = (sim = await startSimulator({ seed: 3 }));
    const hubId = s.control.targets().luaprot.hubIds[0]!;
    expect((await control(s, 'sessions', { provider: 'luaprot', targetId: hubId, sessions: [{ placeId: 42 }] })).status).toBe(400);
    expect((await control(s, 'sessions', { provider: 'luaprot', targetId: hubId, sessions: [{ apiKey: 'x' }] })).status).toBe(400);
    expect((await control(s, 'sessions', { provider: 'luaprot', targetId: hubId, sessions: [{ username: 'a' }] })).body.population).toBe(1);
    s.control.setPopulation('luaprot', hubId, 30);
    expect(s.control.population('luaprot', hubId)).toBe(30);
  });
});
