/**
 * Every view, drawer and dialog of every provider, at the tray-panel size and wide: each screen must
 * show no error (the automatic error watch in fixtures.ts: nothing is declared here, so any error on
 * screen or in the console fails the walk) and pass axe with no violation above minor in the
 * light and the dark theme (accessibility.ts).
 */
import type { Page } from '@playwright/test';
import { DEMO_KEYS } from '../../src/main/simulator/config';
import { expectAccessibleInBothThemes } from './accessibility';
import { demoWorld, expect, ipc, nav, startDemo, test } from './fixtures';

const SIZES = [
  { name: 'panel', width: 420, height: 640 },
  { name: 'wide', width: 1200, height: 800 },
] as const;

// The panel shows a list of sessions, the wide window a table of them (SessionTable): same names, same rows.
const list = (app: Page) => app.getByRole('list', { name: /^Sessions, \d+ shown$/ }).or(app.getByRole('table', { name: /^Sessions, \d+ shown$/ }));
const rows = (app: Page) => list(app).locator('[role="listitem"], [role="row"][data-row]');

async function openTarget(app: Page, label: RegExp): Promise<void> {
  await nav(app, 'Sessions').click();
  const picker = app.getByRole('combobox', { name: 'Target' });
  const option = picker.getByRole('option', { name: label });
  await picker.selectOption({ label: (await option.first().textContent())!.trim() });
  await expect(rows(app).first()).toBeVisible();
}

/** Opens the first row's drawer and waits until its details are in (or, for Junkie, the row alone). */
async function openFirstDrawer(app: Page): Promise<ReturnType<Page['getByRole']>> {
  const button = rows(app).first().getByRole('button', { name: /^Open / });
  const name = (await button.getAttribute('aria-label'))!.replace(/^Open /, '');
  await button.click();
  const drawer = app.getByRole('dialog', { name: `Session ${name}` });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByText('Loading details…')).toHaveCount(0);
  return drawer;
}

