/** Issue 12 item 3, "safe actions": keyboard in dialogs, bulk reviews that quote payload and scope. */
import type { Page } from '@playwright/test';
import { expectNoA11yViolations } from './accessibility';
import { control, demoWorld, expect, nav, startDemo, test } from './fixtures';

async function openTarget(app: Page, label: string): Promise<void> {
  await nav(app, 'Sessions').click();
  const picker = app.getByRole('combobox', { name: 'Target' });
  const option = picker.getByRole('option', { name: new RegExp(`^${label} · `) });
  await picker.selectOption({ label: (await option.first().textContent())!.trim() });
  await expect(rows(app).first()).toBeVisible();
}
const list = (app: Page) => app.getByRole('list', { name: /^Sessions, \d+ shown$/ });
const rows = (app: Page) => list(app).getByRole('listitem');
const shownCount = async (app: Page) => Number(/(\d+)/.exec((await list(app).getAttribute('aria-label'))!)![1]);

test('the drawer and the message dialog keep Tab inside; Ctrl+Enter sends; Esc cancels', async ({ app, request }) => {
  await startDemo(app);
  const world = await demoWorld(app);
  await openTarget(app, 'Demo hub 1');
  const button = rows(app).first().getByRole('button');
  const name = (await button.getAttribute('aria-label'))!.replace(/^Open /, '');
  await button.click();
  const drawer = app.getByRole('dialog', { name: `Session ${name}` });
  await expect(drawer).toBeVisible();
  // However many times Tab is pressed, the focus stays in the drawer.
  for (let i = 0; i < 12; i++) {
    await app.keyboard.press(i % 3 === 2 ? 'Shift+Tab' : 'Tab');
    expect(await drawer.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }
  await drawer.getByRole('button', { name: 'Message' }).click();
  const dialog = app.getByRole('dialog', { name: `Message ${name}` });
  await expect(dialog.getByRole('textbox', { name: 'Message' })).toBeFocused();
  await app.keyboard.type('Back in 5');
  for (let i = 0; i < 10; i++) {
    await app.keyboard.press('Tab');
    expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }
  const sent = async () => ((await control(request, world, 'state')) as { messages: Array<{ text?: string }> }).messages;
  // Esc cancels: the dialog goes, nothing is sent.
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect((await sent()).some((m) => m.text === 'Back in 5')).toBe(false);
  // Ctrl+Enter sends; one message sent closes the dialog with a notice.
  // The dialog took the drawer's place; the row opens it again.
  await expect(drawer).toBeHidden();
  await button.click();
  await drawer.getByRole('button', { name: 'Message' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Message' })).toBeFocused();
  await app.keyboard.type('Back in 5');
  await app.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('status').filter({ hasText: `Message sent to ${name}. LuaProt:` })).toBeVisible();
  expect((await sent()).some((m) => m.text === 'Back in 5')).toBe(true);
});

test('LuaProt hub-wide message on a filtered list quotes both numbers and asks before sending', async ({ app, request }) => {
  await startDemo(app);
  const world = await demoWorld(app);
  await openTarget(app, 'Demo hub 2');
  const everyone = await shownCount(app);
  const first = (await rows(app).first().getByRole('button').getAttribute('aria-label'))!.replace(/^Open /, '');
  await app.getByRole('searchbox', { name: 'Filter sessions' }).fill(first);
  await expect.poll(() => shownCount(app)).toBeLessThan(everyone);
  const shown = await shownCount(app);
  await expect(app.getByText(`Acts on everyone in the hub (${everyone.toLocaleString('en-US')}), not only the ${shown} shown.`)).toBeVisible();

  await app.getByRole('button', { name: 'Message all' }).click();
  const dialog = app.getByRole('dialog', { name: /^Message .* in hub Demo hub 2$/ });
  await dialog.getByRole('textbox', { name: 'Message' }).fill('Hub restart at noon');
  await dialog.getByRole('button', { name: 'Review' }).click();
  await expect(dialog.getByRole('status')).toContainText(
    `everyone in hub Demo hub 2 — ${everyone.toLocaleString('en-US')} sessions (the list shows a filter of ${shown})`,
  );
  await expect(dialog.getByLabel('Message to send')).toHaveText('Hub restart at noon');
  const sendAll = dialog.getByRole('button', { name: /^Send to / });
  await expect(sendAll).toBeDisabled();
  await expectNoA11yViolations(app, 'hub message review with scope question');
  await dialog.getByRole('checkbox', { name: `Yes, everyone in hub Demo hub 2 (${everyone.toLocaleString('en-US')}), not only the ${shown} shown` }).check();
  await sendAll.click();
  await expect(dialog.getByRole('status').first()).toContainText('LuaProt:');
  const hubId = world.accounts.luaprot.targets[1]!.id;
  const sent = ((await control(request, world, 'state')) as { messages: Array<{ text?: string; scope?: { hubId?: string } }> }).messages;
  expect(sent.some((m) => m.text === 'Hub restart at noon' && m.scope?.hubId === hubId)).toBe(true);
  await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();

  await app.getByRole('button', { name: 'Disconnect all' }).click();
  const confirm = app.getByRole('alertdialog', { name: 'Disconnect everyone in hub Demo hub 2?' });
  await expect(confirm).toContainText(`(the list shows a filter of ${shown})`);
  await expect(confirm.getByRole('button', { name: 'Disconnect' })).toBeDisabled();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
});

test('a disconnected LuaProt row stays listed marked "disconnecting (up to 90 s)", with no actions, and the notice names the player', async ({ app }) => {
  await startDemo(app);
  await openTarget(app, 'Demo hub 1');
  const button = rows(app).first().getByRole('button');
  const name = (await button.getAttribute('aria-label'))!.replace(/^Open /, '');
  await button.click();
  const drawer = app.getByRole('dialog', { name: `Session ${name}` });
  await drawer.getByRole('button', { name: 'Disconnect' }).click();
  await app.getByRole('alertdialog', { name: `Disconnect ${name}?` }).getByRole('button', { name: 'Disconnect' }).click();
  await expect(app.getByRole('status').filter({ hasText: `Disconnected ${name}.` })).toBeVisible();
  // The simulator lingers a disconnected session 90 s, as LuaProt does: the reloaded list still has it.
  const leaving = list(app).getByRole('button', { name: `Open ${name}, disconnecting (up to 90 s)`, exact: true });
  await expect(leaving).toBeVisible();
  await expect(rows(app).filter({ has: app.getByRole('button', { name: `Open ${name}, disconnecting (up to 90 s)`, exact: true }) })).toContainText('disconnecting (up to 90 s)');
  await leaving.click();
  const again = app.getByRole('dialog', { name: `Session ${name}` });
  await expect(again.getByRole('button', { name: 'Message' })).toBeDisabled();
  await expect(again.getByRole('button', { name: 'Disconnect' })).toBeDisabled();
  await expect(again).toContainText('no actions are offered');
  await expectNoA11yViolations(app, 'drawer of a disconnecting LuaProt session');
});

test('Settings says launch at login and the global shortcut do nothing in the browser build', async ({ app }) => {
  await startDemo(app);
  await nav(app, 'Settings').click();
  const browser = (await app.evaluate(() => (window as { pulsebar?: { host?: string } }).pulsebar?.host)) === 'browser';
  const note = app.getByText(/launch at login and the global shortcut are saved but have no effect/);
  if (browser) {
    await expect(note).toBeVisible();
    await expect(app.getByRole('checkbox', { name: 'Launch at login' })).toHaveAccessibleDescription(/no effect/);
  } else {
    await expect(note).toHaveCount(0); // the desktop app (npm run e2e:electron): they do work there
  }
});
