/**
 * A session the provider lists without an id is counted and shown, but nothing can name it to the
 * provider: its selection and actions are off, with the reason. The simulator always sends ids, so the
 * bridge's sessions:list answer is edited on its way to the page (the ids main would leave empty).
 */
import type { Page } from '@playwright/test';
import { expectNoA11yViolations } from './accessibility';
import { expect, nav, SCREENSHOTS, startDemo, test } from './fixtures';

const SIZES = [
  { name: 'panel', width: 420, height: 640 },
  { name: 'wide', width: 1200, height: 800 },
] as const;

interface ListAnswer {
  ok: boolean;
  value?: { sessions: Array<{ id: string; username?: string; robloxUserId?: string }> };
}

/** Every sessions:list answer loses the ids of its first two sessions; returns their names as rows show them. */
async function dropFirstTwoIds(app: Page): Promise<string[]> {
  const names: string[] = [];
  await app.route(/\/ipc\/sessions%3Alist$/, async (route) => {
    const res = await route.fetch();
    const body = (await res.json()) as ListAnswer;
    if (body.ok && body.value) {
      for (const s of body.value.sessions.slice(0, 2)) {
        s.id = '';
        names.push(s.username ?? `Roblox ${s.robloxUserId}`);
      }
    }
    await route.fulfill({ response: res, json: body });
  });
  return names;
}

for (const size of SIZES) {
  test(`sessions without an id are counted and shown with their actions off, ${size.name}`, async ({ app }) => {
    await app.setViewportSize({ width: size.width, height: size.height });
    await startDemo(app);
    const names = await dropFirstTwoIds(app);
    await nav(app, 'Sessions').click();
    const picker = app.getByRole('combobox', { name: 'Target' });
    const option = picker.getByRole('option', { name: /^Demo script 1 · Demo LuaAuth/ });
    await picker.selectOption({ label: (await option.first().textContent())!.trim() });
    await expect(app.getByText('2 without an id')).toBeVisible();
    const name = names.at(-1)!;
    await expect(app.getByRole('checkbox', { name: `Select ${name}` })).toBeDisabled();

    // Select all takes only the sessions that have an id.
    const shown = Number(/(\d+) shown/.exec((await app.getByLabel(/^Sessions, \d+ shown$/).getAttribute('aria-label'))!)![1]);
    await app.getByRole('button', { name: 'Select all shown' }).click();
    await expect(app.getByRole('group', { name: 'Bulk actions' })).toContainText(`${shown - 2} selected`);
    await app.getByRole('button', { name: 'Clear selection' }).click();

    await app.getByRole('button', { name: `Open ${name}`, exact: true }).click();
    const drawer = app.getByRole('dialog', { name: `Session ${name}` });
    await expect(drawer).toContainText('not given by the provider');
    await expect(drawer.getByRole('button', { name: 'Message' })).toBeDisabled();
    await expect(drawer.getByRole('button', { name: 'Disconnect' })).toBeDisabled();
    await expect(drawer).toContainText('listed this session without an id, so it cannot be messaged or disconnected');
    await expectNoA11yViolations(app, `drawer of a session without an id (${size.name})`);
    await app.screenshot({ path: `${SCREENSHOTS}/sessions-${size.name}-without-id.png` });
  });
}
