/**
 * Alert channels in the window, against receivers this spec starts on 127.0.0.1 (plain http is
 * accepted on loopback only): add, Send test delivered, a Discord-style 404 shown in words, a refused
 * URL shown at its field, remove; the URL never reaches the DOM or the settings file after saving.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expectAccessibleInBothThemes } from './accessibility';
import { expect, ipc, nav, SCREENSHOTS, startDemo, test } from './fixtures';

interface Receiver {
  origin: string;
  received: Array<{ path: string; body: string }>;
  close(): Promise<void>;
}

/** /ok-… answers 204 (delivered); /gone-… answers Discord's 404 for a deleted webhook. */
async function startReceiver(): Promise<Receiver> {
  const received: Receiver['received'] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ path: req.url ?? '', body });
      if (req.url?.startsWith('/gone')) {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Unknown Webhook', code: 10015 }));
      } else res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, received, close: () => new Promise((r) => server.close(() => r())) };
}

/** Scrolls the view (not the page: the header and nav stay) so the heading is at its top. */
const showAtTop = (page: import('@playwright/test').Page, heading: string) =>
  page.getByRole('heading', { name: heading }).evaluate((el) => {
    window.scrollTo(0, 0);
    for (let box = el.parentElement; box; box = box.parentElement) {
      if (box.scrollHeight > box.clientHeight && getComputedStyle(box).overflowY !== 'visible') {
        box.scrollTop += el.getBoundingClientRect().top - box.getBoundingClientRect().top - 8;
        return;
      }
    }
  });

/** Every text field's current value: the URL must not sit in one after saving either. */
const fieldValues = (page: import('@playwright/test').Page) =>
  page.locator('input, textarea').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));

test('channels: add, Send test delivered, a 404 in words, refusals at the field, remove; the URL never shown again', async ({ app, hooks, expectErrors }) => {
  hooks.require();
  expectErrors(/Only https URLs are accepted/, /HTTP 404 "Unknown Webhook"/);
  const receiver = await startReceiver();
  try {
    await startDemo(app);
    await nav(app, 'Alerts').click();
    const form = app.getByRole('form', { name: 'Add a channel' });
    await form.scrollIntoViewIfNeeded();

    // A URL main refuses: the reason sits at the URL field, and goes away once the URL is edited.
    await form.getByLabel('Kind').selectOption({ label: 'JSON webhook' });
    await form.getByLabel('Name').fill('Relay');
    await form.getByLabel('URL').fill('http://example.com/hook');
    await form.getByRole('button', { name: 'Add channel' }).click();
    const urlField = form.getByLabel('URL');
    await expect(urlField).toHaveAttribute('aria-invalid', 'true');
    await expect(urlField).toHaveAccessibleDescription(/Only https URLs are accepted/);
    const okUrl = `${receiver.origin}/ok-secret-token-4242`;
    await urlField.fill(okUrl);
    await expect(form.getByText(/^Only https URLs are accepted/)).toHaveCount(0);
    await form.getByRole('button', { name: 'Add channel' }).click();

    const relay = app.getByRole('listitem', { name: 'Channel Relay' });
    await expect(relay).toBeVisible();
    await expect(relay.getByLabel('Relay URL (masked)')).toHaveText(/^http:\/\/127\.0\.0\.1:\d+\/…4242$/);
    await expect(urlField).toHaveValue('');
    await relay.getByRole('button', { name: 'Send test' }).click();
    await expect(relay.getByRole('status', { name: 'Relay test result' })).toHaveText('Test delivered.');
    await expect(relay.getByRole('status', { name: 'Relay state' })).toHaveText(/^Delivered (just now|\d+ s ago)\.$/);
    expect(receiver.received.filter((r) => r.path === '/ok-secret-token-4242')).toHaveLength(1);

    // A Discord webhook that was deleted: its 404 and Discord's own words, in the test result and the state.
    const goneUrl = `${receiver.origin}/gone-secret-token-9999`;
    await form.getByLabel('Kind').selectOption({ label: 'Discord webhook' });
    await expect(form.getByText(/Server Settings → Integrations → Webhooks/)).toBeVisible();
    await form.getByLabel('Name').fill('Community');
    await form.getByLabel('URL').fill(goneUrl);
    await form.getByRole('button', { name: 'Add channel' }).click();
    const community = app.getByRole('listitem', { name: 'Channel Community' });
    await community.getByRole('button', { name: 'Send test' }).click();
    await expect(community.getByRole('status', { name: 'Community test result' })).toHaveText(
      /^Test failed: Community \(Discord webhook\): HTTP 404 "Unknown Webhook"/,
    );
    await expect(community.getByRole('status', { name: 'Community state' })).toHaveText(/^Failing: .*HTTP 404 "Unknown Webhook"/);

    // Choices are saved as they are made.
    await community.getByRole('checkbox', { name: 'Drops' }).uncheck();
    await community.getByRole('checkbox', { name: /^Keep quiet hours/ }).uncheck();
    await expect.poll(async () => (await ipc(app, 'channels:list')).find((c) => c.label === 'Community')).toMatchObject({
      kinds: ['rise', 'threshold', 'all_time_high'],
      respectQuietHours: false,
    });

    // The URLs: never in the page, its fields, IPC answers or the settings file.
    for (const secret of ['ok-secret-token-4242', 'gone-secret-token-9999']) {
      expect(await app.content()).not.toContain(secret);
      expect((await fieldValues(app)).join('\n')).not.toContain(secret);
      expect(JSON.stringify(await ipc(app, 'channels:list'))).not.toContain(secret);
    }
    const { configDir } = await hooks.info();
    for (const file of await readdir(configDir)) {
      if (!file.endsWith('.json')) continue;
      const text = await readFile(join(configDir, file), 'utf8');
      expect(text, file).not.toContain('secret-token');
    }

    await expectAccessibleInBothThemes(app, 'Alerts, channels (panel)');
    await showAtTop(app, 'Channels');
    await app.screenshot({ path: `${SCREENSHOTS}/channels.png` });
    await app.setViewportSize({ width: 1200, height: 800 });
    await expectAccessibleInBothThemes(app, 'Alerts, channels (wide)');
    await showAtTop(app, 'Channels');
    await app.screenshot({ path: `${SCREENSHOTS}/channels-wide.png` });

    // Remove, after a confirmation that names the channel.
    await relay.getByRole('button', { name: 'Remove' }).click();
    const confirm = app.getByRole('alertdialog', { name: 'Remove Relay?' });
    await confirm.getByRole('button', { name: 'Remove channel' }).click();
    await expect(relay).toHaveCount(0);
    expect((await ipc(app, 'channels:list')).map((c) => c.label)).toEqual(['Community']);
  } finally {
    await receiver.close();
  }
});
