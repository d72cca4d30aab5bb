/**
 * Insights in demo mode (90 days of made-up history): peaks, the same-hour comparisons and a full
 * 7 × 24 heatmap, at the panel size and wide, with axe; and the history chart's CSV export.
 */
import { readFile } from 'node:fs/promises';
import { expectAccessibleInBothThemes } from './accessibility';
import { expect, nav, SCREENSHOTS, startDemo, test } from './fixtures';

test('Insights in demo mode: peaks, comparisons and a full heatmap, at both sizes', async ({ app }) => {
  await startDemo(app);
  await nav(app, 'Insights').click();
  for (const peak of ['Peak today', 'Peak 7 days', 'Peak 30 days', 'Peak 90 days']) {
    await expect(app.getByRole('listitem', { name: peak })).toHaveText(new RegExp(`^${peak}[\\d,. ]*\\d.*\\d`));
  }
  await expect(app.getByRole('group', { name: 'Same hour last week' })).toContainText(/this hour [+−±]\d+ %/);
  const table = app.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(8);
  // Full: every one of the 168 hours of the week has data, none says "no data".
  await expect(table.getByRole('cell').filter({ hasText: /users on average$/ })).toHaveCount(168);
  await expect(table.getByRole('cell').filter({ hasText: /no data$/ })).toHaveCount(0);
  await expectAccessibleInBothThemes(app, 'Insights (panel)');
  await app.screenshot({ path: `${SCREENSHOTS}/insights.png` });

  // Another series, by its real name: the view asks again and still fills the heatmap.
  const picker = app.getByRole('combobox', { name: 'Series' });
  const option = picker.getByRole('option', { name: /^Demo hub 1 · / });
  await picker.selectOption({ label: (await option.first().textContent())!.trim() });
  await expect(table.getByRole('cell').filter({ hasText: /users on average$/ })).toHaveCount(168);

  await app.setViewportSize({ width: 1200, height: 800 });
  await picker.selectOption({ label: 'All accounts' });
  // Wide, the heatmap uses the width: no sideways scrolling.
  const scroller = app.getByRole('region', { name: /^Heatmap/ });
  expect(await scroller.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  expect((await table.boundingBox())!.width).toBeGreaterThan(700);
  await expectAccessibleInBothThemes(app, 'Insights (wide)');
  await app.screenshot({ path: `${SCREENSHOTS}/insights-wide.png` });
});

test('Export CSV downloads the shown series and range in the CLI format', async ({ app }) => {
  await startDemo(app);
  await nav(app, 'Insights').click();
  await app.getByRole('radio', { name: 'Last 30 d' }).click();
  await expect(app.getByRole('img', { name: /over 30d: [1-9]\d* points/ })).toBeVisible();
  const [download] = await Promise.all([app.waitForEvent('download'), app.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^pulsebar-all-accounts-30d-[\d-]+\.csv$/);
  const text = await readFile((await download.path())!, 'utf8');
  const lines = text.trim().split('\n');
  expect(lines[0]).toBe('time,users,min,max');
  expect(lines.length).toBeGreaterThan(24 * 7);
  expect(lines[1]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z,\d+(\.\d)?,\d*,\d*$/);
});
