import type { Locator, Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { DEMO_KEYS } from '../../src/main/simulator/config';
import { control, demoWorld, expect, fastPolling, ipc, nav, startDemo, test } from './fixtures';

/*
 * What the panel (420×640) and the wide window (1200×800) must fit once a LuaAuth project brings long
 * script names: selects stay inside their cards, "Export CSV" stays beside the ranges, the rules' save
 * bar never covers the rule being edited, and the poll-interval boxes line up. Screenshots of each go to
 * PULSEBAR_LAYOUT_SHOTS when set (for a person to look at), never to docs/screenshots.
 */
const shots = process.env.PULSEBAR_LAYOUT_SHOTS;
if (shots) mkdirSync(shots, { recursive: true });
const shoot = async (app: Page, name: string) => {
  if (shots) await app.screenshot({ path: `${shots}/${name}.png` });
};

const box = async (l: Locator) => (await l.boundingBox())!;
const overlap = (a: { y: number; height: number }, b: { y: number; height: number }) => a.y < b.y + b.height && b.y < a.y + a.height;

async function addProject(app: Page, request: Parameters<typeof control>[0]): Promise<void> {
  const world = await demoWorld(app);
  const state = (await control(request, world, 'state')) as { targets: { luaauth: { projectIds: string[] } } };
  const { account } = await ipc(app, 'accounts:add', {
    label: 'Games',
    provider: 'luaauth',
    baseUrl: world.accounts.luaauth.baseUrl,
    key: DEMO_KEYS.luaauth,
    targets: [{ kind: 'project', id: state.targets.luaauth.projectIds[0]!, label: 'All games of the studio' }],
  });
  await fastPolling(app);
  await expect
    .poll(async () => (await ipc(app, 'app:snapshot')).accounts.find((a) => a.account.id === account.id)?.targets[0]?.children?.length ?? 0, { timeout: 30_000 })
    .toBeGreaterThan(1);
}

for (const size of [
  { name: 'panel', width: 420, height: 640 },
  { name: 'wide', width: 1200, height: 800 },
] as const) {
  test(`layout fits at ${size.width}×${size.height}: selects in their cards, Export CSV beside the ranges, save bar off the editor, poll boxes aligned`, async ({ app, request, expectErrors }) => {
    test.setTimeout(120_000);
    expectErrors(/^on screen: Enter a number from 0 to 10,000,000 users\.$/, /^on screen: Rule \d+, .*: Enter a number from 0 to 10,000,000 users\.$/);
    await app.setViewportSize({ width: size.width, height: size.height });
    await startDemo(app);
    await addProject(app, request);

    // Overview: the History series select with its longest option chosen stays inside the card.
    await nav(app, 'Overview').click();
    const history = app.getByRole('region', { name: 'History' }).or(app.locator('section[aria-labelledby="history-title"]')).first();
    const series = app.getByRole('combobox', { name: 'Chart series' });
    const labels = await series.locator('option').allTextContents();
    const longest = labels.reduce((a, b) => (b.length > a.length ? b : a));
    await series.selectOption({ label: longest });
    await series.scrollIntoViewIfNeeded();
    await shoot(app, `overview-history-${size.name}`);
    const card = await box(history);
    const sel = await box(series);
    expect(sel.x + sel.width).toBeLessThanOrEqual(card.x + card.width);
    if (size.name === 'wide') {
      const ranges = await box(app.getByRole('radiogroup', { name: 'Chart range' }));
      const exportCsv = await box(app.getByRole('button', { name: 'Export CSV' }));
      expect(overlap(ranges, exportCsv)).toBe(true);
    }

    // Alerts: a new rule watching the longest scope, with a bad value; its select stays in its card and
    // its buttons are never under the save bar, wherever it is scrolled.
    await nav(app, 'Alerts').click();
    await app.getByRole('button', { name: /^Add rule/ }).click();
    await app.getByRole('list', { name: 'Rule templates' }).getByRole('button', { name: /^Above N users/ }).click();
    const scope = app.getByRole('combobox', { name: /^Rule \d+ watches$/ }).last();
    const scopes = await scope.locator('option').allTextContents();
    await scope.selectOption({ label: scopes.reduce((a, b) => (b.length > a.length ? b : a)) });
    const editor = app.getByRole('listitem', { name: /^Rule \d+$/ }).filter({ has: scope });
    const value = editor.getByRole('spinbutton').first();
    await value.fill('-5');
    await expect(value).toHaveAttribute('aria-invalid', 'true');
    const done = editor.getByRole('button', { name: 'Done' });
    await done.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await shoot(app, `alerts-editor-${size.name}`);
    const rule = await box(editor);
    const sc = await box(scope);
    expect(sc.x + sc.width).toBeLessThanOrEqual(rule.x + rule.width);
    const bar = await box(app.getByRole('group', { name: 'Unsaved alert rules' }));
    for (const l of [done, editor.getByRole('button', { name: /^Remove rule/ }), editor.getByText('Enter a number from 0 to 10,000,000 users.').first()]) {
      expect(overlap(await box(l), bar), `${await l.textContent()} under the save bar`).toBe(false);
    }
    await app.getByRole('button', { name: 'Discard changes' }).click();

    // Settings: the three poll-interval boxes start at the same x.
    await nav(app, 'Settings').click();
    const xs = await Promise.all(['Junkie', 'LuaProt', 'LuaAuth'].map(async (p) => (await box(app.getByRole('spinbutton', { name: `${p} poll interval in seconds` }))).x));
    await shoot(app, `settings-${size.name}`);
    expect(Math.max(...xs) - Math.min(...xs)).toBeLessThan(1);
  });
}
