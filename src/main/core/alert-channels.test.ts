import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelView } from '../../shared/alert-channels';
import { startTestReceiver, type TestReceiver } from '../alerts/channels/channel-test-receiver';
import { fixedOffsetLocalMinutes } from '../monitor/quiet-hours';
import { seededRandom } from '../monitor/seeded-random';
import { startTestCore, useCleanups, value } from './core-test-support';

/*
 * Alert channels through the core, as the window drives them: added over IPC, a scripted spike
 * against the simulator reaches a loopback receiver standing in for Discord, and the channel URL
 * (a secret) never shows up in settings, IPC answers or pushed events.
 */

const cleanup = useCleanups();
let receiver: TestReceiver;
afterEach(async () => receiver?.close());

const TOKEN = 'dIsCoRdWeBhOoKtOkEn-1234567890';

async function setup() {
  receiver = await startTestReceiver();
  const t = await startTestCore({
    cleanup,
    dirPrefix: 'pulsebar-channels-',
    now: Date.UTC(2026, 0, 5, 12, 0, 0),
    sim: { seed: 11, junkie: { scripts: 1 }, baseSessions: 60, events: [{ atMs: 20 * 60_000, provider: 'junkie', factor: 3 }] },
    random: seededRandom(5),
    localMinutes: fixedOffsetLocalMinutes(0),
    channelDelivery: { sleep: async () => undefined },
  });
  const events: Array<[string, unknown]> = [];
  t.core.subscribe((event, payload) => events.push([event, payload]));
  value(await t.call('accounts:add', { label: 'Junkie main', provider: 'junkie', baseUrl: t.sim.urls.junkie, key: t.sim.keys.junkie, targets: [] }));
  return { ...t, events };
}

describe('alert channels through the core', () => {
  it('deliver a scripted spike to Discord, a JSON webhook and ntfy, each in its own form; the URL stays in the keychain only', async () => {
    const t = await setup();
    const url = `${receiver.url}/api/webhooks/42/${TOKEN}`;
    const added = value<ChannelView>(await t.call('channels:add', { kind: 'discord', label: 'Team Discord', url }));
    expect(added.maskedUrl).not.toContain(TOKEN);
    expect(await t.secrets.get(`channel:${added.id}`)).toBe(url);

    value(await t.call('channels:add', { kind: 'webhook', label: 'Ops hook', url: `${receiver.url}/hook` }));
    value(await t.call('channels:add', { kind: 'ntfy', label: 'Phone', url: `${receiver.url}/pulsebar-alerts` }));

    await t.run(30 * 60_000);
    await new Promise((r) => setTimeout(r, 300));
    // Each channel got the spike once, in its own form.
    const byPath = (p: string) => receiver.received.filter((r) => r.path === p);
    const hook = byPath('/hook');
    expect(hook).toHaveLength(1);
    expect(JSON.parse(hook[0]!.body)).toMatchObject({ type: 'pulsebar.alerts', version: 1, test: false, alerts: [{ kind: 'rise', scope: { type: 'account' } }] });
    const ntfy = byPath('/pulsebar-alerts');
    expect(ntfy).toHaveLength(1);
    expect(ntfy[0]!.headers).toMatchObject({ tags: 'chart_with_upwards_trend', priority: '3' });
    expect(ntfy[0]!.body).toMatch(/rose/);
    const posts = byPath(`/api/webhooks/42/${TOKEN}`).map((r) => JSON.parse(r.body) as { embeds: Array<{ title: string; fields: Array<{ name: string; value: string }> }> });
    expect(posts).toHaveLength(1);
    expect(posts[0]!.embeds[0]!.title).toMatch(/^Users rising: /);
    expect(posts[0]!.embeds[0]!.fields.map((f) => f.name)).toEqual(['Scope', 'Users now', 'Change']);
    const views = value<ChannelView[]>(await t.call('channels:list'));
    expect(views.map((v) => v.status.state)).toEqual(['ok', 'ok', 'ok']);

    const files = await readdir(t.configDir);
    for (const f of files.filter((f) => f.endsWith('.json'))) expect(await readFile(path.join(t.configDir, f), 'utf8')).not.toContain(TOKEN);
    expect(JSON.stringify(t.responses)).not.toContain(TOKEN);
    expect(JSON.stringify(t.events)).not.toContain(TOKEN);
  });

  it('send a test on request and report a dead webhook in Discord’s words; bad input refused with the field named', async () => {
    const t = await setup();
    const added = value<ChannelView>(await t.call('channels:add', { kind: 'discord', label: 'Old', url: `${receiver.url}/api/webhooks/7/${TOKEN}` }));
    receiver.script({ status: 404, headers: { 'content-type': 'application/json' }, body: '{"message": "Unknown Webhook", "code": 10015}' });
    const result = value<{ ok: boolean; error?: string }>(await t.call('channels:test', { id: added.id }));
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/^Old \(Discord webhook\): HTTP 404 "Unknown Webhook"/) });
    expect(t.events.some(([e, p]) => e === 'channels:status' && (p as { status: { state: string } }).status.state === 'failing')).toBe(true);

    expect(await t.call('channels:add', { kind: 'webhook', label: 'W', url: 'http://example.com/hook' })).toMatchObject({
      ok: false,
      error: { kind: 'invalid_request', message: expect.stringMatching(/^url: Only https/) },
    });
    expect(await t.call('channels:add', { kind: 'pigeon', label: 'W', url: 'https://example.com/hook' })).toMatchObject({
      ok: false,
      error: { kind: 'invalid_request', message: expect.stringMatching(/kind must be one of discord, webhook, ntfy/) },
    });
    expect(await t.call('channels:test', { id: 'nope' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/no alert channel/) } });

    await t.call('channels:remove', { id: added.id });
    expect(await t.secrets.get(`channel:${added.id}`)).toBeNull();
    expect(value<unknown[]>(await t.call('channels:list'))).toEqual([]);
  });

  it('send nothing while alerts are paused', async () => {
    const t = await setup();
    value(await t.call('channels:add', { kind: 'ntfy', label: 'Phone', url: `${receiver.url}/topic` }));
    value(await t.call('alerts:pause', { minutes: 120 }));
    await t.run(30 * 60_000);
    await new Promise((r) => setTimeout(r, 100));
    expect(receiver.received).toEqual([]);
  });
});
