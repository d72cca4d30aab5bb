import { describe, expect, it } from 'vitest';
import { MAX_CHANNELS } from '../../shared/alert-channels';
import { MAX_TEMPLATES } from '../../shared/message-templates';
import { DEFAULT_BASE_URLS } from '../../shared/model';
import { defaultSettings, SETTINGS_VERSION } from './settings-schema';
import { salvageSettings } from './settings-salvage';

/*
 * Reading a broken settings file field by field (salvageSettings, called directly): what survives,
 * what is reset, and the sentence the user reads about each loss.
 */

const account = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  label: `Label ${id}`,
  provider: 'luaprot',
  baseUrl: 'https://api.luaprot.com',
  targets: [{ kind: 'hub', id: `${id}-hub` }],
  ...extra,
});
const rule = (id: string) => ({
  id,
  scope: { type: 'total' },
  spec: { kind: 'rise', percent: 50, minUsers: 20, windowMinutes: 10 },
  enabled: true,
  cooldownMinutes: 30,
});
const channel = (id: string) => ({ id, kind: 'discord', label: `Channel ${id}` });
const template = (id: string) => ({ id, provider: 'luaprot', name: `T ${id}`, text: 'Server restart soon' });

describe('salvageSettings: one bad field costs only that field', () => {
  it('gives defaults and no problem for an empty object', () => {
    const { settings, problems } = salvageSettings({});
    expect(problems).toEqual([]);
    expect(settings).toEqual(defaultSettings());
    expect(settings.version).toBe(SETTINGS_VERSION);
  });

  it('keeps the valid top-level preferences and resets the invalid one, naming it with the default used', () => {
    const { settings, problems } = salvageSettings({ version: 1, theme: 'neon', notifications: false, launchAtLogin: true });
    expect(settings.version).toBe(SETTINGS_VERSION);
    expect(settings.theme).toBe(defaultSettings().theme);
    expect(settings.notifications).toBe(false);
    expect(settings.launchAtLogin).toBe(true);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^theme: .+ — the default is used$/);
  });

  it('names a nested field with its path and never quotes the value', () => {
    const secretish = 'x'.repeat(500);
    const { settings, problems } = salvageSettings({ accounts: [account('a', { baseUrl: `ftp://${secretish}` })] });
    expect(settings.accounts[0]?.baseUrl).toBe(DEFAULT_BASE_URLS.luaprot);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^account "Label a": baseUrl: .+ — the default is used$/);
    expect(problems.join('\n')).not.toContain(secretish);
  });

  it('says a whole section is not an object and uses its defaults', () => {
    const { settings, problems } = salvageSettings({ pollIntervalSeconds: 7, window: [1], alerts: 'loud', recentMessages: null });
    expect(settings.pollIntervalSeconds).toEqual(defaultSettings().pollIntervalSeconds);
    expect(settings.window).toEqual(defaultSettings().window);
    expect(settings.alerts).toEqual(defaultSettings().alerts);
    expect(problems).toEqual([
      'pollIntervalSeconds: not an object — defaults are used',
      'alerts: not an object — defaults are used',
      'window: not an object — defaults are used',
      'recentMessages: not an object — defaults are used',
    ]);
  });

  it('keeps the valid intervals of a partly bad section', () => {
    const { settings, problems } = salvageSettings({ pollIntervalSeconds: { junkie: 42, luaprot: 1, luaauth: 'x' } });
    expect(settings.pollIntervalSeconds.junkie).toBe(42);
    expect(settings.pollIntervalSeconds.luaprot).toBe(defaultSettings().pollIntervalSeconds.luaprot);
    expect(problems.map((p) => p.split(':')[0])).toEqual(['pollIntervalSeconds.luaprot', 'pollIntervalSeconds.luaauth']);
  });
});

