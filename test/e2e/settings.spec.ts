import { expect, ipc, nav, startDemo, test } from './fixtures';

test('settings: bounded poll interval, launch at login, notifications, theme, shortcut', async ({ app, hooks, expectErrors }) => {
  expectErrors(/^on screen: Between 10 and 3600 seconds\.$/);
  await startDemo(app);
  await nav(app, 'Settings').click();
  const luaprot = app.getByRole('spinbutton', { name: 'LuaProt poll interval in seconds' });
  await luaprot.fill('3');
  await expect(app.getByText('Between 10 and 3600 seconds.')).toBeVisible();
  await luaprot.fill('45');
  await luaprot.press('Enter');
  await expect(app.getByRole('status').filter({ hasText: 'LuaProt polls every 45 s.' })).toBeVisible();
  expect((await ipc(app, 'settings:get')).pollIntervalSeconds.luaprot).toBe(45);

  await app.getByRole('checkbox', { name: 'Launch at login' }).check();
  await app.getByRole('checkbox', { name: 'Show notifications' }).uncheck();
  await expect.poll(async () => (await ipc(app, 'settings:get')).notifications).toBe(false);
  expect((await ipc(app, 'settings:get')).launchAtLogin).toBe(true);
  if (hooks.available) {
    const system = (await (await app.request.get('/__test/system')).json()) as { launchAtLogin: boolean };
    expect(system.launchAtLogin).toBe(true);
  }

  await app.getByRole('radio', { name: 'Dark' }).check();
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  const bg = await app.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).toBe('rgb(20, 22, 26)');
  await app.getByRole('radio', { name: 'Light' }).check();
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'light');

  // Recorded, not typed: press the keys.
  await app.getByRole('button', { name: /^Global shortcut / }).click();
  await app.keyboard.press('Control+Shift+P');
  await expect(app.getByRole('status').filter({ hasText: 'Shortcut set to Ctrl+Shift+P.' })).toBeVisible();
  expect((await ipc(app, 'settings:get')).globalShortcut).toBe('CommandOrControl+Shift+P');
});
