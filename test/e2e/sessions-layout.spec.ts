/**
 * The Sessions view in its two shapes (issue 12): in the tray panel (420×640) the list takes the height
 * left under one search row (no page scrolling around a scrolling list), LuaAuth's filters live in a
 * popover, the bulk bar shows only with a selection and no dropdown widens past the panel; wide
 * (1200×800) the same view is a table (sessions-table.spec.ts covers the table itself).
 */
import type { Page } from '@playwright/test';
import { DEMO_KEYS } from '../../src/main/simulator/config';
import { expectAccessibleInBothThemes } from './accessibility';
import { demoWorld, expect, ipc, nav, SCREENSHOTS, startDemo, test } from './fixtures';

const PANEL = { width: 420, height: 640 };
const ROW_HEIGHT = 52;

async function openTarget(app: Page, label: RegExp): Promise<void> {
  await nav(app, 'Sessions').click();
  const picker = app.getByRole('combobox', { name: 'Target' });
  const option = picker.getByRole('option', { name: label });
  await picker.selectOption({ label: (await option.first().textContent())!.trim() });
}

const list = (app: Page) => app.getByRole('list', { name: /^Sessions, \d+ shown$/ });
const rows = (app: Page) => list(app).getByRole('listitem');

/** The page itself does not scroll, nothing sticks out sideways, and the list reaches the bottom of the content. */
async function fitsThePanel(app: Page): Promise<{ listHeight: number }> {
  const m = await app.evaluate(() => {
    const content = document.querySelector<HTMLElement>('main.content')!;
    const scroller = document.querySelector<HTMLElement>('.session-scroller')!;
    const c = content.getBoundingClientRect();
    const s = scroller.getBoundingClientRect();
    const selects = [...document.querySelectorAll<HTMLElement>('.sessions-view select')].map((e) => e.getBoundingClientRect().right);
    return {
      pageScrolls: content.scrollHeight - content.clientHeight,
      sideways: document.documentElement.scrollWidth - window.innerWidth,
      listHeight: s.height,
      gapBelow: c.bottom - s.bottom,
      widestSelect: Math.max(...selects),
      viewport: window.innerWidth,
    };
  });
  expect(m.pageScrolls, 'the content area does not scroll around the list').toBeLessThanOrEqual(1);
  expect(m.sideways, 'nothing wider than the window').toBeLessThanOrEqual(0);
  expect(m.widestSelect, 'no dropdown past the window').toBeLessThanOrEqual(m.viewport);
  expect(m.gapBelow, 'the list (and the bar under it) reaches the bottom').toBeLessThan(80);
  return m;
}

test('panel: each provider’s list fills the height left, one search row, nothing wider than the panel', async ({ app }) => {
  await app.setViewportSize(PANEL);
  await startDemo(app);
  for (const [label, shot] of [
    [/· Demo Junkie/, 'junkie'],
    [/^Demo hub 1 · Demo LuaProt/, 'luaprot'],
    [/^Demo script 1 · Demo LuaAuth/, 'luaauth'],
  ] as const) {
    await openTarget(app, label);
    await expect(rows(app).first()).toBeVisible();
    const { listHeight } = await fitsThePanel(app);
    // At 640 px the list shows at least 7 rows (LuaAuth showed about 5 under two filter rows and a two-row bulk bar).
    expect(listHeight, `${shot}: list height`).toBeGreaterThanOrEqual(7 * ROW_HEIGHT);
    await expect(app.getByRole('search', { name: 'Search sessions' }).getByRole('searchbox')).toHaveCount(1);
    await app.screenshot({ path: `${SCREENSHOTS}/sessions-panel-${shot}.png` });
  }
  // LuaAuth acts on selected rows: no bulk bar until one is selected.
  await expect(app.getByRole('group', { name: 'Bulk actions' })).toHaveCount(0);
  await expectAccessibleInBothThemes(app, 'Sessions, LuaAuth, panel');
});

