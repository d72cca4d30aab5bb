import { control, demoWorld, expect, fastPolling, ipc, nav, SCREENSHOTS, startDemo, test } from './fixtures';

test('a rule from the editor turns a scripted spike into one recorded notification and a history entry', async ({ app, request, hooks }) => {
  hooks.require();
  await startDemo(app);
  await fastPolling(app);
  const world = await demoWorld(app);
  const snapshot = await ipc(app, 'app:snapshot');
  const junkie = snapshot.accounts.find((a) => a.account.id === world.accounts.junkie.id)!;
  const target = junkie.targets[0]!;
  const threshold = (target.count ?? 0) + 200;

  await nav(app, 'Alerts').click();
  const rules = app.getByRole('list').filter({ has: app.getByRole('listitem', { name: /^Rule \d+$/ }) });
  const existing = await app.getByRole('listitem', { name: /^Rule \d+$/ }).count();
  await app.getByRole('button', { name: 'Add rule' }).click();
  await app.getByRole('list', { name: 'Rule templates' }).getByRole('button', { name: /^Above N users/ }).click();
  const n = existing + 1;
  const rule = app.getByRole('listitem', { name: `Rule ${n}`, exact: true });
  await rule.getByRole('combobox', { name: `Rule ${n} watches` }).selectOption({ label: `${target.label} · ${junkie.account.label}` });
  await rule.getByRole('combobox', { name: `Rule ${n} kind` }).selectOption('threshold');
  await rule.getByRole('spinbutton', { name: `Rule ${n} threshold value` }).fill(String(threshold));
  await rule.getByRole('spinbutton', { name: `Rule ${n} cooldown minutes` }).fill('5');
  await expect(rules).toBeVisible();
  // Shown detached (wide), where the rules editor has room; the panel size comes back after.
  await app.setViewportSize({ width: 960, height: 700 });
  await rule.scrollIntoViewIfNeeded();
  await app.screenshot({ path: `${SCREENSHOTS}/alert-rules.png` });
  await app.setViewportSize({ width: 420, height: 640 });
  await app.getByRole('button', { name: 'Save rules' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Alert rules saved.' })).toBeVisible();
  const saved = await ipc(app, 'alerts:get');
  expect(saved.rules.some((r) => r.spec.kind === 'threshold' && r.spec.value === threshold)).toBe(true);

  // One ordinary poll first, so the new rule learns which side of the threshold the count is on.
  const at = (await ipc(app, 'app:snapshot')).at;
  await app.getByRole('button', { name: 'Refresh now' }).click();
  await expect.poll(async () => (await ipc(app, 'app:snapshot')).at, { timeout: 30_000 }).toBeGreaterThan(at);

  const before = (await hooks.notifications()).length;
  // The spike: the simulator's population of that script jumps well past the threshold.
  await control(request, world, 'population', { provider: 'junkie', targetId: target.id, count: threshold + 300 });
  await app.getByRole('button', { name: 'Refresh now' }).click();
  await expect
    .poll(async () => (await hooks.notifications()).slice(before).map((x) => `${x.title} ${x.body}`).join('\n'), { timeout: 30_000 })
    .toContain(String(threshold));
  const fired = (await hooks.notifications()).slice(before);
  expect(fired).toHaveLength(1);
  // The window heard it too: a notice, and the alert history.
  await expect(app.getByRole('list', { name: 'Alert history' })).toContainText(target.label);

  // Another poll at the same level must not notify again.
  await app.getByRole('button', { name: 'Refresh now' }).click();
  await app.waitForTimeout(1500);
  expect((await hooks.notifications()).slice(before)).toHaveLength(1);
});

test('quiet hours and pause for an hour', async ({ app }) => {
  await startDemo(app);
  await nav(app, 'Alerts').click();
  await app.getByRole('button', { name: 'Pause alerts for 1 hour' }).click();
  await expect(app.getByText(/^Paused until /)).toBeVisible();
  const paused = await ipc(app, 'alerts:get');
  expect(paused.pausedUntil! - Date.now()).toBeGreaterThan(55 * 60_000);
  await app.getByRole('button', { name: 'Resume alerts' }).click();
  await expect(app.getByText('Active', { exact: true })).toBeVisible();

  const quiet = app.getByRole('form', { name: 'Quiet hours' });
  await quiet.getByRole('checkbox', { name: 'Quiet hours' }).check();
  await quiet.getByLabel('Quiet hours start').fill('22:30');
  await quiet.getByLabel('Quiet hours end').fill('07:15');
  await quiet.getByRole('button', { name: 'Save quiet hours' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Quiet hours saved.' })).toBeVisible();
  expect((await ipc(app, 'alerts:get')).quietHours).toEqual({ enabled: true, start: '22:30', end: '07:15' });
});
