import { DEMO_KEYS } from '../../src/main/simulator/config';
import { expectNoA11yViolations } from './accessibility';
import { control, demoWorld, expect, fastPolling, ipc, nav, startDemo, test } from './fixtures';

/*
 * A LuaAuth project target expands into its scripts: a card per script under the project (named by
 * LuaAuth), a session list per script (the project offers its scripts), a Scripts card and an alert scope.
 */
test('LuaAuth project: its scripts get cards under it, open their sessions, show in Scripts and alert scopes', async ({ app, request }) => {
  await startDemo(app);
  const world = await demoWorld(app);
  const state = (await control(request, world, 'state')) as { targets: { luaauth: { projectIds: string[] } } };
  const projectId = state.targets.luaauth.projectIds[0]!;
  const { account } = await ipc(app, 'accounts:add', {
    label: 'Games',
    provider: 'luaauth',
    baseUrl: world.accounts.luaauth.baseUrl,
    key: DEMO_KEYS.luaauth,
    targets: [{ kind: 'project', id: projectId, label: 'All games' }],
  });
  await fastPolling(app);
  // The scripts and their names as LuaAuth gives them, once the project was read.
  await expect
    .poll(async () => (await ipc(app, 'app:snapshot')).accounts.find((a) => a.account.id === account.id)?.targets[0]?.children?.length ?? 0, {
      timeout: 30_000,
    })
    .toBeGreaterThan(1);
  const project = (await ipc(app, 'app:snapshot')).accounts.find((a) => a.account.id === account.id)!.targets[0]!;
  const script = project.children![1]!;
  expect(script.label).not.toMatch(/^Script /);
  const name = script.label;

  await nav(app, 'Overview').click();
  const card = app.getByRole('button', { name: new RegExp(`^${escape(name)}: [\\d,]+ live, open sessions$`) });
  await expect(card).toBeVisible();
  // The card's kind line sits beside its open button (the card also holds a rename button).
  await expect(app.getByRole('listitem').filter({ has: card })).toContainText('Script in All games · Games');
  await expect(app.getByRole('button', { name: /^All games: [\d,]+ live, open sessions$/ })).toBeVisible();
  await expectNoA11yViolations(app, 'Overview with a project and its scripts');

  // The script's card opens its own sessions.
  await card.click();
  const picker = app.getByRole('combobox', { name: 'Target' });
  await expect(picker.locator('option:checked')).toHaveText(`${name} in All games · Games (LuaAuth)`);
  await expect(app.getByRole('list', { name: /^Sessions, \d+ shown$/ })).toBeVisible();
  // The project itself is not offered (it has no list of its own): its scripts are.
  await expect(picker.getByRole('option', { name: /^All games · / })).toHaveCount(0);
  // Opening the project's card shows its first script's sessions instead of an error.
  await nav(app, 'Overview').click();
  await app.getByRole('button', { name: /^All games: [\d,]+ live, open sessions$/ }).click();
  await expect(picker.locator('option:checked')).toHaveText(`${project.children![0]!.label} in All games · Games (LuaAuth)`);

  await nav(app, 'Scripts').click();
  // Demo mode watches the same scripts in its own account: each card then names its account.
  await expect(app.getByRole('switch', { name: `${name} (Games) enabled`, exact: true })).toBeVisible({ timeout: 15_000 });

  await nav(app, 'Alerts').click();
  await app.getByRole('button', { name: /^Add rule/ }).click();
  await app.getByRole('list', { name: 'Rule templates' }).getByRole('button', { name: /^Spike/ }).click();
  const scope = app.getByRole('combobox', { name: /^Rule \d+ watches$/ }).last();
  await expect(scope.getByRole('option', { name: `${name} in All games · Games` })).toHaveCount(1);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