describe('salvageSettings: accounts', () => {
  it('says when accounts is not a list and keeps none', () => {
    const { settings, problems } = salvageSettings({ accounts: { a: 1 } });
    expect(settings.accounts).toEqual([]);
    expect(problems).toEqual(['accounts: not a list — none could be read']);
  });

  it('leaves out an entry that is not an object, by its position', () => {
    const { settings, problems } = salvageSettings({ accounts: ['a', account('b')] });
    expect(settings.accounts.map((a) => a.id)).toEqual(['b']);
    expect(problems).toEqual(['account #1: not an object — left out']);
  });

  it('names an account by label, else id, else position, and says which of id or provider was unreadable', () => {
    const noProvider = salvageSettings({ accounts: [account('p1', { provider: 'myspace' })] });
    expect(noProvider.settings.accounts).toEqual([]);
    expect(noProvider.problems.at(-1)).toBe('account "Label p1": left out (no readable provider)');

    const noId = salvageSettings({ accounts: [{ ...account('x'), id: 5, label: ' ' }] });
    expect(noId.problems.at(-1)).toBe('account #1: left out (no readable id)');

    const byId = salvageSettings({ accounts: [account('i7', { label: '   ', provider: 'nope' })] });
    expect(byId.problems.at(-1)).toBe('account i7: left out (no readable provider)');

    const longLabel = salvageSettings({ accounts: [account('i8', { label: 'L'.repeat(201), provider: 'nope' })] });
    expect(longLabel.problems.at(-1)).toBe('account i8: left out (no readable provider)');

    const longBoth = salvageSettings({ accounts: [{ ...account('i9'), id: 'i'.repeat(201), label: 7, provider: 'nope' }] });
    expect(longBoth.problems.at(-1)).toBe('account #1: left out (no readable id)');
  });

  it('fills a missing base URL with the provider default and says so; a bad label falls back to the id silently named', () => {
    const { settings, problems } = salvageSettings({ accounts: [{ id: 'j', provider: 'junkie', label: 9, targets: [] }] });
    expect(settings.accounts).toEqual([{ id: 'j', label: 'j', provider: 'junkie', baseUrl: DEFAULT_BASE_URLS.junkie, targets: [] }]);
    expect(problems).toContain('account j: baseUrl missing — the default is used');
    expect(problems.some((p) => p.startsWith('account j: label: '))).toBe(true);
  });

  it('keeps the account when its targets are not a list, and leaves out each bad target alone', () => {
    const notList = salvageSettings({ accounts: [account('a', { targets: 'hub-1' })] });
    expect(notList.settings.accounts[0]?.targets).toEqual([]);
    expect(notList.problems).toEqual(['account "Label a": targets is not a list — none kept']);

    const mixed = salvageSettings({ accounts: [account('a', { targets: [{ kind: 'hub', id: 'h1' }, { kind: 'galaxy', id: 'g' }, { kind: 'key', id: 'k1' }] })] });
    expect(mixed.settings.accounts[0]?.targets).toEqual([{ kind: 'hub', id: 'h1' }, { kind: 'key', id: 'k1' }]);
    expect(mixed.problems).toHaveLength(1);
    expect(mixed.problems[0]).toMatch(/^account "Label a": target #2 left out \(kind: .+\)$/);

    const none = salvageSettings({ accounts: [account('a', { targets: undefined })] });
    expect(none.settings.accounts[0]?.targets).toEqual([]);
    expect(none.problems).toEqual([]);
  });

  it('keeps the first of two accounts with one id and names the second by position', () => {
    const { settings, problems } = salvageSettings({ accounts: [account('dup', { label: 'First' }), account('dup', { label: 'Second' }), account('other')] });
    expect(settings.accounts.map((a) => a.label)).toEqual(['First', 'Label other']);
    expect(problems).toEqual(['account #2: left out (its id dup is used by an earlier account)']);
  });
});

describe('salvageSettings: alert rules, channels and templates', () => {
  it('keeps the alert settings when rules is not a list, and says no saved rule was kept', () => {
    const { settings, problems } = salvageSettings({ alerts: { rules: 'all', pausedUntil: 123 } });
    expect(settings.alerts.rules).toEqual([]);
    expect(settings.alerts.pausedUntil).toBe(123);
    expect(problems).toEqual(['alerts.rules: not a list — no saved rules kept']);
  });

  it('leaves out a bad rule by position and id (a short id only), keeping the others', () => {
    const bad = { ...rule('r2'), cooldownMinutes: -1 };
    const longId = { ...rule('L'.repeat(201)), enabled: 'yes' };
    const { settings, problems } = salvageSettings({ alerts: { rules: [rule('r1'), bad, 'junk', longId] } });
    expect(settings.alerts.rules.map((r) => r.id)).toEqual(['r1']);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^alert rule #2 r2: left out \(cooldownMinutes: .+\)$/);
    expect(problems[1]).toMatch(/^alert rule #3: left out \(.+\)$/);
    expect(problems[2]).toMatch(/^alert rule #4: left out \(id: .+\)$/);
  });

  it('keeps alerts without rules as they are', () => {
    const { settings, problems } = salvageSettings({ alerts: { pausedUntil: 5 } });
    expect(settings.alerts.pausedUntil).toBe(5);
    expect(settings.alerts.rules).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('reads channels one by one: a bad or repeated one left out, a list that is not one refused', () => {
    const { settings, problems } = salvageSettings({ channels: [channel('c1'), { id: 'c2', kind: 'fax', label: 'x' }, channel('c1'), channel('c3')] });
    expect(settings.channels.map((c) => c.id)).toEqual(['c1', 'c3']);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^alert channel #2: left out \(kind: .+\)$/);
    expect(problems[1]).toBe('alert channel #3: left out (its id is used by an earlier channel)');

    const notList = salvageSettings({ channels: 'discord' });
    expect(notList.settings.channels).toEqual([]);
    expect(notList.problems).toEqual(['channels: not a list — no alert channels kept']);
  });

  it('keeps at most the limit of channels and templates and says so', () => {
    const channels = Array.from({ length: MAX_CHANNELS + 2 }, (_, i) => channel(`c${i}`));
    const many = salvageSettings({ channels });
    expect(many.settings.channels).toHaveLength(MAX_CHANNELS);
    expect(many.problems).toEqual([`channels: only the first ${MAX_CHANNELS} kept`]);

    const exact = salvageSettings({ channels: channels.slice(0, MAX_CHANNELS) });
    expect(exact.settings.channels).toHaveLength(MAX_CHANNELS);
    expect(exact.problems).toEqual([]);

    const templates = Array.from({ length: MAX_TEMPLATES + 1 }, (_, i) => template(`t${i}`));
    const tooMany = salvageSettings({ messageTemplates: templates });
    expect(tooMany.settings.messageTemplates).toHaveLength(MAX_TEMPLATES);
    expect(tooMany.problems).toEqual([`messageTemplates: only the first ${MAX_TEMPLATES} kept`]);
  });

  it('words template problems as templates', () => {
    const { settings, problems } = salvageSettings({ messageTemplates: [template('t1'), template('t1'), { ...template('t2'), text: '' }] });
    expect(settings.messageTemplates.map((t) => t.id)).toEqual(['t1']);
    expect(problems[0]).toBe('message template #2: left out (its id is used by an earlier template)');
    expect(problems[1]).toMatch(/^message template #3: left out \(text: .+\)$/);
    expect(salvageSettings({ messageTemplates: {} }).problems).toEqual(['messageTemplates: not a list — no templates kept']);
  });
});
