import { control, demoWorld, expect, fastPolling, ipc, SCREENSHOTS, startDemo, test } from './fixtures';

test('first run starts in demo mode with live numbers, account health and charts', async ({ app }) => {
  // A fresh core with no accounts is a first run: demo accounts appear without any setup.
  await expect(app.getByText('Demo', { exact: true }).first()).toBeVisible();
  await startDemo(app);
  for (const label of ['Demo Junkie', 'Demo LuaProt', 'Demo LuaAuth']) {
    await expect(app.getByRole('listitem', { name: `${label} status` })).toContainText('Live');
  }
  await expect(app.getByRole('list').filter({ has: app.getByRole('button', { name: /open sessions/ }) }).getByRole('listitem')).not.toHaveCount(0);
  // Provider totals sum to the grand total.
  const total = Number((await app.getByLabel('Live total', { exact: true }).textContent())!.replace(/,/g, ''));
  let sum = 0;
  for (const p of ['Junkie', 'LuaProt', 'LuaAuth']) sum += Number((await app.getByLabel(`${p} total`, { exact: true }).textContent())!.replace(/,/g, ''));
  expect(sum).toBe(total);
  // History chart with its range switch.
  await app.getByRole('radio', { name: 'Last 24 h' }).click();
  await expect(app.getByRole('radio', { name: 'Last 24 h' })).toHaveAttribute('aria-checked', 'true');
  await app.getByRole('radio', { name: 'Last 1 h' }).click();
  await expect(app.getByRole('img', { name: /over 1h: \d+ points/ })).toBeVisible();

  // A few polls so sparklines and the chart have a shape, then the panel from the top, and detached.
  await fastPolling(app);
  const first = (await ipc(app, 'app:snapshot')).at;
  await expect.poll(async () => (await ipc(app, 'app:snapshot')).at - first, { timeout: 60_000, intervals: [1000] }).toBeGreaterThan(25_000);
  await app.getByRole('main').evaluate((el) => el.scrollTo(0, 0));
  await app.screenshot({ path: `${SCREENSHOTS}/overview.png` });
  await app.setViewportSize({ width: 960, height: 900 });
  await app.screenshot({ path: `${SCREENSHOTS}/overview-wide.png` });
});

test('live counts update in place as the population changes', async ({ app, request }) => {
  await startDemo(app);
  await fastPolling(app);
  const world = await demoWorld(app);
  const junkie = world.accounts.junkie;
  const snapshot = await ipc(app, 'app:snapshot');
  const script = snapshot.accounts.find((a) => a.account.id === junkie.id)!.targets[0]!;
  await control(request, world, 'population', { provider: 'junkie', targetId: script.id, count: 777 });
  await app.getByRole('button', { name: 'Refresh now' }).click();
  const card = app.getByRole('button', { name: new RegExp(`^${script.label}: .* live, open sessions$`) });
  await expect(card).toHaveAccessibleName(`${script.label}: 777 live, open sessions`);
  await expect(app.getByLabel('Demo Junkie live total')).toHaveText(/^[\d,]+$/);
});
