import { expectAccessibleInBothThemes } from './accessibility';
import { expect, ipc, SCREENSHOTS, startDemo, test } from './fixtures';

const PANEL = { width: 420, height: 640 };
const WIDE = { width: 1200, height: 800 };

/*
 * Charts you can read: the peak marked (and said under the chart), colours that follow a theme change
 * without a reload, sparklines across the whole card, and no "▶" for a steady trend.
 */
test('the chart marks its peak and follows a live theme change; sparklines span their cards', async ({ app }) => {
  await startDemo(app);
  for (const size of [PANEL, WIDE]) {
    await app.setViewportSize(size);
    const wide = size === WIDE;
    const chart = app.locator('.overview-main .chart');
    await chart.scrollIntoViewIfNeeded();
    // The peak said under the chart is the highest point of the series shown.
    const points = await ipc(app, 'monitor:history', { series: { type: 'total' }, range: '1h' });
    const peak = Math.round(Math.max(...points.map((p) => p.v)));
    await expect(chart.locator('.chart-peak')).toHaveText(new RegExp(`^Peak ${peak.toLocaleString('en-US')} at `));

    // Theme switched in settings: the chart redraws in the new theme's accent, no reload.
    const canvas = chart.locator('.chart-canvas');
    const accent = () => app.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim());
    await ipc(app, 'settings:update', { theme: 'dark' });
    await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(canvas).toHaveAttribute('data-stroke', await accent());
    await expect(canvas).toHaveAttribute('data-stroke', '#5b8cff');
    await app.screenshot({ path: `${SCREENSHOTS}/overview-chart-dark${wide ? '-wide' : ''}.png` });
    await ipc(app, 'settings:update', { theme: 'light' });
    await expect(canvas).toHaveAttribute('data-stroke', '#2558d0');
    await ipc(app, 'settings:update', { theme: 'system' });

    // Each sparkline spans its card (less the card's padding).
    const card = app.getByRole('listitem').filter({ has: app.getByRole('button', { name: /open sessions$/ }) }).first();
    const cardBox = (await card.boundingBox())!;
    const sparkBox = (await card.locator('svg.sparkline').boundingBox())!;
    expect(sparkBox.width, 'sparkline across the card').toBeGreaterThan(cardBox.width - 24);
    // A steady trend is "±0", nothing that looks like a play button.
    await expect(app.getByRole('main')).not.toContainText('▶');
    await app.getByRole('main').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await app.screenshot({ path: `${SCREENSHOTS}/overview-chart${wide ? '-wide' : ''}.png` });
    await expectAccessibleInBothThemes(app, `overview chart, ${wide ? 'wide' : 'panel'}`);
  }
});
