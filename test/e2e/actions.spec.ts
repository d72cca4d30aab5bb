import type { Page } from '@playwright/test';
import { control, demoWorld, expect, nav, SCREENSHOTS, startDemo, test, type DemoWorld } from './fixtures';

interface SentMessage {
  provider: string;
  sessionIds: string[];
  scope?: { hubId?: string; key?: string };
  text?: string;
  handler?: string;
}

async function openTarget(app: Page, label: string): Promise<void> {
  await nav(app, 'Sessions').click();
  const picker = app.getByRole('combobox', { name: 'Target' });
  const option = picker.getByRole('option', { name: new RegExp(`^${label} · `) });
  await picker.selectOption({ label: (await option.first().textContent())!.trim() });
  await expect(rows(app).first()).toBeVisible();
}

const list = (app: Page) => app.getByRole('list', { name: /^Sessions, \d+ shown$/ });
const rows = (app: Page) => list(app).getByRole('listitem');
const shownCount = async (app: Page) => Number(/(\d+)/.exec((await list(app).getAttribute('aria-label'))!)![1]);

async function sent(request: Parameters<typeof control>[0], world: DemoWorld): Promise<SentMessage[]> {
  return ((await control(request, world, 'state')) as { messages: SentMessage[] }).messages;
}

async function openRow(app: Page, index: number): Promise<string> {
  const button = rows(app).nth(index).getByRole('button');
  const name = (await button.getAttribute('aria-label'))!.replace(/^Open /, '');
  await button.click();
  await expect(app.getByRole('dialog', { name: `Session ${name}` })).toBeVisible();
  return name;
}

test('LuaProt: message one with the 1–100 character counter, then disconnect it', async ({ app, request, expectErrors }) => {
  expectErrors(/^on screen: The message must be 1 to 100 characters\.$/);
  await startDemo(app);
  const world = await demoWorld(app);
  await openTarget(app, 'Demo hub 1');
  const name = await openRow(app, 0);
  await app.getByRole('dialog', { name: `Session ${name}` }).getByRole('button', { name: 'Message' }).click();

  const dialog = app.getByRole('dialog', { name: `Message ${name}` });
  const text = dialog.getByRole('textbox', { name: 'Message' });
  const send = dialog.getByRole('button', { name: 'Send' });
  await expect(dialog.getByText('0 / 100')).toBeVisible();
  await expect(send).toBeDisabled();
  await text.fill('x'.repeat(101));
  await expect(dialog.getByText('101 / 100')).toBeVisible();
  await expect(dialog.getByRole('alert')).toHaveText('The message must be 1 to 100 characters.');
  await expect(send).toBeDisabled();
  await text.fill('Server restarts in 5 minutes, save your progress!');
  await expect(dialog.getByText('49 / 100')).toBeVisible();
  await app.screenshot({ path: `${SCREENSHOTS}/message-dialog.png` });
  await send.click();
  // One message sent: the dialog closes by itself and a notice says so.
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('status').filter({ hasText: `Message sent to ${name}. LuaProt:` })).toBeVisible();
  expect((await sent(request, world)).some((m) => m.provider === 'luaprot' && m.text === 'Server restarts in 5 minutes, save your progress!')).toBe(true);

  // Disconnect asks first, and says LuaProt keeps listing it for a while.
  await openRow(app, 0);
  const drawer = app.getByRole('dialog', { name: `Session ${name}` });
  await drawer.getByRole('button', { name: 'Disconnect' }).click();
  const confirm = app.getByRole('alertdialog', { name: `Disconnect ${name}?` });
  await expect(confirm).toContainText('up to 90 seconds');
  await confirm.getByRole('button', { name: 'Disconnect' }).click();
  await expect(confirm).toBeHidden();
  await expect(drawer).toBeHidden();
  await expect(app.getByRole('status').filter({ hasText: /disconnect/i }).first()).toBeVisible();
  await expect(app.getByRole('status').filter({ hasText: `Disconnected ${name}.` })).toBeVisible();
});

