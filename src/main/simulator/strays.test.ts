import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator } from './index';
import { strayBody } from './strays';
import type { RunningSimulator } from './types';

let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});
const control = async (s: RunningSimulator, action: string, body?: unknown) => {
  const r = await fetch(`http://127.0.0.1:${s.port}/__control/${action}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: r.status, body: (await r.json()) as any };
};
const rawText = async (s: RunningSimulator, path: string) =>
  (await fetch(`${s.urls.luaprot}${path}`, { headers: { authorization: s.keys.luaprot } })).text();

describe('straying from the docs', () => {
  it('is switched per provider over /__control/stray, listed in state, and refused for unknown modes', async () => {
    const s = (sim = await startSimulator({ seed: 2 }));
    expect((await control(s, 'stray', { provider: 'luaprot', modes: ['other_types', 'extra_fields'] })).body).toEqual({
      ok: true,
      strays: { luaprot: ['other_types', 'extra_fields'] },
    });
    expect((await control(s, 'state')).body.strays).toEqual({ luaprot: ['other_types', 'extra_fields'] });
    const hubId = s.control.targets().luaprot.hubIds[0]!;
    const text = await rawText(s, `/api/v1/sessions/get?hubId=${hubId}`);
    // 20-digit ids as bare JSON numbers (a double cannot hold them), created as a string, unknown fields.
    expect(text).toMatch(/"id":\d{20}[,}]/);
    expect(text).toMatch(/"created":"\d+"/);
    expect(text).toContain('"requestId":"req-7f3a9c2e"');
    const bad = await control(s, 'stray', { provider: 'all', modes: ['sometimes'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/null_fields/);
    await control(s, 'stray', { provider: 'all', modes: [] });
    expect(await rawText(s, `/api/v1/sessions/get?hubId=${hubId}`)).toMatch(/"id":"\d{20}"/);
  });

  it('null_fields and missing_fields touch every other item and leave the rest as documented', () => {
    const body = { success: true, sessions: [1, 2, 3].map((i) => ({ id: String(i), robloxUsername: `u${i}`, created: i })) };
    const nulled = strayBody('luaprot', body, new Set(['null_fields'])) as typeof body;
    expect(nulled.sessions.map((s) => s.robloxUsername)).toEqual([null, 'u2', null]);
    const missing = strayBody('luaprot', body, new Set(['missing_fields'])) as typeof body;
    expect(missing.sessions.map((s) => 'robloxUsername' in s)).toEqual([false, true, false]);
    expect(missing.sessions.map((s) => s.id)).toEqual(['1', '2', '3']);
  });

  it('forbidden_wording answers every request with a 403 in unexpected words; ip_not_whitelisted is LuaProt\'s own 403', async () => {
    const s = (sim = await startSimulator({ seed: 2, strays: { luaprot: ['forbidden_wording'] } }));
    const r = await fetch(`${s.urls.luaprot}/api/v1/hubs/get`, { headers: { authorization: s.keys.luaprot } });
    expect([r.status, await r.json()]).toEqual([403, { success: false, message: 'Access denied.' }]);
    s.control.setStrays('luaprot', ['ip_not_whitelisted']);
    const w = await fetch(`${s.urls.luaprot}/api/v1/hubs/get`, { headers: { authorization: s.keys.luaprot } });
    expect(w.status).toBe(403);
    expect(((await w.json()) as { message: string }).message).toMatch(/whitelisted/);
  });
});
