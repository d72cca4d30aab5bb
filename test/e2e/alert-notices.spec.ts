import { expectAccessibleInBothThemes } from './accessibility';
import { control, demoWorld, expect, fastPolling, ipc, SCREENSHOTS, startDemo, test } from './fixtures';

for (const shape of [
  { name: 'panel', width: 420, height: 640 },
  { name: 'wide', width: 1200, height: 800 },
] as const) {
  test(`one spike that trips several rules of one scope is one notice and one notification (${shape.name})`, async ({ app, request, hooks }) => {
    hooks.require();
    await app.setViewportSize({ width: shape.width, height: shape.height });
    await startDemo(app);
    await fastPolling(app);
    const world = await demoWorld(app);
    const snapshot = await ipc(app, 'app:snapshot');
    const junkie = snapshot.accounts.find((a) => a.account.id === world.accounts.junkie.id)!;
    const target = junkie.targets[0]!;
    const threshold = (target.count ?? 0) + 200;
    const scope = { type: 'target' as const, accountId: junkie.account.id, targetId: target.id };
    await ipc(app, 'alerts:setRules', {
      rules: [
        { id: 'above', scope, spec: { kind: 'threshold', value: threshold, hysteresis: 5, direction: 'up' }, enabled: true, cooldownMinutes: 30 },
        { id: 'rise', scope, spec: { kind: 'rise', percent: 20, minUsers: 20, windowMinutes: 10 }, enabled: true, cooldownMinutes: 30 },
      ],
    });
    // One ordinary poll first, so the threshold rule learns which side the count is on.
    const at = (await ipc(app, 'app:snapshot')).at;
    await app.getByRole('button', { name: 'Refresh now' }).click();
    await expect.poll(async () => (await ipc(app, 'app:snapshot')).at, { timeout: 30_000 }).toBeGreaterThan(at);

    const before = (await hooks.notifications()).length;
    await control(request, world, 'population', { provider: 'junkie', targetId: target.id, count: threshold + 300 });
    await app.getByRole('button', { name: 'Refresh now' }).click();
    await expect.poll(async () => (await hooks.notifications()).length - before, { timeout: 30_000 }).toBeGreaterThan(0);
    const fired = (await hooks.notifications()).slice(before);
    expect(fired).toHaveLength(1);
    // Both rules are in the log, but the OS and the window were told once, naming the other rule briefly.
    const log = await ipc(app, 'alerts:log');
    expect(log.filter((e) => e.scope.type === 'target' && e.scope.targetId === target.id).map((e) => e.kind).sort()).toEqual(['rise', 'threshold']);
    expect(fired[0]!.body).toMatch(/\(also: (a rise|above \d+)\)$/);
    const notices = app.getByRole('list', { name: 'Notices' }).getByRole('status').filter({ hasText: target.label });
    await expect(notices).toHaveCount(1);
    await expect(notices).toContainText('(also: ');
    await app.screenshot({ path: `${SCREENSHOTS}/alert-one-notice-${shape.name}.png` });
    await expectAccessibleInBothThemes(app, `one alert notice (${shape.name})`);
  });
}
