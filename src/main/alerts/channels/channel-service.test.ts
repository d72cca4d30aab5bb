import { afterEach, describe, expect, it } from 'vitest';
import type { AlertEvent } from '../../../shared/alerts';
import { MemorySecretStore } from '../../secrets';
import type { ChannelConfig } from './channel-config';
import { ChannelService } from './channel-service';
import { startTestReceiver, type TestReceiver } from './channel-test-receiver';

const TOKEN = 'Zq81-very-secret-webhook-token';
let receiver: TestReceiver;
afterEach(async () => receiver?.close());

const spike: AlertEvent = {
  id: 'e1',
  ruleId: 'r1',
  kind: 'rise',
  scope: { type: 'total' },
  subject: 'All accounts',
  at: 0,
  value: 90,
  reference: 40,
  message: 'Users rose 125 % (+50) to 90 in 10 min',
  silenced: false,
};

async function setup() {
  receiver = await startTestReceiver();
  let stored: ChannelConfig[] = [];
  const saves: string[] = [];
  const secrets = new MemorySecretStore();
  let n = 0;
  const service = new ChannelService({
    channels: () => stored,
    save: async (next) => {
      stored = next;
      saves.push(JSON.stringify(next));
    },
    secrets,
    newId: () => `ch${++n}`,
    delivery: { sleep: async () => undefined },
  });
  return { service, secrets, saves, stored: () => stored };
}

describe('alert channels service', () => {
  it('keeps the URL in the keychain only; settings and views hold a masked form', async () => {
    const t = await setup();
    const url = `${receiver.url}/api/webhooks/1/${TOKEN}`;
    const view = await t.service.add({ kind: 'discord', label: 'Team Discord', url, kinds: ['rise', 'drop'] });
    expect(view).toMatchObject({ id: 'ch1', kind: 'discord', label: 'Team Discord', enabled: true, kinds: ['rise', 'drop'], respectQuietHours: true });
    expect(view.maskedUrl).toBe(`${receiver.url}/…oken`);
    expect(await t.secrets.get('channel:ch1')).toBe(url);
    expect(t.saves.join('\n')).not.toContain(TOKEN);
    expect(JSON.stringify(await t.service.list())).not.toContain(TOKEN);
  });

  it('refuses a bad URL by naming what is wrong, and stores nothing', async () => {
    const t = await setup();
    await expect(t.service.add({ kind: 'webhook', label: 'W', url: 'http://example.com/hook' })).rejects.toThrow(/url: Only https/);
    await expect(t.service.add({ kind: 'webhook', label: '', url: 'https://example.com/hook' })).rejects.toThrow(/label/);
    expect(t.stored()).toEqual([]);
    expect(await t.secrets.get('channel:ch1')).toBeNull();
  });

  it('sends a test to one channel and reports each result; a dead one in words', async () => {
    const t = await setup();
    const good = await t.service.add({ kind: 'webhook', label: 'Good', url: `${receiver.url}/ok` });
    await t.service.add({ kind: 'discord', label: 'Gone', url: `${receiver.url}/api/webhooks/2/${TOKEN}` });
    receiver.script({ status: 204 }, { status: 404, headers: { 'content-type': 'application/json' }, body: '{"message":"Unknown Webhook","code":10015}' });
    const results = await t.service.testAll();
    expect(results.map((r) => [r.channel.label, r.result.ok])).toEqual([
      ['Good', true],
      ['Gone', false],
    ]);
    expect(results[1]!.result.error).toBe('Gone (Discord webhook): HTTP 404 "Unknown Webhook"; the webhook or topic no longer exists; create it again and paste the new URL.');
    expect(JSON.parse(receiver.received[0]!.body)).toMatchObject({ test: true, alerts: [{ subject: 'Pulsebar test alert' }] });
    const [first] = await t.service.list();
    expect(first!.id).toBe(good.id);
    expect(first!.status.state).toBe('ok');
  });

  it('routes a cycle’s alerts in the background; edits apply at once; removal forgets the URL', async () => {
    const t = await setup();
    const ch = await t.service.add({ kind: 'ntfy', label: 'Phone', url: `${receiver.url}/topic` });
    t.service.deliver([spike], { paused: false, quiet: false });
    await t.service.idle();
    expect(receiver.received.map((r) => r.body)).toEqual([spike.message]);

    await t.service.update({ id: ch.id, kinds: ['drop'] });
    t.service.deliver([spike], { paused: false, quiet: false });
    await t.service.idle();
    expect(receiver.received).toHaveLength(1);

    await t.service.update({ id: ch.id, url: `${receiver.url}/other-topic`, kinds: ['rise'] });
    t.service.deliver([spike], { paused: false, quiet: false });
    await t.service.idle();
    expect(receiver.received.map((r) => r.path)).toEqual(['/topic', '/other-topic']);

    await t.service.remove(ch.id);
    expect(await t.secrets.get(`channel:${ch.id}`)).toBeNull();
    expect(t.stored()).toEqual([]);
    await expect(t.service.test(ch.id)).rejects.toThrow(/no alert channel/);
  });

  it('says so when a channel lost its URL (keychain cleared) instead of failing silently', async () => {
    const t = await setup();
    const ch = await t.service.add({ kind: 'webhook', label: 'W', url: `${receiver.url}/w` });
    await t.secrets.delete(`channel:${ch.id}`);
    const fresh = new ChannelService({ channels: () => t.stored(), save: async () => undefined, secrets: t.secrets });
    expect((await fresh.list())[0]!.maskedUrl).toBeNull();
    expect(await fresh.test(ch.id)).toMatchObject({ ok: false, error: expect.stringMatching(/no URL is stored for it; edit the channel and paste the URL again/) });
  });

  it('with fixed channels (the CLI’s environment), uses them and refuses edits', async () => {
    receiver = await startTestReceiver();
    const service = new ChannelService({
      channels: () => [],
      save: async () => undefined,
      secrets: new MemorySecretStore(),
      fixed: [{ config: { id: 'env-webhook', kind: 'webhook', label: 'PULSEBAR_WEBHOOK_URL', enabled: true, kinds: ['rise'], scopeTypes: ['total'], accountIds: [], respectQuietHours: true }, url: `${receiver.url}/env` }],
    });
    service.deliver([spike], { paused: false, quiet: false });
    await service.idle();
    expect(receiver.received.map((r) => r.path)).toEqual(['/env']);
    await expect(service.add({ kind: 'webhook', label: 'x', url: `${receiver.url}/x` })).rejects.toThrow(/environment variables/);
  });
});
