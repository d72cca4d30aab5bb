import { describe, expect, it } from 'vitest';
import { failure, useSimulator } from '../simulator-fixture';

const SECONDS_2020 = 1_577_836_800; // anything below this in ms would mean seconds slipped through

describe('LuaProt client against the simulator', () => {
  const f = useSimulator();
  const hub = () => f.sim.control.targets().luaprot.hubIds[0]!;

  it('sessions by hubId: every live session, created converted to ms', async () => {
    const sessions = await f.luaprot().sessions({ hubId: hub() });
    expect(sessions).toHaveLength(f.sim.control.population('luaprot', hub()));
    for (const s of sessions) {
      expect(s.provider).toBe('luaprot');
      expect(s.id).toMatch(/^\d{20}$/);
      expect(s.createdAt).toBe((s.extra.created as number) * 1000);
      expect(s.createdAt).toBeGreaterThan(SECONDS_2020 * 1000);
      expect(s.createdAt).toBeLessThanOrEqual(Date.now() + 1000);
      expect(typeof s.universeId).toBe('string');
    }
  });

  it('sessionInfo: the session plus its key record in ms, then sessions by key and by discordId', async () => {
    const client = f.luaprot();
    const [first] = await client.sessions({ hubId: hub() });
    const info = await client.sessionInfo(first!.id);
    expect(info.session.id).toBe(first!.id);
    expect(info.session.userKey).toBe(info.key.key);
    expect(info.key.hubId).toBe(hub());
    expect(info.key.createdAt).toBe((info.key.extra.created as number) * 1000);
    if ((info.key.extra.expire as number) > 0) expect(info.key.expireAt).toBe((info.key.extra.expire as number) * 1000);
    expect(typeof info.key.discordUsername).toBe('string');

    const byKey = await client.sessions({ key: info.key.key });
    expect(byKey.map((s) => s.id)).toContain(first!.id);
    const byDiscord = await client.sessions({ discordId: info.key.discordId! });
    expect(byDiscord.map((s) => s.id)).toContain(first!.id);
  });

  it('sends a message of 100 emoji (100 characters, 200 UTF-16 units) as written', async () => {
    const client = f.luaprot();
    const [s] = await client.sessions({ hubId: hub() });
    const text = '\u{1F600}'.repeat(100);
    await expect(client.message(s!.id, text)).resolves.toBe('Successfully messaged session.');
    expect(f.sim.control.messagesSent('luaprot').at(-1)?.text).toBe(text);
  });

  it('message, disconnect, then the session can no longer be managed (not_found)', async () => {
    const client = f.luaprot();
    const [s] = await client.sessions({ hubId: hub() });
    await expect(client.message(s!.id, 'Hello from Pulsebar')).resolves.toBe('Successfully messaged session.');
    await expect(client.disconnect(s!.id)).resolves.toBe('Successfully disconnected session.');
    const error = await failure(client.message(s!.id, 'again'));
    expect(error.info).toMatchObject({
      kind: 'not_found',
      status: 400,
      message: 'You cannot manage this session.',
      request: 'POST /api/v1/sessions/message/{id}',
    });
    expect((await failure(client.disconnect(s!.id))).info.kind).toBe('not_found');
  });

  it('messageAll by hub and disconnectAll by key', async () => {
    const client = f.luaprot();
    await expect(client.messageAll({ hubId: hub() }, 'Restarting soon')).resolves.toBe('Successfully messaged sessions.');
    const key = f.sim.control.targets().luaprot.keys[0]!;
    // The key may have no live session: both outcomes are the provider's, and the second is a refusal.
    const outcome = await client.disconnectAll({ key }).catch((e: unknown) => e);
    if (typeof outcome === 'string') expect(outcome).toBe('Successfully disconnected sessions.');
    else expect(outcome).toMatchObject({ info: { kind: 'provider_refused', message: 'No active sessions found.' } });
    await expect(client.disconnectAll({ hubId: hub() })).resolves.toBe('Successfully disconnected sessions.');
  });

  it('"No active sessions found." → provider_refused', async () => {
    f.sim.control.setPopulation('luaprot', hub(), 0);
    const error = await failure(f.luaprot().messageAll({ hubId: hub() }, 'anyone?'));
    expect(error.info).toMatchObject({ kind: 'provider_refused', status: 400, message: 'No active sessions found.' });
    expect((await failure(f.luaprot().disconnectAll({ hubId: hub() }))).info.kind).toBe('provider_refused');
  });

  it('hubs(): names of hubs and their scripts', async () => {
    const hubs = await f.luaprot().hubs();
    expect(hubs.map((h) => h.id)).toEqual(f.sim.control.targets().luaprot.hubIds);
    for (const h of hubs) {
      expect(h.name).toBeTruthy();
      for (const s of h.scripts) expect(typeof s.name).toBe('string');
    }
  });

  it.each([
    ['a malformed id ("Invalid session.", 400)', '123', 400],
    ['an unknown 20-digit id (403 "Session not found…")', '99999999999999999999', 403],
    ['../../sessions/get, which stays on the info route', '../../sessions/get', 400],
  ])('sessionInfo of %s → not_found', async (_label, id, status) => {
    const error = await failure(f.luaprot().sessionInfo(id));
    expect(error.info).toMatchObject({ kind: 'not_found', status, request: 'GET /api/v1/sessions/{id}/info' });
    expect(f.sim.control.requestLog('luaprot').at(-1)!.path).toMatch(/\/info$/);
  });

  it('unknown key → not_found ("Key could not be found."), unknown hub → not_found (404)', async () => {
    expect((await failure(f.luaprot().sessions({ key: 'ffffffffffffffffffffffff' }))).info).toMatchObject({
      kind: 'not_found',
      message: 'Key could not be found.',
    });
    expect((await failure(f.luaprot().sessions({ hubId: '00000000000000000000' }))).info).toMatchObject({ kind: 'not_found', status: 404 });
  });

  it('wrong key → unauthorized', async () => {
    const error = await failure(f.luaprot({ apiKey: 'lp_wrong' }).hubs());
    expect(error.info).toMatchObject({ kind: 'unauthorized', status: 401, provider: 'luaprot' });
  });

  it('its own limiter (20 per 10 s) → rate_limited with Retry-After', async () => {
    const client = f.luaprot();
    for (let i = 0; i < 20; i++) await client.hubs();
    const error = await failure(client.hubs());
    expect(error.info).toMatchObject({ kind: 'rate_limited', status: 429 });
    expect(error.info.retryAfterMs).toBeGreaterThan(0);
    expect(error.info.retryAfterMs).toBeLessThanOrEqual(10_000);
  });

  describe('input refused before any request', () => {
    const cases: Array<[string, (c: ReturnType<typeof f.luaprot>) => Promise<unknown>, RegExp]> = [
      ['empty message', (c) => c.message('97963719390038484793', ''), /empty/],
      ['101 characters', (c) => c.message('97963719390038484793', 'x'.repeat(101)), /101 characters.*at most 100/],
      ['messageAll with 250 characters', (c) => c.messageAll({ hubId: '1' }, 'y'.repeat(250)), /250 characters/],
      ['a message of only spaces', (c) => c.message('97963719390038484793', '   '), /only spaces/],
      ['101 emoji (counted as characters, not UTF-16 units)', (c) => c.message('97963719390038484793', '\u{1F600}'.repeat(101)), /101 characters/],
      ['empty session id', (c) => c.sessionInfo(''), /empty/],
      ['empty disconnect id', (c) => c.disconnect(''), /empty/],
      ['scope without hubId or key', (c) => c.messageAll({} as { hubId: string }, 'hi'), /hubId, key/],
      ['disconnectAll without scope', (c) => c.disconnectAll({} as { key: string }), /hubId, key/],
      ['empty hubId', (c) => c.disconnectAll({ hubId: '' }), /hubId is empty/],
      ['two selectors', (c) => c.sessions({ hubId: '1', key: 'k' } as unknown as { hubId: string }), /only one/],
      ['no selector', (c) => c.sessions({} as { hubId: string }), /one of hubId, key, discordId/],
    ];
    it.each(cases)('%s', async (_label, act, message) => {
      const error = await failure(act(f.luaprot()));
      expect(error.info.kind).toBe('invalid_input');
      expect(error.info.message).toMatch(message);
      expect(f.sent('luaprot')).toBe(0);
    });
  });
});

describe('LuaProt IP whitelist', () => {
  const f = useSimulator({ luaprot: { ipAllowList: ['10.9.8.7'] } });

  it('a caller outside the allow-list → forbidden, with the provider message', async () => {
    const error = await failure(f.luaprot().sessions({ hubId: f.sim.control.targets().luaprot.hubIds[0]! }));
    expect(error.info).toMatchObject({ kind: 'forbidden', status: 403 });
    expect(error.info.message).toMatch(/whitelist/i);
  });
});
