import { afterEach, describe, expect, it } from 'vitest';
import type { AlertEvent } from '../../../shared/alerts';
import { createChannelDelivery, type ChannelEndpoint, type ChannelStatus } from './channel-delivery';
import { DISCORD_COLOURS, WEBHOOK_PAYLOAD_VERSION, testEvent } from './channel-payloads';
import { startTestReceiver, type TestReceiver } from './channel-test-receiver';

const AT = Date.UTC(2026, 11, 2, 3, 0, 0);
const TOKEN = 'sEcReT-t0ken-9f8e7d6c5b4a';

const spike: AlertEvent = {
  id: 'e1',
  ruleId: 'r1',
  kind: 'rise',
  scope: { type: 'target', accountId: 'a1', targetId: 't1' },
  provider: 'luaprot',
  subject: 'Phantom Hub V2 (LuaProt main)',
  at: AT,
  value: 82,
  reference: 50,
  message: 'Users rose 64 % (+32) to 82 in 10 min',
  silenced: false,
};
const drop: AlertEvent = { ...spike, id: 'e2', kind: 'drop', value: 3, reference: 40, subject: 'Münzen Farm — 🚀', message: 'Users fell 93 % to 3' };

let receiver: TestReceiver;
afterEach(async () => receiver?.close());

function setup(extra: Parameters<typeof createChannelDelivery>[0] = {}) {
  const waits: number[] = [];
  const statuses: Array<[string, ChannelStatus]> = [];
  const delivery = createChannelDelivery({
    now: () => AT,
    sleep: async (ms) => void waits.push(ms),
    onStatus: (id, s) => void statuses.push([id, s]),
    ...extra,
  });
  return { delivery, waits, statuses };
}

const endpoint = (kind: ChannelEndpoint['kind'], path = `/api/webhooks/123/${TOKEN}`): ChannelEndpoint => ({
  id: `c-${kind}`,
  label: `My ${kind}`,
  kind,
  url: `${receiver.url}${path}`,
});

describe('Discord channel', () => {
  it('posts one embed per alert: title, description, colour by kind, scope/count/change fields, timestamp; no pings', async () => {
    receiver = await startTestReceiver();
    const { delivery } = setup();
    const result = await delivery.send(endpoint('discord'), { events: [spike, drop] });
    expect(result).toMatchObject({ ok: true, attempts: 1, status: 204 });
    expect(receiver.received).toHaveLength(1);
    const got = receiver.received[0]!;
    expect(got.method).toBe('POST');
    expect(got.headers['content-type']).toBe('application/json');
    const body = JSON.parse(got.body) as { username: string; embeds: Array<Record<string, unknown>>; allowed_mentions: { parse: unknown[] } };
    expect(body.username).toBe('Pulsebar');
    expect(body.allowed_mentions.parse).toEqual([]);
    expect(body.embeds).toHaveLength(2);
    expect(body.embeds[0]).toMatchObject({
      title: 'Users rising: Phantom Hub V2 (LuaProt main)',
      description: 'Users rose 64 % (+32) to 82 in 10 min',
      color: DISCORD_COLOURS.rise,
      timestamp: '2026-12-02T03:00:00.000Z',
      fields: [
        { name: 'Scope', value: 'Script / hub · LuaProt' },
        { name: 'Users now', value: '82' },
        { name: 'Change', value: '+32 (+64 %) from 50' },
      ],
    });
    expect(body.embeds[1]).toMatchObject({ color: DISCORD_COLOURS.drop, fields: [{}, { value: '3' }, { value: '−37 (−93 %) from 40' }] });
  });

  it('waits out a 429 for the retry_after Discord gives (seconds), then delivers', async () => {
    receiver = await startTestReceiver();
    receiver.script({ status: 429, headers: { 'content-type': 'application/json', 'retry-after': '9' }, body: JSON.stringify({ message: 'You are being rate limited.', retry_after: 1.5, global: false }) });
    const { delivery, waits, statuses } = setup();
    const result = await delivery.send(endpoint('discord'), { events: [spike] });
    expect(result).toMatchObject({ ok: true, attempts: 2 });
    expect(waits).toEqual([1_500]);
    expect(receiver.received).toHaveLength(2);
    expect(statuses.map(([, s]) => s.state)).toContain('retrying');
    expect(delivery.status('c-discord')).toMatchObject({ state: 'ok', lastError: null, lastDeliveredAt: AT });
  });

  it('reports a 404 with Discord’s own words and does not retry it; the URL never appears', async () => {
    receiver = await startTestReceiver();
    receiver.script({ status: 404, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: 'Unknown Webhook', code: 10015 }) });
    const { delivery, waits, statuses } = setup();
    const result = await delivery.send(endpoint('discord'), { events: [spike] });
    expect(result.ok).toBe(false);
    expect(result.attempts).toBe(1);
    expect(result.status).toBe(404);
    expect(result.error).toMatch(/My discord \(Discord webhook\): HTTP 404 "Unknown Webhook"; the webhook or topic no longer exists/);
    expect(waits).toEqual([]);
    expect(delivery.status('c-discord')).toMatchObject({ state: 'failing', lastError: result.error });
    expect(JSON.stringify([result, statuses])).not.toContain(TOKEN);
    expect(JSON.stringify([result, statuses])).not.toContain(receiver.url);
  });
});

