import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestReceiver, type TestReceiver } from '../main/alerts/channels/channel-test-receiver';
import { MemorySecretStore } from '../main/secrets';
import { startSimulator } from '../main/simulator';
import type { CliIo } from './commands';
import { main } from './index';

const TOKEN = 'cli-SeCrEt-webhook-token-abcdef';
let receiver: TestReceiver;
let dir: string;
beforeEach(async () => {
  receiver = await startTestReceiver();
  dir = await mkdtemp(path.join(tmpdir(), 'pulsebar-cli-channels-'));
});
afterEach(async () => {
  await receiver.close();
  await rm(dir, { recursive: true, force: true });
});

function capture(interrupted: Promise<void> = new Promise(() => undefined)) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), now: () => Date.now(), sleep: async () => undefined, interrupted };
  return { io, out, err };
}

describe('pulsebar channels test', () => {
  it('sends one test alert to each channel from the environment and exits 0 when all arrived', async () => {
    const c = capture();
    const env = { PULSEBAR_DISCORD_WEBHOOK: `${receiver.url}/api/webhooks/1/${TOKEN}`, PULSEBAR_NTFY_URL: `${receiver.url}/alerts`, PULSEBAR_CONFIG_DIR: dir };
    expect(await main(['channels', 'test'], { env, io: c.io, secrets: new MemorySecretStore() })).toBe(0);
    expect(c.out).toEqual(['delivered  PULSEBAR_DISCORD_WEBHOOK (Discord webhook)', 'delivered  PULSEBAR_NTFY_URL (ntfy)']);
    expect(receiver.received.map((r) => r.path).sort()).toEqual([`/alerts`, `/api/webhooks/1/${TOKEN}`].sort());
    const ntfy = receiver.received.find((r) => r.path === '/alerts')!;
    expect(ntfy.headers['title']).toBe('Pulsebar test alert');
  });

  it('exits 1 naming the channel, the HTTP status and Discord’s words; --json has each result; the URL is never printed', async () => {
    receiver.script({ status: 404, headers: { 'content-type': 'application/json' }, body: '{"message": "Unknown Webhook", "code": 10015}' });
    const c = capture();
    const env = { PULSEBAR_DISCORD_WEBHOOK: `${receiver.url}/api/webhooks/1/${TOKEN}`, PULSEBAR_CONFIG_DIR: dir };
    expect(await main(['channels', 'test', '--json'], { env, io: c.io, secrets: new MemorySecretStore() })).toBe(1);
    const json = JSON.parse(c.out.join('\n')) as { results: Array<Record<string, unknown>> };
    expect(json.results).toEqual([
      {
        id: 'env-discord',
        label: 'PULSEBAR_DISCORD_WEBHOOK',
        kind: 'discord',
        ok: false,
        attempts: 1,
        status: 404,
        error: 'PULSEBAR_DISCORD_WEBHOOK (Discord webhook): HTTP 404 "Unknown Webhook"; the webhook or topic no longer exists; create it again and paste the new URL.',
      },
    ]);
    expect([...c.out, ...c.err].join('\n')).not.toContain(TOKEN);
  });

  it('uses the app’s channels (URL from the keychain) when the environment names none', async () => {
    const secrets = new MemorySecretStore([['channel:c1', `${receiver.url}/hook`]]);
    await writeFile(path.join(dir, 'settings.json'), JSON.stringify({ version: 2, channels: [{ id: 'c1', kind: 'webhook', label: 'Ops hook' }, { id: 'c2', kind: 'ntfy', label: 'Lost' }] }));
    const c = capture();
    expect(await main(['channels', 'test'], { env: { PULSEBAR_CONFIG_DIR: dir }, io: c.io, secrets })).toBe(0);
    expect(c.out).toEqual(['delivered  Ops hook (JSON webhook)']);
    expect(c.err.join('\n')).toMatch(/alert channel "Lost" has no URL in the keychain/);
    expect(JSON.parse(receiver.received[0]!.body)).toMatchObject({ type: 'pulsebar.alerts', version: 1, test: true });
  });

  it('refuses bad usage and bad URLs with exit 2, naming the variable but not its value', async () => {
    const c = capture();
    expect(await main(['channels'], { env: {}, io: c.io })).toBe(2);
    expect(c.err[0]).toMatch(/channels needs a subcommand/);
    const d = capture();
    expect(await main(['channels', 'test'], { env: { PULSEBAR_WEBHOOK_URL: `http://example.com/${TOKEN}` }, io: d.io })).toBe(2);
    expect(d.err[0]).toMatch(/PULSEBAR_WEBHOOK_URL: Only https URLs are accepted/);
    expect(d.err.join('\n')).not.toContain(TOKEN);
    const e = capture();
    expect(await main(['channels', 'test'], { env: { PULSEBAR_CONFIG_DIR: dir }, io: e.io, secrets: new MemorySecretStore() })).toBe(2);
    expect(e.err[0]).toMatch(/No alert channels are configured/);
  });
});

describe('pulsebar watch with channels', () => {
  it('delivers the spike alert to the channels from the environment too', async () => {
    const sim = await startSimulator({ seed: 21, junkie: { scripts: 1 }, baseSessions: 40 });
    try {
      let interrupt: () => void = () => undefined;
      const interrupted = new Promise<void>((resolve) => {
        interrupt = resolve;
        setTimeout(resolve, 25_000);
      });
      const script = sim.control.targets().junkie.scriptIds[0]!;
      const c = capture(interrupted);
      const out = c.io.out;
      c.io.out = (t) => {
        out(t);
        if (c.out.length === 1) sim.control.setPopulation('junkie', script, 400);
      };
      const env = {
        PULSEBAR_JUNKIE_KEY: sim.keys.junkie,
        PULSEBAR_JUNKIE_URL: sim.urls.junkie,
        PULSEBAR_WEBHOOK_URL: `${receiver.url}/hook`,
        PULSEBAR_CONFIG_DIR: dir,
      };
      const watching = main(['watch', '--interval', '5'], { env, io: c.io });
      for (let i = 0; i < 250 && receiver.received.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
      interrupt();
      expect(await watching).toBe(0);
      expect(c.err[0]).toMatch(/alerts also to PULSEBAR_WEBHOOK_URL/);
      const body = JSON.parse(receiver.received[0]!.body) as { test: boolean; alerts: Array<{ kind: string; value: number }> };
      expect(body.test).toBe(false);
      expect(body.alerts.some((a) => a.kind === 'rise' && a.value >= 300)).toBe(true);
    } finally {
      await sim.close();
    }
  }, 35_000);
});
