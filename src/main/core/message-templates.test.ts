import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_RECENT_MESSAGES, type MessageTemplatesView } from '../../shared/message-templates';
import { SETTINGS_VERSION } from '../settings/settings-schema';
import { SettingsStore } from '../settings/settings-store';
import { startTestCore, tempConfigDir, useCleanups, value } from './core-test-support';

const cleanup = useCleanups();

describe('message templates and recent messages (IPC, kept in settings)', () => {
  it('saves, replaces and removes templates; keeps them across a restart', async () => {
    const t = await startTestCore({ cleanup, dirPrefix: 'pulsebar-templates-' });
    const luaprot = { id: 't1', provider: 'luaprot' as const, name: 'Restart', text: 'Hi {username}, restart in 5 min' };
    const luaauth = { id: 't2', provider: 'luaauth' as const, name: 'Notify', command: 'notify', data: '{"text":"hi {username}"}' };
    value(await t.call('templates:save', { template: luaprot }));
    let view = value<MessageTemplatesView>(await t.call('templates:save', { template: luaauth }));
    expect(view.templates.map((x) => x.id)).toEqual(['t1', 't2']);
    view = value(await t.call('templates:save', { template: { ...luaprot, name: 'Restart soon' } }));
    expect(view.templates.map((x) => x.name)).toEqual(['Restart soon', 'Notify']);

    const reread = await new SettingsStore({ dir: t.configDir }).load();
    expect(reread.settings.messageTemplates).toEqual([{ ...luaprot, name: 'Restart soon' }, luaauth]);

    view = value(await t.call('templates:remove', { id: 't1' }));
    expect(view.templates.map((x) => x.id)).toEqual(['t2']);
  });

  it('refuses a LuaProt text outside LuaProt\u2019s rule and LuaAuth data that is not JSON, naming the field', async () => {
    const t = await startTestCore({ cleanup, dirPrefix: 'pulsebar-templates-' });
    const long = await t.call('templates:save', { template: { id: 'x', provider: 'luaprot', name: 'Long', text: 'x'.repeat(101) } });
    expect(long.ok).toBe(false);
    if (!long.ok) expect(long.error.message).toMatch(/text must be 1 to 100 characters/);
    const bad = await t.call('templates:save', { template: { id: 'y', provider: 'luaauth', name: 'Bad', command: 'notify', data: '{oops' } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/data must be valid JSON/);
    expect(value<MessageTemplatesView>(await t.call('templates:get')).templates).toEqual([]);
  });

  it('recent messages: newest first, no duplicates, at most MAX_RECENT_MESSAGES per provider', async () => {
    const t = await startTestCore({ cleanup, dirPrefix: 'pulsebar-templates-' });
    for (let i = 0; i < MAX_RECENT_MESSAGES + 3; i++) await t.call('templates:recordSent', { provider: 'luaprot', text: `message ${i}` });
    await t.call('templates:recordSent', { provider: 'luaprot', text: 'message 5' });
    const view = value<MessageTemplatesView>(await t.call('templates:recordSent', { provider: 'luaauth', command: 'kick', data: '{"why":"{username}"}' }));
    expect(view.recent.luaprot).toHaveLength(MAX_RECENT_MESSAGES);
    expect(view.recent.luaprot[0]).toEqual({ provider: 'luaprot', text: 'message 5' });
    expect(view.recent.luaprot[1]).toEqual({ provider: 'luaprot', text: `message ${MAX_RECENT_MESSAGES + 2}` });
    expect(view.recent.luaprot.filter((r) => r.provider === 'luaprot' && r.text === 'message 5')).toHaveLength(1);
    expect(view.recent.luaauth).toEqual([{ provider: 'luaauth', command: 'kick', data: '{"why":"{username}"}' }]);
  });

  it('a bad template in settings.json is left out alone and named; the others are kept', async () => {
    const dir = tempConfigDir('pulsebar-templates-salvage-', cleanup);
    await writeFile(
      path.join(dir, 'settings.json'),
      JSON.stringify({
        version: SETTINGS_VERSION,
        theme: 'dark',
        messageTemplates: [
          { id: 'a', provider: 'luaprot', name: 'Ok', text: 'hello' },
          { id: 'b', provider: 'luaauth', name: 'Bad', command: 'notify', data: '{not json' },
          { id: 'c', provider: 'luaauth', name: 'Ok too', command: 'notify' },
        ],
      }),
    );
    const { settings, notice } = await new SettingsStore({ dir }).load();
    expect(settings.messageTemplates.map((x) => x.id)).toEqual(['a', 'c']);
    expect(settings.theme).toBe('dark');
    expect(notice?.message).toMatch(/message template #2: left out/);
  });
});
