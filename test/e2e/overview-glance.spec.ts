import { startSimulator } from '../../src/main/simulator';
import { expectAccessibleInBothThemes } from './accessibility';
import { control, demoWorld, expect, ipc, nav, SCREENSHOTS, startDemo, test } from './fixtures';

const PANEL = { width: 420, height: 640 };
const WIDE = { width: 1200, height: 800 };

/*
 * The panel at a glance: total and provider totals (marked when they hold demo users), "what changed"
 * in the last hour (main's snapshot.glance), a header that stays one line with polling paused and demo
 * on; wide, the cards in columns with the glance beside them and a taller chart.
 */
test('the glance lists the target that moved and the alert it raised; the header stays one line; wide is a grid', async ({ app, request, expectErrors }) => {
  expectErrors(/^on screen: LuaProt refused access\./);
  await startDemo(app);
  const world = await demoWorld(app);
  const snapshot = await ipc(app, 'app:snapshot');
  const junkie = snapshot.accounts.find((a) => a.account.id === world.accounts.junkie.id)!;
  const script = junkie.targets[0]!;
  await ipc(app, 'alerts:setRules', {
    rules: [{ id: 'glance-e2e', scope: { type: 'target', accountId: junkie.account.id, targetId: script.id }, spec: { kind: 'threshold', value: 500, hysteresis: 5, direction: 'up' }, enabled: true, cooldownMinutes: 0 }],
  });
  await control(request, world, 'population', { provider: 'junkie', targetId: script.id, count: 900 });
  await app.getByRole('button', { name: 'Refresh now' }).click();
  const glance = app.getByRole('region', { name: /What changed/ });
  // The biggest move first, in words: which target, which account (a demo one), from what to what.
  await expect(glance.getByRole('button').first()).toHaveAccessibleName(new RegExp(`^${script.label} \\(Demo Junkie, demo\\): up [\\d,]+, from [\\d,]+ to 900$`));
  await expect(glance.getByRole('listitem').filter({ hasText: `${script.label} (Demo Junkie)` }).filter({ hasText: "Users reached 500 (now 900)" }).first()).toBeVisible();
  // Totals with demo users in them say so.
  await expect(app.getByRole('region', { name: 'Live totals' }).getByText('Demo', { exact: true }).first()).toBeVisible();
  await expect(app.getByLabel('Junkie total includes demo users')).toBeVisible();

  // Paused and demo at 420 px, with an account refused (its problem mark) and alerts paused (their
  // mark): the header is still one line, every button in it.
  await control(request, world, 'stray', { provider: 'luaprot', modes: ['ip_not_whitelisted'] });
  await app.getByRole('button', { name: 'Refresh Demo LuaProt now' }).click();
  const header = app.getByRole('banner');
  await expect(header.getByRole('button', { name: '1 account needs attention' })).toBeVisible({ timeout: 30_000 });
  await ipc(app, 'alerts:pause', { minutes: 60 });
  await expect(header.getByRole('button', { name: /^Alerts paused until / })).toBeVisible();
  await app.getByRole('button', { name: 'Pause polling' }).click();
  await expect(header.getByText('Paused')).toBeVisible();
  await expect(header.getByText('Demo', { exact: true })).toBeVisible();
  const headerBox = (await header.boundingBox())!;
  for (const name of ['1 account needs attention', /^Alerts paused until /, 'Refresh now', 'Resume polling', 'Detach window', 'Hide panel']) {
    const box = (await header.getByRole('button', { name }).boundingBox())!;
    expect(box.y + box.height, `${name} inside the one-line header`).toBeLessThanOrEqual(headerBox.y + headerBox.height);
    expect(box.x + box.width, `${name} inside the panel`).toBeLessThanOrEqual(PANEL.width);
  }
  expect(headerBox.height, 'one line').toBeLessThan(48);

  // The glance is the first thing under the totals in the panel.
  await app.getByRole('main').evaluate((el) => el.scrollTo(0, 0));
  await app.screenshot({ path: `${SCREENSHOTS}/overview-glance.png` });
  await expectAccessibleInBothThemes(app, 'overview glance, panel, paused');

  // Wide: the glance column beside the cards, cards in several columns, a taller chart.
  await app.setViewportSize(WIDE);
  const side = (await app.locator('.overview-side').boundingBox())!;
  const main = (await app.locator('.overview-main').boundingBox())!;
  expect(side.x, 'glance beside the cards').toBeGreaterThan(main.x + main.width - 1);
  const cards = app.getByRole('button', { name: /open sessions$/ });
  const tops = await Promise.all([0, 1, 2].map(async (i) => (await cards.nth(i).boundingBox())!.y));
  expect(new Set(tops.map(Math.round)).size, 'three cards on one row').toBe(1);
  const canvas = (await app.locator('.overview-main .chart-canvas').boundingBox())!;
  expect(canvas.height, 'a taller chart').toBeGreaterThanOrEqual(280);
  // The taller chart is a new plot: it still has its points (the readout answers the pointer).
  await app.locator('.overview-main .chart-canvas').hover({ position: { x: canvas.width / 2, y: canvas.height / 2 } });
  await expect(app.locator('.overview-main .chart-readout')).toHaveText(/ users/);
  await app.screenshot({ path: `${SCREENSHOTS}/overview-glance-wide.png` });
  await expectAccessibleInBothThemes(app, 'overview glance, wide, paused');
  await app.getByRole('button', { name: 'Resume polling' }).click();
  await expect(header.getByText('Paused')).toHaveCount(0);
});