for (const size of SIZES) {
  test(`every screen of every provider, ${size.name} (${size.width}×${size.height}): no error, no axe finding above minor`, async ({ app }) => {
    // The wide walk scans the session table too (about three times the list's elements); on this shared
    // machine (load ~20 on 2 cores) it ran 3.9–4.2 min, at the old 4 min limit.
    test.setTimeout(360_000);
    await app.setViewportSize({ width: size.width, height: size.height });
    const check = (where: string) => expectAccessibleInBothThemes(app, `${where} (${size.name})`);

    // The welcome screen of a first run before demo data arrives is covered by the empty state at the end.
    await startDemo(app);
    await check('Overview');

    // Junkie: list, and the drawer with the listed row only (no single-session route, no error).
    await openTarget(app, /· Demo Junkie/);
    await check('Sessions, Junkie');
    const junkieDrawer = await openFirstDrawer(app);
    await expect(junkieDrawer.getByText('Session id')).toBeVisible();
    await check('Junkie session drawer');
    await app.keyboard.press('Escape');

    // LuaProt: list, drawer with the key record, message dialog, disconnect confirmation, hub-wide actions.
    await openTarget(app, /^Demo hub 1 · Demo LuaProt/);
    await check('Sessions, LuaProt');
    let drawer = await openFirstDrawer(app);
    await expect(drawer.getByRole('heading', { name: 'Key record' })).toBeVisible();
    await check('LuaProt session drawer');
    await drawer.getByRole('button', { name: 'Message' }).click();
    await expect(app.getByRole('dialog', { name: /^Message / })).toBeVisible();
    await check('LuaProt message dialog');
    await app.keyboard.press('Escape');
    drawer = await openFirstDrawer(app);
    await drawer.getByRole('button', { name: 'Disconnect' }).click();
    await expect(app.getByRole('alertdialog', { name: /^Disconnect / })).toBeVisible();
    await check('LuaProt disconnect confirmation');
    await app.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
    await app.keyboard.press('Escape'); // the drawer stays open under a cancelled confirmation
    await expect(drawer).toBeHidden();
    await app.getByRole('button', { name: 'Message all' }).click();
    const hubMessage = app.getByRole('dialog', { name: /^Message .* in hub Demo hub 1$/ });
    await hubMessage.getByRole('textbox', { name: /^Message/ }).fill('Maintenance at noon');
    await hubMessage.getByRole('button', { name: 'Review' }).click();
    await expect(hubMessage.getByText(/Send it\?$/)).toBeVisible();
    await check('LuaProt hub message review');
    await app.keyboard.press('Escape');
    await app.getByRole('button', { name: 'Disconnect all' }).click();
    await expect(app.getByRole('alertdialog', { name: 'Disconnect everyone in hub Demo hub 1?' })).toBeVisible();
    await check('LuaProt hub disconnect confirmation');
    await app.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();

    // LuaAuth: list with filters, drawer, command dialog, selection and bulk review.
    await openTarget(app, /^Demo script 1 · Demo LuaAuth/);
    await check('Sessions, LuaAuth');
    drawer = await openFirstDrawer(app);
    await check('LuaAuth session drawer');
    await drawer.getByRole('button', { name: 'Message' }).click();
    const command = app.getByRole('dialog', { name: /^Message / });
    await command.getByRole('textbox', { name: 'Command key' }).fill('notify');
    await check('LuaAuth command dialog');
    await app.keyboard.press('Escape');
    await app.getByRole('button', { name: 'Select all shown' }).click();
    await app.getByRole('button', { name: 'Message selected' }).click();
    const bulk = app.getByRole('dialog', { name: /^Message \d+ selected sessions?$/ });
    await bulk.getByRole('textbox', { name: 'Command key' }).fill('notify');
    await bulk.getByRole('button', { name: 'Review' }).click();
    await check('LuaAuth bulk command review');
    await app.keyboard.press('Escape');
    await app.getByRole('button', { name: 'Disconnect selected' }).click();
    await expect(app.getByRole('alertdialog', { name: /^Disconnect \d+ sessions?\?$/ })).toBeVisible();
    await check('LuaAuth bulk disconnect confirmation');
    await app.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
    // A search that matches nobody: the empty list says so.
    await app.getByRole('searchbox', { name: 'Filter by key' }).fill('no-such-key');
    await expect(app.getByText('No sessions match this search.')).toBeVisible();
    await check('Sessions, LuaAuth, nothing matches');
    await app.getByRole('searchbox', { name: 'Filter by key' }).fill('');

    // Scripts, with one script's settings open.
    await nav(app, 'Scripts').click();
    const card = app.getByRole('listitem', { name: /^Script / }).first();
    await expect(card).toContainText('executions');
    await check('Scripts');
    await card.getByRole('button', { name: /^Edit settings of / }).click();
    await expect(card.getByRole('form')).toBeVisible();
    await check('Scripts, settings form');

    await nav(app, 'Alerts').click();
    await expect(app.getByRole('heading', { name: 'Alert rules' })).toBeVisible();
    await check('Alerts');

    // Accounts, with a real (non-demo) account so its edit form and removal confirmation exist.
    const world = await demoWorld(app);
    await ipc(app, 'accounts:add', {
      label: 'Shop LuaProt',
      provider: 'luaprot',
      baseUrl: `${world.origin}/luaprot`,
      key: DEMO_KEYS.luaprot,
      targets: [{ kind: 'hub', id: world.accounts.luaprot.targets[0]!.id }],
    });
    await nav(app, 'Accounts').click();
    const item = app.getByRole('listitem', { name: 'Shop LuaProt' });
    await expect(item).toBeVisible();
    await check('Accounts');
    await app.getByRole('button', { name: 'Add account' }).click();
    await expect(app.getByRole('form', { name: 'Add an account' })).toBeVisible();
    await check('Accounts, add form');
    await app.getByRole('form', { name: 'Add an account' }).getByRole('button', { name: 'Cancel' }).click();
    await item.getByRole('button', { name: 'Edit Shop LuaProt' }).click();
    await expect(item.getByRole('form', { name: 'Edit Shop LuaProt' })).toBeVisible();
    await check('Accounts, edit form');
    await item.getByRole('button', { name: 'Cancel' }).click();
    await item.getByRole('button', { name: 'Remove Shop LuaProt' }).click();
    await expect(app.getByRole('alertdialog', { name: 'Remove Shop LuaProt?' })).toBeVisible();
    await check('Accounts, removal confirmation');
    await app.getByRole('alertdialog').getByRole('button', { name: 'Remove account' }).click();
    await expect(item).toBeHidden();

    await nav(app, 'Settings').click();
    await expect(app.getByRole('spinbutton', { name: 'LuaProt poll interval in seconds' })).toBeVisible();
    await check('Settings');

    // Demo off and no account: the welcome screen.
    await nav(app, 'Accounts').click();
    await app.getByRole('switch', { name: 'Demo mode' }).click();
    await expect(app.getByRole('switch', { name: 'Demo mode' })).toHaveAttribute('aria-checked', 'false');
    await nav(app, 'Overview').click();
    await expect(app.getByRole('heading', { name: 'Welcome to Pulsebar' })).toBeVisible();
    await check('Overview, welcome');
  });
}

test('the first Tab stop skips to the view, and every view has its heading', async ({ app }) => {
  await app.keyboard.press('Tab');
  const skip = app.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('main')).toBeFocused();
  for (const view of ['Overview', 'Sessions', 'Scripts', 'Alerts', 'Accounts', 'Settings'] as const) {
    await nav(app, view).click();
    await expect(app.getByRole('main').getByRole('heading', { level: 1 })).toHaveText(view);
  }
});
