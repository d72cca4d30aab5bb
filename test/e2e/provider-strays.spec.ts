import { control, demoWorld, expect, fastPolling, startDemo, test } from './fixtures';

test('a provider that leaves fields out is still counted, and the account row says what it lacked', async ({ app, request }) => {
  await startDemo(app);
  await fastPolling(app);
  const world = await demoWorld(app);
  const status = app.getByRole('listitem', { name: 'Demo LuaProt status' });
  await control(request, world, 'stray', { provider: 'luaprot', modes: ['missing_fields', 'other_types'] });
  await app.getByRole('button', { name: 'Refresh Demo LuaProt now' }).click();
  const notes = app.getByRole('list', { name: 'Demo LuaProt read notes' });
  await expect(notes).toContainText(/LuaProt: \d+ sessions? lacked robloxUsername/, { timeout: 30_000 });
  await expect(status).toContainText('Live');
  await control(request, world, 'stray', { provider: 'luaprot', modes: [] });
  await app.getByRole('button', { name: 'Refresh Demo LuaProt now' }).click();
  await expect(notes).toBeHidden({ timeout: 30_000 });
});
