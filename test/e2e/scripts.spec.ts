import { control, demoWorld, expect, ipc, nav, startDemo, test } from './fixtures';

test('LuaAuth script: toggle applies at once, rolls back with the reason when refused; settings edit; executions chart', async ({ app, request, expectErrors }) => {
  // The 500 injected below: on the card and as an error notice.
  expectErrors(/^on screen: (.+ was not enabled: )?LuaAuth is unavailable \(HTTP 500\)/, /^on screen: A name is required\.$/);
  await startDemo(app);
  const world = await demoWorld(app);
  const account = world.accounts.luaauth;
  const scriptId = account.targets[0]!.id;
  await nav(app, 'Scripts').click();
  // The card is named after LuaAuth's own script name once loaded; read it only then.
  await expect(app.getByRole('listitem', { name: /^Script / }).first()).toContainText('executions');
  const name = (await app.getByRole('listitem', { name: /^Script / }).first().getAttribute('aria-label'))!.replace(/^Script /, '');
  const card = app.getByRole('listitem', { name: `Script ${name}`, exact: true });
  const toggle = card.getByRole('switch', { name: `${name} enabled` });
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await expect(card.getByRole('img', { name: new RegExp(`^Executions per day of ${name}`) })).toBeVisible();

  // Disabling asks first, with how many are live on the script (the last poll's count).
  await toggle.click();
  const ask = app.getByRole('alertdialog', { name: `Disable ${name}?` });
  await expect(ask).toContainText(/(\d[\d,]* users? (is|are) live on it right now|Nobody is live on it right now)/);
  await expect(ask.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(ask).toBeHidden();
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await toggle.click();
  await ask.getByRole('button', { name: 'Disable' }).click();
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await expect(card).toContainText('Disabled');
  await expect(app.getByRole('status').filter({ hasText: `${name} is now disabled.` })).toBeVisible();
  await expect.poll(async () => (await ipc(app, 'scripts:get', { accountId: account.id, scriptId })).enabled).toBe(false);

  // LuaAuth refuses (a 5xx here): the switch flips back and the reason is shown.
  await control(request, world, 'fault', { provider: 'luaauth', fault: { type: 'status', status: 500 } });
  await toggle.click();
  await expect(card.getByRole('alert')).toContainText(/LuaAuth/);
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await expect(app.getByRole('alert').filter({ hasText: `${name} was not enabled` })).toBeVisible();
  await control(request, world, 'clear', { provider: 'all' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await expect.poll(async () => (await ipc(app, 'scripts:get', { accountId: account.id, scriptId })).enabled).toBe(true);

  await card.getByRole('button', { name: `Edit settings of ${name}` }).click();
  const form = card.getByRole('form', { name: `Settings of ${name}` });
  // An emptied name is refused at the field.
  await form.getByLabel('Name').fill('');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(form.getByRole('alert')).toHaveText('A name is required.');
  await expect(form.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('Name').fill('Arena Pro');
  await expect(form.getByRole('alert')).toHaveCount(0);
  const freeForAll = form.getByRole('checkbox', { name: 'Free for all' });
  const wasFree = await freeForAll.isChecked();
  await freeForAll.setChecked(!wasFree);
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Saved Arena Pro.' })).toBeVisible();
  const after = await ipc(app, 'scripts:get', { accountId: account.id, scriptId });
  expect(after.name).toBe('Arena Pro');
  expect(after.freeForAll).toBe(!wasFree);
  await expect(app.getByRole('switch', { name: 'Arena Pro enabled' })).toBeVisible();
});
