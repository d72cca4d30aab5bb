import type { Page } from '@playwright/test';
import { expectAccessibleInBothThemes } from './accessibility';
import { control, demoWorld, expect, ipc, nav, startDemo, test, type DemoWorld } from './fixtures';

interface SentMessage {
  provider: string;
  sessionIds: string[];
  handler?: string;
}

/** A LuaAuth script built for grouping: two games, and one key on two Roblox accounts at once. */
const POPULATION = [
  { placeId: '1110000001', jobId: 'job-a', userKey: 'KEYSHARED0000000000000001', robloxId: '1001' },
  { placeId: '1110000001', jobId: 'job-a', userKey: 'KEYSHARED0000000000000001', robloxId: '1002' },
  { placeId: '1110000001', jobId: 'job-b', userKey: 'KEYALONE00000000000000001', robloxId: '1003' },
  { placeId: '2220000002', jobId: 'job-c', userKey: 'KEYTWICE00000000000000001', robloxId: '1004' },
  { placeId: '2220000002', jobId: 'job-c', userKey: 'KEYTWICE00000000000000001', robloxId: '1004' },
];

async function openGrouped(app: Page, world: DemoWorld): Promise<string> {
  const scriptId = world.accounts.luaauth.targets[0]!.id;
  await control(app.request, world, 'sessions', { provider: 'luaauth', targetId: scriptId, sessions: POPULATION });
  await nav(app, 'Sessions').click();
  const picker = app.getByRole('combobox', { name: 'Target' });
  const option = picker.getByRole('option', { name: /^Demo script 1 · / });
  await picker.selectOption({ label: (await option.first().textContent())!.trim() });
  return scriptId;
}

test('LuaAuth: sessions grouped by game and server, with a count per group', async ({ app }) => {
  await startDemo(app);
  const world = await demoWorld(app);
  await openGrouped(app, world);
  await app.getByRole('combobox', { name: 'Group by' }).selectOption('game');
  const games = app.getByRole('list', { name: 'Sessions by game' });
  await expect(games.getByRole('button')).toHaveText([/Place 1110000001\s*3/, /Place 2220000002\s*2/]);
  await expect(app.getByText('5 live sessions grouped.')).toBeVisible();
  await expectAccessibleInBothThemes(app, 'Sessions grouped by game');

  await games.getByRole('button', { name: 'Place 2220000002: 2 sessions' }).click();
  await expect(app.getByText('Place 2220000002: 2 sessions')).toBeVisible();
  await expect(app.getByRole('button', { name: 'Message these 2' })).toBeEnabled();
  await app.getByRole('button', { name: '← All groups' }).click();

  await app.getByRole('combobox', { name: 'Group by' }).selectOption('server');
  await expect(app.getByRole('list', { name: 'Sessions by server' }).getByRole('button')).toHaveText([/Server job-a\s*2/, /Server job-c\s*2/, /Server job-b\s*1/]);
});

test('LuaAuth: a key on two Roblox accounts is flagged, and a bulk message reaches exactly its sessions', async ({ app, request }) => {
  await startDemo(app);
  const world = await demoWorld(app);
  const scriptId = await openGrouped(app, world);
  await app.getByRole('combobox', { name: 'Group by' }).selectOption('key');
  const flagged = app.getByRole('region', { name: 'Possible key sharing' });
  await expect(flagged.getByRole('listitem')).toHaveCount(1);
  await expect(flagged).toContainText('Key KEYSHARED0000000000000001 is in use on 2 Roblox accounts at once (2 sessions).');
  await expectAccessibleInBothThemes(app, 'Sessions grouped by key, one flagged');

  await flagged.getByRole('button', { name: 'Message the sessions of key KEYSHARED0000000000000001' }).click();
  const dialog = app.getByRole('dialog', { name: 'Message 2 selected sessions' });
  await dialog.getByRole('textbox', { name: 'Command key' }).fill('notify');
  await dialog.getByRole('button', { name: 'Review' }).click();
  await dialog.getByRole('button', { name: 'Send to 2 sessions' }).click();
  await expect(dialog.getByRole('status').first()).toContainText('2 of 2 processed', { timeout: 30_000 });
  await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();

  const state = (await control(request, world, 'state')) as { messages: SentMessage[] };
  const mine = state.messages.filter((m) => m.provider === 'luaauth' && m.handler === 'notify');
  expect(mine).toHaveLength(1);
  const view = await ipc(app, 'sessions:groups', { accountId: world.accounts.luaauth.id, targetId: scriptId });
  const flaggedIds = view.sessions.filter((s) => s.userKey === 'KEYSHARED0000000000000001').map((s) => s.id);
  expect([...mine[0]!.sessionIds].sort()).toEqual(flaggedIds.sort());
});

