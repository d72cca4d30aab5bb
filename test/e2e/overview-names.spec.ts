import { DEMO_KEYS } from '../../src/main/simulator/config';
import { expectAccessibleInBothThemes } from './accessibility';
import { demoWorld, expect, ipc, nav, SCREENSHOTS, startDemo, test } from './fixtures';

const PANEL = { width: 420, height: 640 };
const WIDE = { width: 1200, height: 800 };

/*
 * Real names: LuaProt names hubs only in its hub list, which the key test reads. Those names stay
 * on the cards after the account is added (and across restarts, target-names.ts); the user's own
 * label wins, set in place from the card, and an emptied label brings the provider's name back.
 */
test('a LuaProt hub keeps the name the key test showed; renamed in place, emptied back to it', async ({ app }) => {
  await startDemo(app);
  const world = await demoWorld(app);
  const baseUrl = world.accounts.luaprot.baseUrl;
  // What LuaProt calls its hubs (the simulator's hub list), read the way the form's test does.
  const test = await ipc(app, 'accounts:test', { provider: 'luaprot', baseUrl, key: DEMO_KEYS.luaprot });
  const hub = test.found!.find((f) => f.name)!;
  expect(hub.name).toBeTruthy();

  await nav(app, 'Accounts').click();
  await app.getByRole('button', { name: 'Add account' }).click();
  const form = app.getByRole('form', { name: 'Add an account' });
  await form.getByLabel('Provider').selectOption('luaprot');
  await form.getByLabel('Label').fill('My LuaProt');
  await form.getByLabel('Base URL (optional)').fill(baseUrl);
  await form.getByLabel('API key').fill(DEMO_KEYS.luaprot);
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(form.getByRole('status')).toContainText(hub.name!);
  await form.getByLabel('Hub ids').fill(hub.id);
  await form.getByRole('button', { name: 'Add account' }).click();
  await expect(app.getByRole('listitem', { name: 'My LuaProt' })).toBeVisible();
  // The notice names the hub as LuaProt does, not by its id.
  await expect(app.getByRole('status').filter({ hasText: `Added My LuaProt. Connected. Found 1 target: ${hub.name} ` })).toBeVisible();

  await nav(app, 'Overview').click();
  const open = (name: string) => app.getByRole('button', { name: new RegExp(`^${escape(name)}: .* live, open sessions$`) });
  await expect(open(hub.name!)).toBeVisible();
  await expect(app.getByText(`Hub ${hub.id}`)).toHaveCount(0);
  const card = app.getByRole('listitem').filter({ has: open(hub.name!) });
  await expect(card).toContainText('Hub · My LuaProt');

  // Rename in place (panel size): Enter saves to the account's settings.
  await card.getByRole('button', { name: `Rename ${hub.name}` }).click();
  const field = app.getByRole('textbox', { name: new RegExp(`^New name for ${escape(hub.name!)}`) });
  await expect(field).toBeFocused();
  await field.fill('My best hub');
  await field.press('Enter');
  await expect(open('My best hub')).toBeVisible();
  const renamed = app.getByRole('listitem').filter({ has: open('My best hub') });
  // The provider's name stays in sight beside the user's own.
  await expect(renamed).toContainText(`LuaProt: ${hub.name}`);
  const saved = (await ipc(app, 'accounts:list')).find((a) => a.label === 'My LuaProt')!;
  expect(saved.targets).toEqual([{ kind: 'hub', id: hub.id, label: 'My best hub' }]);
  // Esc cancels: nothing saved, the panel stays open.
  await renamed.getByRole('button', { name: 'Rename My best hub' }).click();
  await app.getByRole('textbox', { name: /^New name for My best hub/ }).fill('Not this');
  await app.getByRole('textbox', { name: /^New name for My best hub/ }).press('Escape');
  await expect(open('My best hub')).toBeVisible();
  await expect(nav(app, 'Overview')).toBeVisible();
  await renamed.scrollIntoViewIfNeeded();
  await app.screenshot({ path: `${SCREENSHOTS}/overview-names.png` });
  await expectAccessibleInBothThemes(app, 'overview with a renamed target, panel');

  // Wide: the same card; emptying the name brings the provider's back and drops the label from settings.
  await app.setViewportSize(WIDE);
  await renamed.getByRole('button', { name: 'Rename My best hub' }).click();
  await app.getByRole('textbox', { name: /^New name for My best hub/ }).fill('');
  await app.getByRole('textbox', { name: /^New name for My best hub/ }).press('Enter');
  await expect(open(hub.name!)).toBeVisible();
  const cleared = (await ipc(app, 'accounts:list')).find((a) => a.label === 'My LuaProt')!;
  expect(cleared.targets).toEqual([{ kind: 'hub', id: hub.id }]);
  // The same name everywhere the target is offered: the Sessions picker too.
  const snapshot = await ipc(app, 'app:snapshot');
  expect(snapshot.accounts.find((a) => a.account.label === 'My LuaProt')!.targets[0]).toMatchObject({ label: hub.name, providerName: hub.name });
  await app.screenshot({ path: `${SCREENSHOTS}/overview-names-wide.png` });
  await expectAccessibleInBothThemes(app, 'overview with provider names, wide');
  await app.setViewportSize(PANEL);
});

test('a script labelled by the user also shows the name LuaAuth gives it, once the Scripts view read it', async ({ app }) => {
  await startDemo(app);
  const world = await demoWorld(app);
  const demo = world.accounts.luaauth;
  const script = demo.targets[0]!;
  const info = await ipc(app, 'scripts:get', { accountId: demo.id, scriptId: script.id });
  for (const size of [PANEL, WIDE]) {
    await app.setViewportSize(size);
    await nav(app, 'Overview').click();
    const card = app.getByRole('listitem').filter({ has: app.getByRole('button', { name: /^Demo script 1: .* live, open sessions$/ }) });
    await expect(card).toContainText(`LuaAuth: ${info.name}`);
  }
  await app.setViewportSize(PANEL);
});

test('demo targets carry a Demo badge and offer no rename (demo accounts are fixed)', async ({ app }) => {
  await startDemo(app);
  for (const size of [PANEL, WIDE]) {
    await app.setViewportSize(size);
    const cards = app.getByRole('listitem').filter({ has: app.getByRole('button', { name: /open sessions$/ }) });
    await expect(cards.first()).toContainText('Demo');
    await expect(app.getByRole('button', { name: /^Rename / })).toHaveCount(0);
  }
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