describe('JSON webhook channel', () => {
  it('posts the versioned payload with every alert field', async () => {
    receiver = await startTestReceiver();
    const { delivery } = setup();
    expect((await delivery.send(endpoint('webhook', '/hook'), { events: [spike] })).ok).toBe(true);
    const body = JSON.parse(receiver.received[0]!.body);
    expect(body).toEqual({
      type: 'pulsebar.alerts',
      version: WEBHOOK_PAYLOAD_VERSION,
      test: false,
      sentAt: '2026-12-02T03:00:00.000Z',
      alerts: [
        {
          id: 'e1',
          ruleId: 'r1',
          kind: 'rise',
          scope: { type: 'target', accountId: 'a1', targetId: 't1' },
          provider: 'luaprot',
          subject: 'Phantom Hub V2 (LuaProt main)',
          at: '2026-12-02T03:00:00.000Z',
          value: 82,
          reference: 50,
          change: 32,
          message: 'Users rose 64 % (+32) to 82 in 10 min',
        },
      ],
    });
  });

  it('retries a 502 with growing back-off, honours a Retry-After header, and gives up after 4 attempts in words', async () => {
    receiver = await startTestReceiver();
    receiver.script({ status: 502, body: '<html>bad gateway</html>' }, { status: 503, headers: { 'retry-after': '7' } }, { status: 500, body: 'oops' }, { status: 502 });
    const { delivery, waits } = setup();
    const result = await delivery.send(endpoint('webhook', '/hook'), { events: [spike] });
    expect(result).toMatchObject({ ok: false, attempts: 4, status: 502 });
    expect(result.error).toMatch(/My webhook \(JSON webhook\): HTTP 502, the receiver failed/);
    expect(waits).toEqual([2_000, 4_000, 8_000]);
    expect(receiver.received).toHaveLength(4);
  });

  it('fails in words when nothing answers in time, and when nothing listens', async () => {
    receiver = await startTestReceiver();
    receiver.script({ status: 204, delayMs: 2_000 });
    const { delivery } = setup({ timeoutMs: 200, maxAttempts: 1 });
    expect(await delivery.send(endpoint('webhook', '/slow'), { events: [spike] })).toMatchObject({ ok: false, error: 'My webhook (JSON webhook): no answer within 200 ms' });
    const closed = { id: 'x', label: 'Gone', kind: 'webhook' as const, url: 'http://127.0.0.1:9/hook' };
    expect((await delivery.send(closed, { events: [spike] })).error).toMatch(/^Gone \(JSON webhook\): could not connect/);
  });

  it('refuses to follow a redirect', async () => {
    receiver = await startTestReceiver();
    receiver.script({ status: 302, headers: { location: 'http://127.0.0.1:1/elsewhere' } });
    const { delivery } = setup();
    const result = await delivery.send(endpoint('webhook', '/hook'), { events: [spike] });
    expect(result).toMatchObject({ ok: false, attempts: 1, status: 302 });
    expect(result.error).not.toContain('elsewhere');
    expect(receiver.received).toHaveLength(1);
  });
});

