/**
 * The wide window's session table (issue 12, item 2): at 1200×800 the Sessions view is a table with
 * sortable, resizable columns and copy buttons, sharing the panel list's selection, drawer and bulk
 * actions; at 420×640 the same view is the two-line list.
 */
import type { Page } from '@playwright/test';
import { expectAccessibleInBothThemes } from './accessibility';
import { demoWorld, expect, ipc, nav, SCREENSHOTS, startDemo, test } from './fixtures';

const WIDE = { width: 1200, height: 800 };
const PANEL = { width: 420, height: 640 };

async function openTarget(app: Page, label: RegExp): Promise<void> {
  await nav(app, 'Sessions').click();
  const picker = app.getByRole('combobox', { name: 'Target' });
  const option = picker.getByRole('option', { name: label });
  await picker.selectOption({ label: (await option.first().textContent())!.trim() });
}

const table = (app: Page) => app.getByRole('table', { name: /^Sessions, \d+ shown$/ });
const tableRows = (app: Page) => table(app).locator('[role="row"][data-row]');
const header = (app: Page, name: string) => table(app).getByRole('columnheader', { name: new RegExp(`^${name}`) });
const shownNames = async (app: Page, n: number) =>
  (await tableRows(app).locator('.session-open').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label')!.replace(/^Open /, '')))).slice(0, n);

test('wide: a table per provider; the panel keeps the list', async ({ app }) => {
  await app.setViewportSize(WIDE);
  await startDemo(app);
  for (const [label, shot, columns] of [
    [/· Demo Junkie/, 'junkie', ['Player', 'Session id', 'Place', 'Job id', 'HWID', 'Connected', 'Beats', 'Last beat']],
    [/^Demo hub 1 · Demo LuaProt/, 'luaprot', ['Player', 'Session id', 'Universe', 'Job id', 'Connected']],
    [/^Demo script 1 · Demo LuaAuth/, 'luaauth', ['Player', 'Session id', 'Key', 'Roblox id', 'Place', 'Job id', 'Connected']],
  ] as const) {
    await openTarget(app, label);
    await expect(tableRows(app).first()).toBeVisible();
    for (const c of columns) await expect(header(app, c)).toBeVisible();
    // The table takes the height left, as the list does.
    const box = (await table(app).boundingBox())!;
    expect(box.y + box.height).toBeGreaterThan(WIDE.height - 80);
    await expectAccessibleInBothThemes(app, `Sessions table, ${shot}, wide`);
    await app.screenshot({ path: `${SCREENSHOTS}/sessions-wide-${shot}.png` });
  }
  await app.setViewportSize(PANEL);
  await expect(table(app)).toHaveCount(0);
  await expect(app.getByRole('list', { name: /^Sessions, \d+ shown$/ }).getByRole('listitem').first()).toBeVisible();
});

test('wide: sort by click and keyboard (aria-sort), resize by keyboard and pointer', async ({ app }) => {
  await app.setViewportSize(WIDE);
  await startDemo(app);
  const world = await demoWorld(app);
  await openTarget(app, /^Demo hub 1 · Demo LuaProt/);
  await expect(tableRows(app).first()).toBeVisible();
  const listed = await ipc(app, 'sessions:list', { accountId: world.accounts.luaprot.id, targetId: world.accounts.luaprot.targets[0]!.id });
  const byName = listed.sessions.map((s) => s.username ?? '').sort((a, b) => a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' }));

  const player = header(app, 'Player');
  await expect(player).toHaveAttribute('aria-sort', 'none');
  await player.getByRole('button').click();
  await expect(player).toHaveAttribute('aria-sort', 'ascending');
  expect(await shownNames(app, 3)).toEqual(byName.slice(0, 3));
  await player.getByRole('button').focus();
  await app.keyboard.press('Enter');
  await expect(player).toHaveAttribute('aria-sort', 'descending');
  expect(await shownNames(app, 3)).toEqual([...byName].reverse().slice(0, 3));

  // Resize: arrow keys on the grip, then a drag of its edge.
  const grip = app.getByRole('separator', { name: 'Resize Player column' });
  const width = async () => (await player.boundingBox())!.width;
  const before = await width();
  await grip.focus();
  await app.keyboard.press('ArrowRight');
  await app.keyboard.press('ArrowRight');
  await expect.poll(width).toBeCloseTo(before + 32, 0);
  // The row focus did not move: the grip keeps it.
  await expect(grip).toBeFocused();
  const g = (await grip.boundingBox())!;
  await app.mouse.move(g.x + g.width / 2, g.y + g.height / 2);
  await app.mouse.down();
  await app.mouse.move(g.x + g.width / 2 + 60, g.y + g.height / 2, { steps: 4 });
  await app.mouse.up();
  await expect.poll(width).toBeCloseTo(before + 92, 0);
  await expect(grip).toHaveAttribute('aria-valuenow', String(Math.round(before + 92)));
});

test('wide: copy buttons put the session id, key and job id on the clipboard, with feedback', async ({ app }) => {
  await app.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await app.setViewportSize(WIDE);
  await startDemo(app);
  await openTarget(app, /^Demo script 1 · Demo LuaAuth/);
  const first = tableRows(app).first();
  await expect(first).toBeVisible();
  const name = (await first.locator('.session-open').getAttribute('aria-label'))!.replace(/^Open /, '');
  for (const [what, column] of [
    ['session id', 'id'],
    ['key', 'key'],
    ['job id', 'job'],
  ] as const) {
    const value = (await first.locator(`.st-${column} .cell-text`).textContent())!;
    const button = first.getByRole('button', { name: `Copy ${what} of ${name}` });
    await button.click();
    await expect(button).toHaveText('Copied');
    expect(await app.evaluate(() => navigator.clipboard.readText())).toBe(value);
  }
  await expect(app.getByRole('status').filter({ hasText: 'Copied.' })).toBeAttached();
  await app.screenshot({ path: `${SCREENSHOTS}/sessions-wide-copied.png` });
});

test('wide: the same selection, drawer, filters and bulk actions as the panel', async ({ app }) => {
  await app.setViewportSize(WIDE);
  await startDemo(app);
  await openTarget(app, /^Demo script 2 · Demo LuaAuth/);
  await expect(tableRows(app).first()).toBeVisible();
  await expect(app.getByRole('group', { name: 'Bulk actions' })).toHaveCount(0);
  await tableRows(app).nth(0).getByRole('checkbox').check();
  await tableRows(app).nth(1).getByRole('checkbox').check();
  await expect(app.getByRole('group', { name: 'Bulk actions' })).toContainText('2 selected');
  await app.getByRole('button', { name: 'Message selected' }).click();
  const dialog = app.getByRole('dialog', { name: 'Message 2 selected sessions' });
  await dialog.getByRole('textbox', { name: 'Command key' }).fill('announce');
  await dialog.getByRole('button', { name: 'Review' }).click();
  await expect(dialog.getByRole('status')).toContainText('will be sent to the 2 selected sessions');
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Keyboard: arrows move between rows, Enter opens the drawer.
  await tableRows(app).first().locator('.session-open').focus();
  await app.keyboard.press('ArrowDown');
  const second = tableRows(app).nth(1).locator('.session-open');
  await expect(second).toBeFocused();
  const name = (await second.getAttribute('aria-label'))!.replace(/^Open /, '');
  await app.keyboard.press('Enter');
  const drawer = app.getByRole('dialog', { name: `Session ${name}` });
  await expect(drawer.getByRole('button', { name: 'Message' })).toBeEnabled();
  await app.keyboard.press('Escape');

  await app.getByRole('button', { name: 'Filters', exact: true }).click();
  await expect(app.getByRole('group', { name: 'Filters' })).toBeVisible();
  await expectAccessibleInBothThemes(app, 'Sessions table with a selection and the filters open, wide');
  await app.screenshot({ path: `${SCREENSHOTS}/sessions-wide-selected-filters.png` });
  await app.keyboard.press('Escape');
  await expect(app.getByRole('group', { name: 'Filters' })).toBeHidden();
});
