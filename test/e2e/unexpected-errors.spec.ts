/**
 * The error watch itself (unexpected-errors.ts): it must fail a spec that shows an undeclared error
 * on screen or logs one to the console, and let a declared one through. `test.fail()` marks the
 * specs that must end failed: if the watch missed the error they would pass, and be reported.
 */
import { expect, nav, test } from './fixtures';

test('an undeclared error on screen fails the spec', async ({ app }) => {
  test.fail();
  await nav(app, 'Settings').click();
  await app.getByRole('spinbutton', { name: 'LuaProt poll interval in seconds' }).fill('3');
  await expect(app.getByText('Between 10 and 3600 seconds.')).toBeVisible();
});

test('an undeclared console error fails the spec', async ({ app }) => {
  test.fail();
  await app.evaluate(() => console.error('something broke'));
});

test('an error that appears and goes away again still fails the spec', async ({ app }) => {
  test.fail();
  await nav(app, 'Settings').click();
  const box = app.getByRole('spinbutton', { name: 'LuaProt poll interval in seconds' });
  await box.fill('3');
  await expect(app.getByText('Between 10 and 3600 seconds.')).toBeVisible();
  await box.fill('60');
  await expect(app.getByText('Between 10 and 3600 seconds.')).toBeHidden();
});

test('a declared error passes', async ({ app, expectErrors }) => {
  expectErrors(/^on screen: Between 10 and 3600 seconds\.$/, /^console error: something broke/);
  await nav(app, 'Settings').click();
  await app.getByRole('spinbutton', { name: 'LuaProt poll interval in seconds' }).fill('3');
  await expect(app.getByText('Between 10 and 3600 seconds.')).toBeVisible();
  await app.evaluate(() => console.error('something broke'));
});
