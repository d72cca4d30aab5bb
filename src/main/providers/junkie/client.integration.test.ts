import { describe, expect, it } from 'vitest';
import { failure, useSimulator } from '../simulator-fixture';

describe('Junkie client against the simulator', () => {
  const f = useSimulator();

  it('liveCounts: counts per script and their total', async () => {
    const { counts, total } = await f.junkie().liveCounts();
    const ids = f.sim.control.targets().junkie.scriptIds;
    for (const id of ids) expect(counts[id] ?? 0).toBe(f.sim.control.population('junkie', id));
    expect(total).toBe(Object.values(counts).reduce((a, b) => a + b, 0));
  });

  it('sessions: a page mapped to the model (ms timestamps, placeId string)', async () => {
    const scriptId = f.sim.control.targets().junkie.scriptIds[0]!;
    f.sim.control.setPopulation('junkie', scriptId, 12);
    const page = await f.junkie().sessions(scriptId, { page: 2, limit: 5 });
    expect(page).toMatchObject({ total: 12, page: 2, limit: 5, totalPages: 3 });
    expect(page.sessions).toHaveLength(5);
    const now = Date.now();
    for (const s of page.sessions) {
      expect(s.provider).toBe('junkie');
      expect(s.scriptId).toBe(scriptId);
      expect(typeof s.placeId).toBe('string');
      expect(s.createdAt).toBeGreaterThan(now - 400 * 86_400_000); // ms, not seconds
      expect(s.createdAt).toBeLessThanOrEqual(now + 1000);
      expect(s.lastBeatAt).toBeGreaterThanOrEqual(s.createdAt!);
      expect(s.extra.sessionId).toBe(s.id);
    }
  });

  it('sessions: search filters by username, case-insensitively', async () => {
    const scriptId = f.sim.control.targets().junkie.scriptIds[0]!;
    const first = (await f.junkie().sessions(scriptId, { limit: 50 })).sessions[0]!;
    const part = first.username!.slice(1, 4).toUpperCase();
    const page = await f.junkie().sessions(scriptId, { search: part, limit: 50 });
    expect(page.sessions.length).toBeGreaterThan(0);
    for (const s of page.sessions) expect(s.username!.toLowerCase()).toContain(part.toLowerCase());
  });

  it('services: id, name, description, the rest in extra', async () => {
    const services = await f.junkie().services();
    expect(services.length).toBeGreaterThan(0);
    for (const s of services) {
      expect(typeof s.id).toBe('number');
      expect(typeof s.name).toBe('string');
      expect(s.extra.id).toBe(s.id);
    }
  });

  it('unknown script → not_found (404)', async () => {
    const error = await failure(f.junkie().sessions('no-such-script'));
    expect(error.info).toMatchObject({ kind: 'not_found', provider: 'junkie', status: 404, request: 'GET /live-users/{id}' });
  });

  it('an id like ../../live-users stays on the session route', async () => {
    const error = await failure(f.junkie().sessions('../../live-users'));
    expect(error.info).toMatchObject({ kind: 'not_found', status: 404 });
    const last = f.sim.control.requestLog('junkie').at(-1)!;
    expect(last.path).toMatch(/live-users\/%2E%2E%2F%2E%2E%2Flive-users$/);
    expect(last.status).toBe(404);
  });

  it('wrong key → unauthorized, and the key appears nowhere', async () => {
    const error = await failure(f.junkie({ apiKey: 'jnk_wrong_key_000' }).liveCounts());
    expect(error.info).toMatchObject({ kind: 'unauthorized', status: 401 });
    expect(JSON.stringify(error.info)).not.toContain('jnk_wrong_key_000');
  });

  it.each([
    [{ page: 0 }, /page/],
    [{ page: 1.5 }, /page/],
    [{ limit: 0 }, /limit/],
    [{ limit: 51 }, /limit.*1 to 50.*51/],
    [{ limit: 2.5 }, /limit/],
  ])('refuses %o before any request', async (query, message) => {
    const error = await failure(f.junkie().sessions('x', query));
    expect(error.info).toMatchObject({ kind: 'invalid_input', request: 'GET /live-users/{id}' });
    expect(error.info.message).toMatch(message);
    expect(f.sent('junkie')).toBe(0);
  });

  it('onRequest observes each exchange without the key', async () => {
    const seen: unknown[] = [];
    await f.junkie({ onRequest: (i) => seen.push(i) }).liveCounts();
    expect(seen).toEqual([{ provider: 'junkie', method: 'GET', path: '/live-users', status: 200, durationMs: expect.any(Number) }]);
    expect(JSON.stringify(seen)).not.toContain(f.sim.keys.junkie);
  });
});

describe('Junkie rate limit (simulator limiter)', () => {
  const f = useSimulator({ junkie: { rateLimit: { max: 2, windowMs: 60_000 } } });

  it('429 → rate_limited with Retry-After in ms', async () => {
    const client = f.junkie();
    await client.liveCounts();
    await client.liveCounts();
    const error = await failure(client.liveCounts());
    expect(error.info.kind).toBe('rate_limited');
    expect(error.info.status).toBe(429);
    expect(error.info.retryAfterMs).toBeGreaterThan(0);
    expect(error.info.retryAfterMs! % 1000).toBe(0);
  });
});