test('LuaAuth: command with JSON checked before sending, answer shown; cancel while waiting', async ({ app, request, expectErrors }) => {
  expectErrors(/^on screen: Data is not valid JSON: /, /^on screen: Cancelled: Pulsebar stopped waiting for an answer\.$/);
  await startDemo(app);
  const world = await demoWorld(app);
  await openTarget(app, 'Demo script 1');
  const name = await openRow(app, 0);
  await app.getByRole('dialog', { name: `Session ${name}` }).getByRole('button', { name: 'Message' }).click();
  const dialog = app.getByRole('dialog', { name: `Message ${name}` });
  await dialog.getByRole('textbox', { name: 'Command key' }).fill('notify');
  const data = dialog.getByRole('textbox', { name: 'Data (JSON)' });
  await data.fill('{"text": "hi"');
  await expect(dialog.getByRole('alert')).toContainText('Data is not valid JSON');
  await expect(dialog.getByRole('button', { name: 'Send' })).toBeDisabled();
  await data.fill('{"text": "hi"}');
  await dialog.getByRole('button', { name: 'Send' }).click();
  const answer = dialog.getByRole('status', { name: 'Answer' });
  await expect(answer).toContainText('Processed');
  await expect(answer).toContainText('yes');
  await expect(answer).toContainText('Response');
  await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
  expect((await sent(request, world)).some((m) => m.provider === 'luaauth' && m.handler === 'notify')).toBe(true);

  // A client that never answers: progress shows, Cancel stops waiting (ops:cancel).
  await control(request, world, 'behaviour', { behaviour: 'never_answers' });
  await openRow(app, 0);
  await app.getByRole('dialog', { name: `Session ${name}` }).getByRole('button', { name: 'Message' }).click();
  await dialog.getByRole('textbox', { name: 'Command key' }).fill('ping');
  await dialog.getByRole('button', { name: 'Send' }).click();
  await expect(dialog.getByRole('progressbar', { name: 'Waiting for an answer' })).toBeVisible();
  await expect(dialog.getByText(/^[1-9]\d* s of up to 60 s$/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Cancelled');
  await control(request, world, 'behaviour', { behaviour: 'processed' });
});

test('LuaAuth bulk: message and disconnect the selected sessions, with counts confirmed', async ({ app, request }) => {
  await startDemo(app);
  const world = await demoWorld(app);
  await openTarget(app, 'Demo script 2');
  const before = await shownCount(app);
  const names: string[] = [];
  for (const i of [0, 1]) {
    const box = rows(app).nth(i).getByRole('checkbox');
    names.push((await box.getAttribute('aria-label'))!.replace(/^Select /, ''));
    await box.check();
  }
  await expect(app.getByText('2 selected')).toBeVisible();

  await app.getByRole('button', { name: 'Message selected' }).click();
  const dialog = app.getByRole('dialog', { name: 'Message 2 selected sessions' });
  await dialog.getByRole('textbox', { name: 'Command key' }).fill('announce');
  await dialog.getByRole('textbox', { name: 'Data (JSON)' }).fill('{"text":"event starting"}');
  await dialog.getByRole('button', { name: 'Review' }).click();
  await expect(dialog.getByRole('status')).toContainText('will be sent to the 2 selected sessions');
  await expect(dialog.getByLabel('Command to send')).toContainText('announce');
  await expect(dialog.getByLabel('Command to send')).toContainText('{"text":"event starting"}');
  await dialog.getByRole('button', { name: 'Send to 2 sessions' }).click();
  await expect(dialog.getByText('2 of 2 processed.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
  const bulk = (await sent(request, world)).find((m) => m.provider === 'luaauth' && m.handler === 'announce');
  expect(bulk?.sessionIds).toHaveLength(2);

  await app.getByRole('button', { name: 'Disconnect selected' }).click();
  const confirm = app.getByRole('alertdialog', { name: 'Disconnect 2 sessions?' });
  await expect(confirm).toContainText('This disconnects the 2 selected sessions.');
  await confirm.getByRole('button', { name: 'Disconnect' }).click();
  await expect(confirm).toBeHidden();
  // The list is fetched again: the two are gone.
  for (const n of names) await expect(rows(app).filter({ has: app.getByRole('button', { name: `Open ${n}`, exact: true }) })).toHaveCount(0);
  expect(await shownCount(app)).toBeLessThanOrEqual(before);
});

test('LuaProt bulk by hub: message everyone and disconnect everyone, confirming how many', async ({ app, request }) => {
  await startDemo(app);
  const world = await demoWorld(app);
  await openTarget(app, 'Demo hub 2');
  const n = await shownCount(app);
  await expect(app.getByRole('combobox', { name: 'Bulk scope' })).toHaveValue('hub');
  await app.getByRole('button', { name: 'Message all' }).click();
  const dialog = app.getByRole('dialog', { name: `Message ${n} sessions in hub Demo hub 2` });
  await dialog.getByRole('textbox', { name: 'Message' }).fill('Double XP this weekend');
  await dialog.getByRole('button', { name: 'Review' }).click();
  await expect(dialog.getByRole('status')).toContainText(`will be sent to everyone in hub Demo hub 2 — ${n.toLocaleString('en-US')} sessions:`);
  await expect(dialog.getByLabel('Message to send')).toHaveText('Double XP this weekend');
  await dialog.getByRole('button', { name: `Send to ${n} sessions` }).click();
  await expect(dialog.getByRole('status').first()).toContainText('LuaProt:');
  await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
  const hubId = world.accounts.luaprot.targets[1]!.id;
  expect((await sent(request, world)).some((m) => m.text === 'Double XP this weekend' && m.scope?.hubId === hubId)).toBe(true);

  await app.getByRole('button', { name: 'Disconnect all' }).click();
  const confirm = app.getByRole('alertdialog', { name: 'Disconnect everyone in hub Demo hub 2?' });
  await expect(confirm).toContainText(`This disconnects everyone in hub Demo hub 2 — ${n.toLocaleString('en-US')} sessions.`);
  await confirm.getByRole('button', { name: 'Disconnect' }).click();
  await expect(confirm).toBeHidden();
  await expect(app.getByRole('status').filter({ hasText: /disconnect/i }).first()).toBeVisible();
});
