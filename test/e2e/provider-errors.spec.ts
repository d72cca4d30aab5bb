import { DEMO_KEYS } from '../../src/main/simulator/config';
import type { Locator, Page } from '@playwright/test';
import { control, demoWorld, expect, fastPolling, nav, startDemo, test, type DemoWorld } from './fixtures';

test('502 from Junkie is explained in words and clears on recovery', async ({ app, request, expectErrors }) => {
  expectErrors(/^on screen: Junkie is unavailable \(HTTP 502\)\./);
  await startDemo(app);
  await fastPolling(app);
  const world = await demoWorld(app);
  const status = app.getByRole('listitem', { name: 'Demo Junkie status' });
  await control(request, world, 'fault', { provider: 'junkie', fault: { type: 'status', status: 502 } });
  await app.getByRole('button', { name: 'Refresh Demo Junkie now' }).click();
  await expect(status).toContainText('Junkie is unavailable (HTTP 502).', { timeout: 30_000 });
  await expect(status).toContainText('This is on the provider side; Pulsebar retries with back-off.');
  await control(request, world, 'clear', { provider: 'all' });
  await app.getByRole('button', { name: 'Refresh Demo Junkie now' }).click();
  await expect(status).toContainText('Live', { timeout: 45_000 });
  await expect(status).not.toContainText('unavailable');
});

test('429 from LuaAuth is explained in words and clears on recovery', async ({ app, request, expectErrors }) => {
  expectErrors(/^on screen: LuaAuth is rate limiting requests\./);
  await startDemo(app);
  await fastPolling(app);
  const world = await demoWorld(app);
  const status = app.getByRole('listitem', { name: 'Demo LuaAuth status' });
  await control(request, world, 'fault', { provider: 'luaauth', fault: { type: 'rate_limit_burst', retryAfterSeconds: 2 } });
  await app.getByRole('button', { name: 'Refresh Demo LuaAuth now' }).click();
  await expect(status).toContainText('LuaAuth is rate limiting requests.', { timeout: 30_000 });
  await expect(status).toContainText('Rate limited');
  // When it asks again, counted down from main's clock time (never a frozen "Retrying in 3 s"), and who chose it.
  await expect(status.getByLabel('Demo LuaAuth retry')).toContainText(/^Retrying (in \d+ s \(at .+\)|now)\. LuaAuth asked Pulsebar to wait until then\.$/);
  // The header says something is wrong without scrolling.
  await expect(app.getByRole('banner').getByRole('button', { name: '1 account needs attention' })).toBeVisible();
  await control(request, world, 'clear', { provider: 'all' });
  // Its Retry-After (2 s) is waited, not a back-off grown over the burst: it recovers on its own within seconds.
  await expect(status).toContainText('Live', { timeout: 15_000 });
  await expect(app.getByRole('banner').getByRole('button', { name: /need.* attention/ })).toHaveCount(0);
  await app.getByRole('button', { name: 'Refresh Demo LuaAuth now' }).click();
  await expect(status).toContainText('Live', { timeout: 45_000 });
  await expect(status).not.toContainText('rate limiting');
});

/** Accounts → Add account, filled in for "Shop LuaProt" on the demo's LuaProt with one of its hubs and `key`; not sent yet. */
async function fillShopLuaProt(app: Page, world: DemoWorld, key: string): Promise<Locator> {
  await nav(app, 'Accounts').click();
  await app.getByRole('button', { name: 'Add account' }).click();
  const form = app.getByRole('form', { name: 'Add an account' });
  await form.getByLabel('Provider').selectOption('luaprot');
  await form.getByLabel('Label').fill('Shop LuaProt');
  await form.getByLabel('Base URL (optional)').fill(`${world.origin}/luaprot`);
  await form.getByLabel('Hub ids').fill(world.accounts.luaprot.targets[0]!.id);
  await form.getByLabel('API key').fill(key);
  return form;
}

test('401 for a wrong key is explained, and replacing the key recovers', async ({ app, expectErrors }) => {
  expectErrors(/^on screen: (Added Shop LuaProt, but the connection test failed: )?LuaProt rejected the API key\./);
  await startDemo(app);
  const world = await demoWorld(app);
  const form = await fillShopLuaProt(app, world, 'not-the-right-key');
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(form.getByRole('alert')).toContainText('LuaProt rejected the API key.');
  // A rejected key is refused at the key field (nothing added) until the user says "Add anyway".
  await form.getByRole('button', { name: 'Add account' }).click();
  await expect(form.getByLabel('API key')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('API key')).toHaveAccessibleDescription(/^LuaProt rejected the API key\..*Check the key above/);
  await form.getByRole('button', { name: 'Add anyway' }).click();
  await expect(app.getByRole('alert').filter({ hasText: 'connection test failed' })).toBeVisible();

  await nav(app, 'Overview').click();
  const status = app.getByRole('listitem', { name: 'Shop LuaProt status' });
  await expect(status).toContainText('LuaProt rejected the API key.', { timeout: 30_000 });
  await expect(status).toContainText('Check the key in Accounts');

  await nav(app, 'Accounts').click();
  const item = app.getByRole('listitem', { name: 'Shop LuaProt' });
  await item.getByRole('button', { name: 'Edit Shop LuaProt' }).click();
  await item.getByLabel('Replace API key').fill(DEMO_KEYS.luaprot);
  await item.getByRole('button', { name: 'Save' }).click();
  await nav(app, 'Overview').click();
  await app.getByRole('button', { name: 'Refresh Shop LuaProt now' }).click();
  await expect(status).toContainText('Live', { timeout: 45_000 });
  await expect(status).not.toContainText('rejected');
});

test('an IP whitelist refusal says so, offers no new key, and the header marks it', async ({ app, request, expectErrors }) => {
  expectErrors(/^on screen: LuaProt refused access\./);
  await startDemo(app);
  const world = await demoWorld(app);
  // An account of the user's own (demo accounts never offer a key link), with the right key.
  const form = await fillShopLuaProt(app, world, DEMO_KEYS.luaprot);
  await form.getByRole('button', { name: 'Add account' }).click();
  await nav(app, 'Overview').click();
  const status = app.getByRole('listitem', { name: 'Shop LuaProt status' });
  await expect(status).toContainText('Live', { timeout: 30_000 });

  await control(request, world, 'stray', { provider: 'luaprot', modes: ['ip_not_whitelisted'] });
  await app.getByRole('button', { name: 'Refresh Shop LuaProt now' }).click();
  await expect(status).toContainText('Your IP address is not whitelisted', { timeout: 30_000 });
  await expect(status.locator('.state-word')).toHaveText('IP not whitelisted');
  await expect(status).not.toContainText('Key rejected');
  await expect(status.getByRole('button', { name: 'Replace the key in Accounts' })).toHaveCount(0);

  // The header's mark opens Overview's account list from anywhere.
  await nav(app, 'Alerts').click();
  const mark = app.getByRole('banner').getByRole('button', { name: /accounts? needs? attention/ });
  await expect(mark).toBeVisible();
  await mark.click();
  await expect(status).toBeInViewport();

  await control(request, world, 'stray', { provider: 'luaprot', modes: [] });
  await app.getByRole('button', { name: 'Refresh Shop LuaProt now' }).click();
  await expect(status).toContainText('Live', { timeout: 45_000 });
});