test('demo kept apart: Try demo from the welcome screen, badges, and the offer to turn demo off once a real account exists', async ({ app }) => {
  // A separate simulator stands in for a real provider, so turning demo off leaves the real account working.
  const real = await startSimulator({});
  try {
    for (const size of [PANEL, WIDE]) {
      await app.setViewportSize(size);
      await ipc(app, 'demo:set', { enabled: false });
      for (const a of (await ipc(app, 'accounts:list')).filter((x) => !x.demo)) await ipc(app, 'accounts:remove', { id: a.id });
      await nav(app, 'Overview').click();
      await expect(app.getByRole('heading', { name: 'Welcome to Pulsebar' })).toBeVisible();
      await app.getByRole('button', { name: 'Try demo' }).click();
      await expect(app.getByLabel('Live total', { exact: true })).toHaveText(/^[1-9][\d,]*$/, { timeout: 30_000 });
      await expect(app.getByRole('banner').getByText('Demo', { exact: true })).toBeVisible();
      await expect(app.getByRole('region', { name: 'Demo mode is still on' })).toHaveCount(0);

      // The first real account while demo is on: the window offers to turn demo off.
      await ipc(app, 'accounts:add', { label: 'My Junkie', provider: 'junkie', baseUrl: real.urls.junkie, key: real.keys.junkie, targets: [], autoTargets: true });
      const offer = app.getByRole('region', { name: 'Demo mode is still on' });
      await expect(offer).toBeVisible();
      await expect(offer).toContainText('add simulated users to your real ones');
      // Demo accounts are badged; the real one is not.
      await expect(app.getByRole('listitem', { name: 'Demo Junkie status' }).getByText('Demo', { exact: true })).toBeVisible();
      await expect(app.getByRole('listitem', { name: 'My Junkie status' })).toBeVisible();
      await expect(app.getByRole('listitem', { name: 'My Junkie status' }).getByText('Demo', { exact: true })).toHaveCount(0);
      const wide = size === WIDE;
      await app.getByRole('main').evaluate((el) => el.scrollTo(0, 0));
      await app.screenshot({ path: `${SCREENSHOTS}/demo-offer${wide ? '-wide' : ''}.png` });
      await expectAccessibleInBothThemes(app, `demo offer, ${wide ? 'wide' : 'panel'}`);
      if (!wide) {
        // "Keep demo on" hides the offer; the badges stay.
        await offer.getByRole('button', { name: 'Keep demo on' }).click();
        await expect(offer).toHaveCount(0);
        await expect(app.getByRole('region', { name: 'Live totals' }).getByText('Demo', { exact: true }).first()).toBeVisible();
        await expect((await ipc(app, 'app:snapshot')).demo).toBe(true);
      } else {
        await offer.getByRole('button', { name: 'Turn demo off' }).click();
        await expect(offer).toHaveCount(0);
        await expect.poll(async () => (await ipc(app, 'app:snapshot')).demo).toBe(false);
        await expect(app.getByRole('status').filter({ hasText: 'Demo mode is off' })).toBeVisible();
        // Only the real account counts now, and no total is marked Demo.
        await expect(app.getByRole('listitem', { name: 'Demo Junkie status' })).toHaveCount(0);
        await expect(app.getByRole('region', { name: 'Live totals' }).getByText('Demo', { exact: true })).toHaveCount(0);
        await expect(app.getByLabel('Live total', { exact: true })).toHaveText(/^[\d,]+$/);
      }
    }
  } finally {
    for (const a of (await ipc(app, 'accounts:list')).filter((x) => !x.demo)) await ipc(app, 'accounts:remove', { id: a.id });
    await real.close();
  }
});
