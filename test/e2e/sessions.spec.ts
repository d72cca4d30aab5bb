import type { Page } from '@playwright/test';
import { demoWorld, expect, ipc, nav, SCREENSHOTS, startDemo, test } from './fixtures';

async function openSessions(app: Page, targetLabel: RegExp): Promise<void> {
  await nav(app, 'Sessions').click();
  const picker = app.getByRole('combobox', { name: 'Target' });
  const option = picker.getByRole('option', { name: targetLabel });
  await picker.selectOption({ label: (await option.first().textContent())!.trim() });
}

const rows = (app: Page) => app.getByRole('list', { name: /^Sessions, \d+ shown$/ }).getByRole('listitem');

test('Junkie: server search by username and pages of at most 50', async ({ app }) => {
  await startDemo(app);
  const world = await demoWorld(app);
  const scriptId = (await ipc(app, 'app:snapshot')).accounts.find((a) => a.account.id === world.accounts.junkie.id)!.targets[0]!.id;
  await openSessions(app, new RegExp(`^Script ${scriptId} · Demo Junkie`));
  await expect(rows(app).first()).toBeVisible();
  await expect(app.getByText(/^Page 1 of \d+/)).toBeVisible();
  await app.screenshot({ path: `${SCREENSHOTS}/session-list.png` });

  const page = await ipc(app, 'sessions:list', { accountId: world.accounts.junkie.id, targetId: scriptId, limit: 50 });
  const name = page.sessions[3]!.username!;
  // Ctrl+F focuses the search box from anywhere in the view.
  await rows(app).first().getByRole('button').click();
  await app.keyboard.press('Escape');
  await app.keyboard.press('Control+f');
  const search = app.getByRole('searchbox', { name: 'Search by username' });
  await expect(search).toBeFocused();
  await search.fill(name.slice(0, -1).toUpperCase());
  await expect(rows(app).filter({ hasText: name })).toHaveCount(1);
  await expect(rows(app)).toHaveCount(page.sessions.filter((s) => s.username!.toLowerCase().includes(name.slice(0, -1).toLowerCase())).length);

  // Junkie has no actions: the controls are there, disabled, and say why.
  await search.fill('');
  await expect(app.getByRole('button', { name: 'Message selected' })).toBeDisabled();
  await expect(app.getByText('Junkie’s API lists sessions and live counts only').first()).toBeVisible();
});

test('LuaProt: local filter, detail drawer with the key record, arrow keys and Esc', async ({ app, hooks }) => {
  await startDemo(app);
  await openSessions(app, /^Demo hub 1 · Demo LuaProt/);
  await expect(rows(app).first()).toBeVisible();
  // The list is virtual: its label tells how many it holds, not how many rows are in the DOM.
  const total = Number(/(\d+)/.exec((await app.getByRole('list', { name: /^Sessions, \d+ shown$/ }).getAttribute('aria-label'))!)![1]);
  expect(total).toBeGreaterThan(3);

  // Arrow keys move the focus through the list; Enter opens the drawer.
  await rows(app).first().getByRole('button').focus();
  await app.keyboard.press('ArrowDown');
  await app.keyboard.press('ArrowDown');
  const third = rows(app).nth(2).getByRole('button');
  await expect(third).toBeFocused();
  const name = (await third.getAttribute('aria-label'))!.replace(/^Open /, '');
  await app.keyboard.press('Enter');
  const drawer = app.getByRole('dialog', { name: `Session ${name}` });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByRole('heading', { name: 'Key record' })).toBeVisible();
  await expect(drawer.getByRole('button', { name: 'Message' })).toBeEnabled();
  await app.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // With nothing open, Esc asks main to hide the panel.
  if (hooks.available) {
    const before = (await hooks.windowCalls()).hide;
    await app.keyboard.press('Escape');
    await expect.poll(async () => (await hooks.windowCalls()).hide).toBe(before + 1);
  }

  await app.keyboard.press('Control+f');
  const filter = app.getByRole('searchbox', { name: 'Filter sessions' });
  await expect(filter).toBeFocused();
  await filter.fill(name);
  await expect(rows(app)).toHaveCount(1);
  await expect(app.getByText(`1 of ${total} sessions`)).toBeVisible();
});

test('LuaAuth: filter by key, offset paging', async ({ app }) => {
  await startDemo(app);
  const world = await demoWorld(app);
  await openSessions(app, /^Demo script 1 · Demo LuaAuth/);
  await expect(rows(app).first()).toBeVisible();
  const target = world.accounts.luaauth.targets[0]!;
  const all = await ipc(app, 'sessions:list', { accountId: world.accounts.luaauth.id, targetId: target.id, from: 0, limit: 50 });
  const key = all.sessions[0]!.userKey!;
  await app.getByRole('searchbox', { name: 'Filter by key' }).fill(key);
  await expect(rows(app)).toHaveCount(all.sessions.filter((s) => s.userKey === key).length);
  await expect(rows(app).first()).toContainText(key);
  await app.getByRole('searchbox', { name: 'Filter by key' }).fill('');
  await app.getByRole('combobox', { name: 'Rows per page' }).selectOption('10');
  await expect(app.getByText('Rows 1–10')).toBeVisible();
  await app.getByRole('button', { name: 'Next page' }).click();
  await expect(app.getByText('Rows 11–20')).toBeVisible();
  await app.getByRole('button', { name: 'Previous page' }).click();
  await expect(app.getByText('Rows 1–10')).toBeVisible();
});