describe('ntfy channel', () => {
  it('sends a text body with Title, Priority and Tags headers; non-ASCII titles RFC 2047 encoded', async () => {
    receiver = await startTestReceiver();
    const { delivery } = setup();
    await delivery.send(endpoint('ntfy', '/my-topic'), { events: [spike] });
    await delivery.send(endpoint('ntfy', '/my-topic'), { events: [drop] });
    await delivery.send(endpoint('ntfy', '/my-topic'), { events: [spike, drop] });
    const [one, two, both] = receiver.received;
    expect(one!.path).toBe('/my-topic');
    expect(one!.body).toBe('Users rose 64 % (+32) to 82 in 10 min');
    expect(one!.headers).toMatchObject({ title: 'Users rising: Phantom Hub V2 (LuaProt main)', priority: '3', tags: 'chart_with_upwards_trend' });
    const encoded = two!.headers['title'] as string;
    expect(encoded).toMatch(/^=\?UTF-8\?B\?.+\?=$/);
    expect(Buffer.from(encoded.slice(10, -2), 'base64').toString('utf8')).toBe('Users dropping: Münzen Farm — 🚀');
    expect(two!.headers['priority']).toBe('4');
    expect(both!.headers).toMatchObject({ title: '2 Pulsebar alerts', priority: '4', tags: 'chart_with_upwards_trend,chart_with_downwards_trend' });
    expect(both!.body).toBe('Phantom Hub V2 (LuaProt main): Users rose 64 % (+32) to 82 in 10 min\nMünzen Farm — 🚀: Users fell 93 % to 3');
  });
});

describe('delivery queue', () => {
  it('enqueue returns before a slow receiver answers; messages arrive in order; idle() waits for them', async () => {
    receiver = await startTestReceiver();
    receiver.script({ status: 204, delayMs: 300 });
    const { delivery } = setup();
    let returned = false;
    delivery.enqueue(endpoint('webhook', '/1'), { events: [spike] });
    delivery.enqueue(endpoint('webhook', '/2'), { events: [drop] });
    returned = true;
    expect(returned).toBe(true);
    expect(receiver.received.length).toBe(0);
    expect(delivery.status('c-webhook').queued).toBeGreaterThan(0);
    await delivery.idle();
    expect(receiver.received.map((r) => r.path)).toEqual(['/1', '/2']);
    expect(delivery.status('c-webhook')).toMatchObject({ state: 'ok', queued: 0 });
  });

  it('a test message says it is a test', async () => {
    receiver = await startTestReceiver();
    const { delivery } = setup();
    await delivery.send(endpoint('discord'), { events: [testEvent(AT)], test: true });
    await delivery.send(endpoint('webhook', '/w'), { events: [testEvent(AT)], test: true });
    expect(JSON.parse(receiver.received[0]!.body).embeds[0].title).toMatch(/^\[Test\] /);
    expect(JSON.parse(receiver.received[1]!.body).test).toBe(true);
  });

  it('does not send after close()', async () => {
    receiver = await startTestReceiver();
    const { delivery } = setup();
    delivery.close();
    expect(await delivery.send(endpoint('webhook', '/w'), { events: [spike] })).toMatchObject({ ok: false, attempts: 0 });
    delivery.enqueue(endpoint('webhook', '/w'), { events: [spike] });
    await delivery.idle();
    expect(receiver.received).toHaveLength(0);
  });
});
