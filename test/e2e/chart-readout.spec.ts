/** The history chart reads out the point under the pointer: its time and value. */
import { expect, nav, startDemo, test } from './fixtures';

test('hovering the history chart shows the time and value under the pointer', async ({ app }) => {
  await startDemo(app);
  await nav(app, 'Insights').click();
  const canvas = app.locator('.chart-canvas').first();
  await canvas.scrollIntoViewIfNeeded();
  await expect(canvas).toBeVisible();
  const box = (await canvas.boundingBox())!;
  await app.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5);
  await expect(app.locator('.chart-readout').first()).toHaveText(/ · [\d,.\s]+ users/);
  await app.mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.5);
  await expect(app.locator('.chart-readout').first()).toBeVisible();
});