test('panel: LuaAuth filters in a popover with a count, keyboard only; Esc closes it, not the window', async ({ app, hooks }) => {
  await app.setViewportSize(PANEL);
  await startDemo(app);
  const world = await demoWorld(app);
  await openTarget(app, /^Demo script 1 · Demo LuaAuth/);
  await expect(rows(app).first()).toBeVisible();
  const target = world.accounts.luaauth.targets[0]!;
  const all = await ipc(app, 'sessions:list', { accountId: world.accounts.luaauth.id, targetId: target.id, from: 0, limit: 50 });
  const robloxId = all.sessions[0]!.robloxUserId!;

  // From the search box, Tab reaches the Filters button; Enter opens it on its first field.
  await app.getByRole('searchbox', { name: 'Filter by key' }).focus();
  await app.keyboard.press('Tab');
  const filters = app.getByRole('button', { name: 'Filters', exact: true });
  await expect(filters).toBeFocused();
  await app.keyboard.press('Enter');
  const popover = app.getByRole('group', { name: 'Filters' });
  await expect(popover).toBeVisible();
  await expect(popover.getByRole('searchbox', { name: 'Key' })).toBeFocused();
  await app.keyboard.press('Tab');
  await expect(popover.getByRole('searchbox', { name: 'Roblox id' })).toBeFocused();
  await app.keyboard.type(robloxId);
  await expect(rows(app)).toHaveCount(all.sessions.filter((s) => s.robloxUserId === robloxId).length);
  await expect(app.getByRole('button', { name: 'Filters, 1 active' })).toBeVisible();
  const box = await popover.boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(PANEL.width);
  await expectAccessibleInBothThemes(app, 'Sessions, LuaAuth filters popover, panel');
  await app.screenshot({ path: `${SCREENSHOTS}/sessions-panel-filters.png` });

  const hidesBefore = hooks.available ? (await hooks.windowCalls()).hide : 0;
  await app.keyboard.press('Escape');
  await expect(popover).toBeHidden();
  await expect(app.getByRole('button', { name: 'Filters, 1 active' })).toBeFocused();
  if (hooks.available) expect((await hooks.windowCalls()).hide).toBe(hidesBefore);

  // Clearing from the popover brings every row back.
  await app.keyboard.press('Enter');
  await popover.getByRole('button', { name: 'Clear filters' }).click();
  await expect(app.getByRole('button', { name: 'Filters', exact: true })).toBeVisible();
  await expect.poll(async () => rows(app).count()).toBeGreaterThan(1);
});

test('panel: the bulk bar shows only while rows are selected, under the list', async ({ app }) => {
  await app.setViewportSize(PANEL);
  await startDemo(app);
  await openTarget(app, /^Demo script 1 · Demo LuaAuth/);
  await expect(rows(app).first()).toBeVisible();
  const bar = app.getByRole('group', { name: 'Bulk actions' });
  await expect(bar).toHaveCount(0);
  await rows(app).nth(0).getByRole('checkbox').check();
  await rows(app).nth(1).getByRole('checkbox').check();
  await expect(bar).toContainText('2 selected');
  // Under the list: the rows did not move down when it came.
  const listBox = (await app.locator('.session-scroller').boundingBox())!;
  const barBox = (await bar.boundingBox())!;
  expect(barBox.y).toBeGreaterThanOrEqual(listBox.y + listBox.height - 1);
  await fitsThePanel(app);
  await expectAccessibleInBothThemes(app, 'Sessions, LuaAuth, 2 selected, panel');
  await app.screenshot({ path: `${SCREENSHOTS}/sessions-panel-selected.png` });
  await app.getByRole('button', { name: 'Select all shown' }).click();
  await app.getByRole('button', { name: 'Clear selection' }).click();
  await expect(bar).toHaveCount(0);
});

test('panel: an account with a very long name does not widen the target dropdown past the panel', async ({ app }) => {
  await app.setViewportSize(PANEL);
  await startDemo(app);
  const world = await demoWorld(app);
  const longName = 'My very long LuaProt shop account name that keeps going well past any panel width';
  await ipc(app, 'accounts:add', {
    label: longName,
    provider: 'luaprot',
    baseUrl: `${world.origin}/luaprot`,
    key: DEMO_KEYS.luaprot,
    targets: [{ kind: 'hub', id: world.accounts.luaprot.targets[0]!.id }],
  });
  await openTarget(app, new RegExp(longName));
  await expect(rows(app).first()).toBeVisible();
  await fitsThePanel(app);
  const picker = (await app.getByRole('combobox', { name: 'Target' }).boundingBox())!;
  expect(picker.x + picker.width).toBeLessThanOrEqual(PANEL.width);
});
