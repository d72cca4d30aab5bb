import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator } from './index';
import { call } from './test-support';
import type { RunningSimulator } from './types';

let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});
const start = async () => (sim = await startSimulator({ seed: 2 }));
const control = async (s: RunningSimulator, action: string, body?: unknown) => {
  const r = await fetch(`http://127.0.0.1:${s.port}/__control/${action}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: r.status, body: (await r.json()) as any };
};

describe('fault injection', () => {
  it('returns injected statuses in each provider’s error shape, for `count` requests', async () => {
    const s = await start();
    s.control.injectFault('junkie', { type: 'status', status: 502, count: 2 });
    const first = await call(s, 'junkie', '/live-users');
    expect([first.status, first.body]).toEqual([502, { error: 'Heartbeat service unavailable' }]);
    expect((await call(s, 'junkie', '/live-users')).status).toBe(502);
    expect((await call(s, 'junkie', '/live-users')).status).toBe(200);
    s.control.injectFault('all', { type: 'status', status: 500 });
    expect((await call(s, 'luaprot', '/api/v1/hubs/get')).body).toEqual({ success: false, message: 'Internal server error.' });
    expect((await call(s, 'luaauth', '/nowhere')).body).toEqual({ success: false, error: { code: -1, message: 'internal server error' } });
    expect((await call(s, 'junkie', '/live-users')).status).toBe(500);
    s.control.clearFaults();
    expect((await call(s, 'junkie', '/live-users')).status).toBe(200);
  });

  it('injects 503 and 429 bursts with Retry-After', async () => {
    const s = await start();
    s.control.injectFault('luaauth', { type: 'status', status: 503, count: 1 });
    expect((await call(s, 'luaauth', '/nowhere')).status).toBe(503);
    s.control.injectFault('luaprot', { type: 'rate_limit_burst', retryAfterSeconds: 7, count: 3 });
    for (let i = 0; i < 3; i++) {
      const r = await call(s, 'luaprot', '/api/v1/hubs/get');
      expect([r.status, r.headers.get('retry-after'), r.body.message]).toEqual([429, '7', 'You are being rate limited.']);
    }
    expect((await call(s, 'luaprot', '/api/v1/hubs/get')).status).toBe(200);
  });

  it('slows responses down', async () => {
    const s = await start();
    s.control.injectFault('junkie', { type: 'slow', delayMs: 150, count: 1 });
    const t0 = Date.now();
    expect((await call(s, 'junkie', '/live-users')).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
  });

  it('sends truncated JSON with 200 and a JSON content type', async () => {
    const s = await start();
    s.control.injectFault('luaauth', { type: 'malformed_json', count: 1 });
    const res = await fetch(`${s.urls.luaauth}/projects/${s.control.targets().luaauth.projectIds[0]}`, { headers: { token: s.keys.luaauth } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    await expect(res.json()).rejects.toThrow();
  });

  it('sends an nginx HTML error page', async () => {
    const s = await start();
    s.control.injectFault('luaprot', { type: 'html_error', count: 1 });
    const res = await call(s, 'luaprot', '/api/v1/hubs/get');
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.text).toContain('<center>nginx</center>');
    s.control.injectFault('luaprot', { type: 'html_error', status: 504, count: 1 });
    expect((await call(s, 'luaprot', '/api/v1/hubs/get')).text).toContain('504 Gateway Time-out');
  });

  it('drops connections', async () => {
    const s = await start();
    s.control.injectFault('junkie', { type: 'drop_connection', count: 1 });
    await expect(fetch(`${s.urls.junkie}/live-users`, { headers: { Authorization: `Bearer ${s.keys.junkie}` } })).rejects.toThrow();
    expect((await call(s, 'junkie', '/live-users')).status).toBe(200);
    expect(s.control.requestLog('junkie').map((e) => e.status)).toEqual([0, 200]);
  });

  it('is driven over HTTP at /__control', async () => {
    const s = await start();
    expect((await control(s, 'fault', { provider: 'junkie', fault: { type: 'status', status: 503 } })).status).toBe(200);
    expect((await call(s, 'junkie', '/live-users')).status).toBe(503);
    const state = await control(s, 'state');
    expect(state.body.faults).toEqual([{ scope: 'junkie', fault: { type: 'status', status: 503 }, remaining: null }]);
    expect(state.body.targets).toEqual(s.control.targets());
    await control(s, 'clear', { provider: 'junkie' });
    expect((await call(s, 'junkie', '/live-users')).status).toBe(200);
    const scriptId = s.control.targets().junkie.scriptIds[0]!;
    expect((await control(s, 'population', { provider: 'junkie', targetId: scriptId, count: 123 })).body).toEqual({ ok: true, population: 123 });
    expect((await call(s, 'junkie', '/live-users')).body.counts[scriptId]).toBe(123);
    expect((await control(s, 'state')).body.populations.junkie[scriptId]).toBe(123);
    expect((await control(s, 'fault', { provider: 'nobody', fault: { type: 'slow', delayMs: 1 } })).status).toBe(400);
    expect((await control(s, 'fault', { provider: 'junkie', fault: { type: 'explode' } })).status).toBe(400);
    expect((await control(s, 'population', { provider: 'junkie', targetId: 'nope', count: 1 })).status).toBe(400);
    expect((await control(s, 'behaviour', { behaviour: 'never_answers' })).status).toBe(200);
  });
});

describe('paths', () => {
  it('decodes each segment without normalising, so encoded ids land on the id route', async () => {
    const s = await start();
    for (const id of ['../../live-users', 'a/b?c', '..%2F']) {
      const res = await call(s, 'junkie', `/live-users/${encodeURIComponent(id)}`);
      expect(res.status).toBe(404);
    }
    const info = await call(s, 'luaprot', `/api/v1/sessions/${encodeURIComponent('../../hubs/get')}/info`);
    expect(info.body).toEqual({ success: false, message: 'Invalid session.' });
    const session = await call(s, 'luaauth', `/sessions/${encodeURIComponent('../scripts/x')}`);
    expect(session.status).toBe(404);
    expect(session.body.error.message).toBe('unauthorized or invalid request'); // the session route, not "invalid endpoint"
  });

  it('does not resolve literal dot segments either', async () => {
    const s = await start();
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: s.port, path: '/junkie/api/v2/live-users/../services', headers: { Authorization: `Bearer ${s.keys.junkie}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(404);
  });
});

describe('control from a web page', () => {
  it('refuses /__control requests that carry an Origin (a cross-site page), accepts plain ones', async () => {
    const sim = await startSimulator({ seed: 1 });
    try {
      const control = `http://127.0.0.1:${sim.port}/__control/population`;
      const t = sim.control.targets().junkie.scriptIds[0]!;
      const before = sim.control.population('junkie', t);
      const evil = await fetch(control, {
        method: 'POST',
        headers: { Origin: 'https://evil.example', 'content-type': 'text/plain' },
        body: JSON.stringify({ provider: 'junkie', targetId: t, count: before + 500 }),
      });
      expect(evil.status).toBe(403);
      expect(sim.control.population('junkie', t)).toBe(before);
      const ok = await fetch(control, { method: 'POST', body: JSON.stringify({ provider: 'junkie', targetId: t, count: before + 5 }) });
      expect(ok.status).toBe(200);
      expect(sim.control.population('junkie', t)).toBe(before + 5);
    } finally {
      await sim.close();
    }
  });
});
