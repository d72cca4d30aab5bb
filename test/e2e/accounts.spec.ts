import { DEMO_KEYS } from '../../src/main/simulator/config';
import { demoWorld, expect, ipc, nav, recordPushEvents, startDemo, test } from './fixtures';

/** The keychain the bridge writes to (a private gnome-keyring under scripts/with-keyring.sh). */
async function keychainGet(service: string, accountId: string): Promise<string | null> {
  const keytar = ((await import('keytar')) as unknown as { default: { getPassword(s: string, a: string): Promise<string | null> } }).default;
  return keytar.getPassword(service, accountId);
}

test('adding an account: the key reaches the keychain and never the page', async ({ app, hooks }) => {
  hooks.require();
  const info = await hooks.info();
  expect(info.secrets, 'the bridge must use the real keychain under with-keyring.sh').toBe('keychain');
  await startDemo(app);
  const world = await demoWorld(app);
  const key = DEMO_KEYS.junkie;

  // Everything main says to the page from here on is kept and searched for the key.
  const bodies: string[] = [];
  app.on('response', (r) => {
    if (r.url().includes('/ipc/')) void r.text().then((t) => bodies.push(t), () => undefined);
  });
  await recordPushEvents(app);

  await nav(app, 'Accounts').click();
  await app.getByRole('button', { name: 'Add account' }).click();
  const form = app.getByRole('form', { name: 'Add an account' });
  await form.getByLabel('Provider').selectOption('junkie');
  await form.getByLabel('Label').fill('My Junkie');
  await form.getByLabel('Base URL (optional)').fill(`${world.origin}/junkie/api/v2`);
  const keyField = form.getByLabel('API key');
  await expect(keyField).toHaveAttribute('type', 'password');
  await keyField.fill(key);
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(form.getByRole('status')).toContainText(/Connected\. Found 3 targets/);
  await form.getByRole('button', { name: 'Add account' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Added My Junkie. Connected' })).toBeVisible();
  await expect(app.getByRole('status').filter({ hasText: 'Added My Junkie. Connected. Found 3 targets: ' })).toBeVisible();
  const item = app.getByRole('listitem', { name: 'My Junkie' });
  await expect(item).toContainText('key stored in keychain');

  const account = (await ipc(app, 'accounts:list')).find((a) => a.label === 'My Junkie')!;
  expect(account.hasKey).toBe(true);
  expect(await keychainGet(info.keychainService, account.id)).toBe(key);

  // Editing shows an empty, masked "replace" field: the stored key is never shown again.
  await item.getByRole('button', { name: 'Edit My Junkie' }).click();
  const replace = item.getByLabel('Replace API key');
  await expect(replace).toHaveAttribute('type', 'password');
  await expect(replace).toHaveValue('');
  await item.getByRole('button', { name: 'Cancel' }).click();

  // Let a poll of the new account reach the page, then look everywhere for the key.
  await nav(app, 'Overview').click();
  await expect(app.getByRole('listitem', { name: 'My Junkie status' })).toContainText('Live', { timeout: 30_000 });
  expect(await app.content()).not.toContain(key);
  expect(bodies.length).toBeGreaterThan(5);
  for (const body of bodies) expect(body).not.toContain(key);
  const events = await app.evaluate(() => window.__pulsebarEvents ?? []);
  expect(events.length).toBeGreaterThan(0);
  for (const e of events) expect(e).not.toContain(key);

  // Removing the account deletes its key from the keychain.
  await nav(app, 'Accounts').click();
  await app.getByRole('button', { name: 'Remove My Junkie' }).click();
  const confirm = app.getByRole('alertdialog', { name: 'Remove My Junkie?' });
  await confirm.getByRole('button', { name: 'Remove account' }).click();
  await expect(app.getByRole('listitem', { name: 'My Junkie' })).toHaveCount(0);
  expect(await keychainGet(info.keychainService, account.id)).toBeNull();
});

test('demo mode can be switched off and on again', async ({ app }) => {
  await startDemo(app);
  await nav(app, 'Accounts').click();
  const toggle = app.getByRole('switch', { name: 'Demo mode' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await nav(app, 'Overview').click();
  await expect(app.getByRole('heading', { name: 'Welcome to Pulsebar' })).toBeVisible();
  await startDemo(app);
});

test('LuaProt: the hubs the key test found are ticked, not typed; no hub is refused at the field; an odd id is only warned about', async ({ app, expectErrors }) => {
  expectErrors(/^on screen: A LuaProt account needs at least one hub or key to count anything\.$/);
  await startDemo(app);
  const world = await demoWorld(app);
  const baseUrl = world.accounts.luaprot.baseUrl;
  const found = (await ipc(app, 'accounts:test', { provider: 'luaprot', baseUrl, key: DEMO_KEYS.luaprot })).found!;
  expect(found.length).toBeGreaterThan(0);

  await nav(app, 'Accounts').click();
  await app.getByRole('button', { name: 'Add account' }).click();
  const form = app.getByRole('form', { name: 'Add an account' });
  // Opened at its first field, not left on <body>.
  await expect(form.getByLabel('Provider')).toBeFocused();
  await form.getByLabel('Provider').selectOption('luaprot');
  await form.getByLabel('Label').fill('Picked hubs');
  await form.getByLabel('Base URL (optional)').fill(baseUrl);
  await form.getByLabel('API key').fill(DEMO_KEYS.luaprot);

  // Nothing to count: said at the target fields, nothing added.
  await form.getByRole('button', { name: 'Add account' }).click();
  await expect(form.getByRole('alert')).toHaveText('A LuaProt account needs at least one hub or key to count anything.');
  await expect(app.getByRole('listitem', { name: 'Picked hubs' })).toHaveCount(0);

  await form.getByLabel('Hub ids').fill('123');
  await expect(form.getByLabel('Hub ids')).toHaveAccessibleDescription(/“123” does not look like a hub id \(20 digits/);
  await form.getByLabel('Hub ids').fill('');

  await form.getByRole('button', { name: 'Test connection' }).click();
  const first = found[0]!;
  const box = form.getByRole('checkbox', { name: `${first.label} (${first.id})` });
  await box.check();
  await expect(form.getByLabel('Hub ids')).toHaveValue(first.id);
  await form.getByRole('button', { name: 'Add account' }).click();
  const item = app.getByRole('listitem', { name: 'Picked hubs' });
  await expect(item).toContainText('Watches 1 hub');
  // Back on the button that opened the form.
  await expect(app.getByRole('button', { name: 'Add account' })).toBeFocused();
});