test('LuaProt: a saved template with {username} is sent filled for the session, and shows up as recent', async ({ app, request }) => {
  await startDemo(app);
  const world = await demoWorld(app);
  const hubId = world.accounts.luaprot.targets[0]!.id;
  await control(request, world, 'sessions', { provider: 'luaprot', targetId: hubId, sessions: [{ username: 'TemplateTester', placeId: '4242424242' }] });
  await nav(app, 'Sessions').click();
  const picker = app.getByRole('combobox', { name: 'Target' });
  const option = picker.getByRole('option', { name: /^Demo hub 1 · / });
  await picker.selectOption({ label: (await option.first().textContent())!.trim() });
  await app.getByRole('button', { name: 'Open TemplateTester' }).click();
  await app.getByRole('dialog', { name: 'Session TemplateTester' }).getByRole('button', { name: 'Message' }).click();

  const dialog = app.getByRole('dialog', { name: 'Message TemplateTester' });
  const text = dialog.getByRole('textbox', { name: 'Message' });
  await text.fill('Welcome back, {username}!');
  await expect(dialog.getByLabel('Preview')).toHaveText('Preview for TemplateTester: Welcome back, TemplateTester!');
  await dialog.getByRole('textbox', { name: 'Template name' }).fill('Welcome');
  await dialog.getByRole('button', { name: 'Save as template' }).click();
  await text.fill('');
  await dialog.getByRole('combobox', { name: 'Template or recent message' }).selectOption({ label: 'Welcome' });
  await expect(text).toHaveValue('Welcome back, {username}!');
  await expectAccessibleInBothThemes(app, 'Message dialog with a template');
  await dialog.getByRole('button', { name: 'Send' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('status').filter({ hasText: 'Message sent to TemplateTester. LuaProt:' })).toBeVisible();

  const state = (await control(request, world, 'state')) as { messages: Array<{ provider: string; text?: string }> };
  expect(state.messages.filter((m) => m.provider === 'luaprot').map((m) => m.text)).toContain('Welcome back, TemplateTester!');
  const saved = await ipc(app, 'templates:get');
  expect(saved.recent.luaprot[0]).toEqual({ provider: 'luaprot', text: 'Welcome back, {username}!' });
});

test('Junkie: 120 sessions read over three pages into game groups; no key grouping, said in words', async ({ app, request }) => {
  await startDemo(app);
  const world = await demoWorld(app);
  const scriptId = (await ipc(app, 'app:snapshot')).accounts.find((a) => a.account.id === world.accounts.junkie.id)!.targets[0]!.id;
  const sessions = Array.from({ length: 120 }, (_, i) => ({ placeId: i < 80 ? '7000000007' : '8000000008', jobId: `job-${i % 5}` }));
  await control(request, world, 'sessions', { provider: 'junkie', targetId: scriptId, sessions });
  await nav(app, 'Sessions').click();
  const picker = app.getByRole('combobox', { name: 'Target' });
  const option = picker.getByRole('option', { name: new RegExp(`^Script ${scriptId} · Demo Junkie`) });
  await picker.selectOption({ label: (await option.first().textContent())!.trim() });
  await app.getByRole('combobox', { name: 'Group by' }).selectOption('game');
  await expect(app.getByRole('list', { name: 'Sessions by game' }).getByRole('button')).toHaveText([/Place 7000000007\s*80/, /Place 8000000008\s*40/]);
  await expect(app.getByText('120 live sessions grouped.')).toBeVisible();
  await app.getByRole('combobox', { name: 'Group by' }).selectOption('key');
  await expect(app.getByText('Junkie’s session list gives no user key, so sessions cannot be grouped by key.')).toBeVisible();
  await expect(app.getByRole('list', { name: 'Sessions by key' })).toHaveCount(0);
  await expectAccessibleInBothThemes(app, 'Junkie sessions grouped by key (not given)');
});
