import { expectAccessibleInBothThemes } from './accessibility';
import { expect, nav, SCREENSHOTS, startDemo, test } from './fixtures';

for (const shape of [
  { name: 'panel', width: 420, height: 640 },
  { name: 'wide', width: 1200, height: 800 },
] as const) {
  test(`account form: a refusal is said at the field it names, in words, and cleared once edited (${shape.name})`, async ({ app, expectErrors }) => {
    expectErrors(/^on screen: The base URL must use https:\/\//, /^on screen: The API key contains spaces/);
    await app.setViewportSize({ width: shape.width, height: shape.height });
    await startDemo(app);
    await nav(app, 'Accounts').click();
    await app.getByRole('button', { name: 'Add account' }).click();
    const form = app.getByRole('form', { name: 'Add an account' });
    const baseUrl = form.getByRole('textbox', { name: 'Base URL (optional)' });
    const key = form.getByLabel('API key');
    await baseUrl.fill('http://example.com/api');
    await key.fill('abc def');
    await form.getByRole('button', { name: 'Test connection' }).click();

    // At the Base URL box, main's own words without "Invalid accounts:test request: baseUrl:".
    await expect(baseUrl).toHaveAttribute('aria-invalid', 'true');
    await expect(baseUrl).toHaveAccessibleDescription(/^The base URL must use https:\/\/ so the API key is encrypted in transit/);
    await expect(form).not.toContainText('Invalid accounts');
    await baseUrl.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await app.screenshot({ path: `${SCREENSHOTS}/account-form-field-error-${shape.name}.png` });
    await expectAccessibleInBothThemes(app, `account form with a field error (${shape.name})`);

    // Edited: gone at once. The next refusal lands at the key.
    await baseUrl.fill('https://example.com/api');
    await expect(baseUrl).not.toHaveAttribute('aria-invalid');
    await expect(form.getByRole('alert')).toHaveCount(0);
    await form.getByRole('button', { name: 'Test connection' }).click();
    await expect(key).toHaveAttribute('aria-invalid', 'true');
    await expect(key).toHaveAccessibleDescription(/^The API key contains spaces, line breaks or characters a key cannot have/);
    await key.fill('abcdef');
    await expect(key).not.toHaveAttribute('aria-invalid');
  });
}
