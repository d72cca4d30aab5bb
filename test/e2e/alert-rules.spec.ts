import { expectAccessibleInBothThemes } from './accessibility';
import { expect, ipc, nav, SCREENSHOTS, startDemo, test } from './fixtures';

for (const shape of [
  { name: 'panel', width: 420, height: 640 },
  { name: 'wide', width: 1200, height: 800 },
] as const) {
  test(`alert rules read as sentences, edit in place, keep unsaved edits across views, undo a removal (${shape.name})`, async ({ app, expectErrors }) => {
    expectErrors(
      /^on screen: Enter a number from 0 to 10,080 minutes\.$/,
      /^on screen: Rule 1, cooldown minutes: Enter a number from 0 to 10,080 minutes\.$/,
      /^on screen: Enter a time, e\.g\. 22:00\.$/,
    );
    await app.setViewportSize({ width: shape.width, height: shape.height });
    await startDemo(app);
    await nav(app, 'Alerts').click();
    const rows = app.getByRole('listitem', { name: /^Rule \d+$/ });
    // Demo mode: three accounts and the total, three default rules each.
    await expect(rows).toHaveCount(12);
    const first = app.getByRole('button', {
      name: 'Edit rule 1: Tell me when All accounts rises 50 % and 20 users within 10 min; then wait 30 min',
    });
    await expect(first).toBeVisible();
    // Twelve lines, not twelve forms (~2,500 px before): the list fits in about two panels at most.
    const list = app.locator('.rule-list');
    expect((await list.boundingBox())!.height).toBeLessThan(shape.name === 'panel' ? 1100 : 700);
    await app.getByRole('heading', { name: 'Alert rules' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await app.screenshot({ path: `${SCREENSHOTS}/alert-rules-sentences-${shape.name}.png` });

    // Enter opens that one rule in place, its first field focused.
    await first.focus();
    await app.keyboard.press('Enter');
    await expect(app.getByRole('combobox', { name: 'Rule 1 watches' })).toBeFocused();
    await expect(app.getByRole('combobox', { name: 'Rule 2 watches' })).toHaveCount(0);
    const cooldown = app.getByRole('spinbutton', { name: 'Rule 1 cooldown minutes' });
    await cooldown.fill('99999');
    // The error is at the field, in words, tied to it; Save waits for the fix.
    await expect(cooldown).toHaveAttribute('aria-invalid', 'true');
    await expect(cooldown).toHaveAccessibleDescription('Enter a number from 0 to 10,080 minutes.');
    await expect(app.getByRole('button', { name: 'Save rules' })).toBeDisabled();
    // A box holds its largest number ("10000000" users) beside the spin buttons, not "1000(".
    const room = await cooldown.evaluate((el: HTMLInputElement) => {
      const cs = getComputedStyle(el);
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = cs.font;
      const spinButtons = 16;
      return el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - spinButtons - ctx.measureText('10000000').width;
    });
    expect(room).toBeGreaterThanOrEqual(0);
    await cooldown.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await app.screenshot({ path: `${SCREENSHOTS}/alert-rule-editor-error-${shape.name}.png` });
    await cooldown.fill('45');
    await expect(cooldown).toHaveAttribute('aria-invalid', 'false');
    await expect(app.getByText('Enter a number from 0 to 10,080 minutes.')).toHaveCount(0);
    await app.getByRole('button', { name: 'Done' }).click();
    const edited = app.getByRole('button', { name: /^Edit rule 1: .*; then wait 45 min$/ });
    await expect(edited).toBeFocused();

    // Another view and back: the unsaved edit is still here, and says so.
    await nav(app, 'Overview').click();
    await nav(app, 'Alerts').click();
    await expect(edited).toBeVisible();
    await expect(app.getByRole('group', { name: 'Unsaved alert rules' })).toContainText('Unsaved changes');

    // Remove with undo.
    await app.getByRole('button', { name: 'Remove rule 2' }).click();
    const removed = app.getByRole('listitem', { name: 'Rule 2 removed' });
    await expect(removed).toContainText('Removed: Tell me when All accounts falls 60 %');
    await removed.getByRole('button', { name: 'Undo' }).click();
    await expect(app.getByRole('listitem', { name: 'Rule 2', exact: true })).toBeVisible();
    await app.getByRole('button', { name: 'Remove rule 3' }).click();

    // Add from a template: it opens in place.
    await app.getByRole('button', { name: 'Add rule' }).click();
    await app.getByRole('list', { name: 'Rule templates' }).getByRole('button', { name: /^Drops to zero/ }).click();
    await expect(app.getByRole('combobox', { name: 'Rule 13 watches' })).toBeFocused();
    await app.getByRole('button', { name: 'Done' }).click();
    await expect(app.getByRole('button', { name: 'Edit rule 13: Tell me when All accounts falls to zero within 10 min, from at least 5 users; then wait 30 min' })).toBeVisible();
    await expectAccessibleInBothThemes(app, `alert rules (${shape.name})`);

    await app.getByRole('button', { name: 'Save rules' }).click();
    await expect(app.getByRole('status').filter({ hasText: 'Alert rules saved.' })).toBeVisible();
    await expect(app.getByRole('group', { name: 'Unsaved alert rules' })).toHaveCount(0);
    // Quiet hours: an emptied time is said at its box, and Save waits for it.
    const start = app.getByLabel('Quiet hours start');
    await start.fill('');
    await expect(start).toHaveAccessibleDescription('Enter a time, e.g. 22:00.');
    await expect(app.getByRole('button', { name: 'Save quiet hours' })).toBeDisabled();
    await start.fill('22:30');
    await expect(start).toHaveAttribute('aria-invalid', 'false');
    await expect(app.getByRole('button', { name: 'Save quiet hours' })).toBeEnabled();

    const saved = (await ipc(app, 'alerts:get')).rules;
    expect(saved).toHaveLength(12);
    expect(saved[0]!.cooldownMinutes).toBe(45);
    expect(saved.some((r) => r.id === '*:all_time_high')).toBe(false);
    expect(saved.at(-1)!.spec).toEqual({ kind: 'drop', percent: 100, windowMinutes: 10, toZero: true, minUsers: 5 });
  });
}
