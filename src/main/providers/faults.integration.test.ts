import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { ProviderId } from '../../shared/model';
import { createClient } from './index';
import { failure, useSimulator, type SimFixture } from './simulator-fixture';

/** One cheap read per provider, to carry the injected fault. */
const read = (f: SimFixture, provider: ProviderId, timeoutMs?: number): Promise<unknown> => {
  const o = timeoutMs === undefined ? undefined : { timeoutMs };
  switch (provider) {
    case 'junkie':
      return f.junkie(o).liveCounts();
    case 'luaprot':
      return f.luaprot(o).hubs();
    case 'luaauth':
      return f.luaauth(o).project(f.sim.control.targets().luaauth.projectIds[0]!);
  }
};
const REQUEST: Record<ProviderId, string> = {
  junkie: 'GET /live-users',
  luaprot: 'GET /api/v1/hubs/get',
  luaauth: 'GET /projects/{id}',
};
const PROVIDERS: ProviderId[] = ['junkie', 'luaprot', 'luaauth'];

describe.each(PROVIDERS)('%s: injected faults map to error kinds', (provider) => {
  const f = useSimulator();

  it.each([500, 502, 503] as const)('HTTP %i → unavailable', async (status) => {
    f.sim.control.injectFault(provider, { type: 'status', status, count: 1 });
    const error = await failure(read(f, provider));
    expect(error.info).toMatchObject({ kind: 'unavailable', provider, status, request: REQUEST[provider] });
    if (provider === 'junkie' && status === 502) expect(error.info.message).toBe('Heartbeat service unavailable');
    // count: 1 — the next call is fine again, nothing sticky in the client
    await expect(read(f, provider)).resolves.toBeDefined();
  });

  it('429 burst with Retry-After → rate_limited with retryAfterMs', async () => {
    f.sim.control.injectFault(provider, { type: 'rate_limit_burst', retryAfterSeconds: 7, count: 2 });
    for (let i = 0; i < 2; i++) {
      const error = await failure(read(f, provider));
      expect(error.info).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterMs: 7000 });
    }
  });

  it('a slow answer past timeoutMs → timeout', async () => {
    f.sim.control.injectFault(provider, { type: 'slow', delayMs: 400, count: 1 });
    const started = Date.now();
    const error = await failure(read(f, provider, 80));
    expect(error.info).toMatchObject({ kind: 'timeout', provider, request: REQUEST[provider] });
    expect(error.info.status).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(350);
  });

  it('truncated JSON on 200 → malformed', async () => {
    f.sim.control.injectFault(provider, { type: 'malformed_json', count: 1 });
    const error = await failure(read(f, provider));
    expect(error.info).toMatchObject({ kind: 'malformed', status: 200 });
    expect(error.info.message).toMatch(/not valid JSON/);
  });

  it('an HTML error page: unavailable on 5xx, malformed otherwise', async () => {
    f.sim.control.injectFault(provider, { type: 'html_error', status: 502, count: 1 });
    expect((await failure(read(f, provider))).info).toMatchObject({ kind: 'unavailable', status: 502 });
    f.sim.control.injectFault(provider, { type: 'html_error', status: 200, count: 1 });
    expect((await failure(read(f, provider))).info).toMatchObject({ kind: 'malformed', status: 200 });
  });

  it('a dropped connection → network', async () => {
    f.sim.control.injectFault(provider, { type: 'drop_connection', count: 1 });
    const error = await failure(read(f, provider));
    expect(error.info).toMatchObject({ kind: 'network', provider, request: REQUEST[provider] });
    expect(error.info.message).not.toBe('');
  });

  it('no error ever carries the key', async () => {
    const errors = [];
    for (const fault of [
      { type: 'status', status: 500, count: 1 },
      { type: 'rate_limit_burst', count: 1 },
      { type: 'malformed_json', count: 1 },
      { type: 'drop_connection', count: 1 },
    ] as const) {
      f.sim.control.injectFault(provider, fault);
      errors.push(await failure(read(f, provider)));
    }
    for (const e of errors) {
      expect(JSON.stringify(e.info)).not.toContain(f.sim.keys[provider]);
      expect(String(e.stack)).not.toContain(f.sim.keys[provider]);
    }
  });
});

describe('connection refused', () => {
  it.each(PROVIDERS)('%s → network', async (provider) => {
    // A port that was free a moment ago and has nothing listening now.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const options = { baseUrl: `http://127.0.0.1:${port}/x`, apiKey: 'k-123456' };
    const promise =
      provider === 'junkie'
        ? createClient('junkie', options).liveCounts()
        : provider === 'luaprot'
          ? createClient('luaprot', options).hubs()
          : createClient('luaauth', options).project('p');
    const error = await failure(promise);
    expect(error.info).toMatchObject({ kind: 'network', provider });
    expect(error.info.message).toMatch(/refused/);
  });
});
