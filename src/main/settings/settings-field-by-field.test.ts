import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_BASE_URLS, type AccountConfig } from '../../shared/model';
import { SETTINGS_VERSION } from './settings-schema';
import { SettingsStore } from './settings-store';

/*
 * Issue 8 item 5: one bad field used to set the whole settings.json aside — every account gone,
 * demo mode on, the keys orphaned in the keychain. Now what is valid is kept and the rest named.
 */

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pulsebar-settings-fields-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const NOW = Date.UTC(2026, 4, 6, 7, 8, 9);
const COPY = 'settings.corrupt-2026-05-06T07-08-09-000Z.json';

const account = (id: string, extra: Partial<AccountConfig> = {}): AccountConfig => ({
  id,
  label: `Label ${id}`,
  provider: 'luaprot',
  baseUrl: 'https://api.luaprot.com',
  targets: [{ kind: 'hub', id: `${id}-hub` }],
  ...extra,
});

const rule = (id: string) => ({
  id,
  scope: { type: 'account', accountId: 'a' },
  spec: { kind: 'threshold', value: 100, hysteresis: 5, direction: 'up' },
  enabled: true,
  cooldownMinutes: 10,
});

async function write(content: unknown, prefix = ''): Promise<string> {
  const text = prefix + (typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  await writeFile(path.join(dir, 'settings.json'), text);
  return text;
}

async function load() {
  return new SettingsStore({ dir, now: () => NOW }).load();
}

async function onDisk(): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path.join(dir, 'settings.json'), 'utf8')) as Record<string, unknown>;
}

describe('settings load field by field', () => {
  it('an invalid alert rule drops only that rule: accounts, other rules and preferences stay; named; a copy kept', async () => {
    const original = await write({
      version: SETTINGS_VERSION,
      accounts: [account('a'), account('b')],
      theme: 'dark',
      alerts: { rules: [rule('r1'), { ...rule('r2'), spec: { kind: 'threshold', value: -5, hysteresis: 0, direction: 'up' } }, rule('r3')] },
    });
    const { settings, notice } = await load();
    expect(settings.accounts.map((a) => a.id)).toEqual(['a', 'b']);
    expect(settings.theme).toBe('dark');
    expect(settings.alerts.rules.map((r) => r.id)).toEqual(['r1', 'r3']);
    expect(notice?.kind).toBe('corrupt');
    expect(notice?.message).toMatch(/alert rule #2 r2: left out/);
    expect(notice?.message).toContain('Everything else was kept.');
    expect(notice?.message).toContain(path.join(dir, COPY));
    expect(await readFile(path.join(dir, COPY), 'utf8')).toBe(original);
    // The repaired file is written at once, so the next start has nothing to report.
    expect((await onDisk()).alerts).toMatchObject({ rules: [{ id: 'r1' }, { id: 'r3' }] });
    expect((await load()).notice).toBeNull();
  });

  it('an ftp:// base URL resets only that field: the account stays, with the default URL, and the value is not echoed', async () => {
    const bad = `ftp://example.com/${'x'.repeat(5000)}`;
    await write({ version: SETTINGS_VERSION, accounts: [account('a', { baseUrl: bad }), account('b')] });
    const { settings, notice } = await load();
    expect(settings.accounts).toEqual([account('a', { baseUrl: DEFAULT_BASE_URLS.luaprot }), account('b')]);
    expect(notice?.message).toMatch(/account "Label a": baseUrl: .* — the default is used/);
    expect(notice?.message).not.toContain('ftp://');
    expect(notice!.message.length).toBeLessThan(1000);
  });

  it('an account whose id or provider cannot be read is left out and named; the others stay', async () => {
    await write({ version: SETTINGS_VERSION, accounts: [account('a'), { ...account('b'), provider: 'nope' }, 'junk', account('a')] });
    const { settings, notice } = await load();
    expect(settings.accounts.map((a) => a.id)).toEqual(['a']);
    expect(notice?.message).toContain('account "Label b": left out (no readable provider)');
    expect(notice?.message).toContain('account #3: not an object — left out');
    expect(notice?.message).toContain('account #4: left out (its id a is used by an earlier account)');
  });

  it('a bad target, interval, quiet hours or window field resets alone', async () => {
    await write({
      version: SETTINGS_VERSION,
      accounts: [{ ...account('a'), targets: [{ kind: 'hub', id: 'h1' }, { kind: 'galaxy', id: 'g' }] }],
      pollIntervalSeconds: { junkie: 2, luaprot: 120 },
      alerts: { quietHours: { enabled: true, start: '25:00', end: '07:00' }, pausedUntil: 5, rules: [] },
      window: { detached: 'yes', bounds: { x: 1, y: 2, width: 300, height: 400 } },
      notifications: false,
    });
    const { settings, notice } = await load();
    expect(settings.accounts[0]!.targets).toEqual([{ kind: 'hub', id: 'h1' }]);
    expect(settings.pollIntervalSeconds).toEqual({ junkie: 30, luaprot: 120, luaauth: 30 });
    expect(settings.alerts.quietHours).toEqual({ enabled: false, start: '22:00', end: '07:00' });
    expect(settings.alerts.pausedUntil).toBe(5);
    expect(settings.window).toEqual({ detached: false, bounds: { x: 1, y: 2, width: 300, height: 400 } });
    expect(settings.notifications).toBe(false);
    for (const named of ['target #2 left out', 'pollIntervalSeconds.junkie', 'alerts.quietHours', 'window.detached']) {
      expect(notice?.message).toContain(named);
    }
  });

  it('reads a v1 file field by field too', async () => {
    await write({ version: 1, accounts: [account('a', { baseUrl: 'ftp://x' })], pollIntervalSeconds: { luaprot: 90 }, theme: 'neon' });
    const { settings, notice } = await load();
    expect(settings.version).toBe(SETTINGS_VERSION);
    expect(settings.accounts).toEqual([account('a', { baseUrl: DEFAULT_BASE_URLS.luaprot })]);
    expect(settings.pollIntervalSeconds.luaprot).toBe(90);
    expect(notice?.message).toMatch(/theme/);
  });

  it('accepts a UTF-8 byte order mark', async () => {
    await write({ version: SETTINGS_VERSION, accounts: [account('a')], theme: 'light' }, '\uFEFF');
    const { settings, notice } = await load();
    expect(notice).toBeNull();
    expect(settings.accounts).toEqual([account('a')]);
    expect(settings.theme).toBe('light');
    expect(await readdir(dir)).toEqual(['settings.json']);
  });

  it('keeps unknown fields at the next save (top level, account, rule, alerts, window), never a key-like one', async () => {
    await write({
      version: SETTINGS_VERSION,
      futureFeature: { on: true },
      accounts: [{ ...account('a'), colour: 'teal' }],
      alerts: { rules: [{ ...rule('r1'), sound: 'bell' }], digest: 'daily' },
      window: { detached: false, monitor: 2 },
    });
    const store = new SettingsStore({ dir, now: () => NOW });
    const { notice } = await store.load();
    expect(notice).toBeNull();
    expect(store.get()).not.toHaveProperty('futureFeature');
    await store.update({ theme: 'dark', accounts: [...store.get().accounts, account('b')] });
    const file = await onDisk();
    expect(file).toMatchObject({
      theme: 'dark',
      futureFeature: { on: true },
      accounts: [{ id: 'a', colour: 'teal' }, { id: 'b' }],
      alerts: { digest: 'daily', rules: [{ id: 'r1', sound: 'bell' }] },
      window: { monitor: 2 },
    });
    expect((file.accounts as object[])[1]).not.toHaveProperty('colour');
    // Reloaded, the file is valid and the app's view is unchanged.
    const again = new SettingsStore({ dir });
    expect((await again.load()).settings).toEqual(store.get());
  });

  it('never keeps an unknown field named like a credential', async () => {
    await write({ version: SETTINGS_VERSION, token: 'sk_top', accounts: [{ ...account('a'), secret: 'sk_acc' }] });
    const store = new SettingsStore({ dir });
    const { notice } = await store.load();
    expect(notice?.kind).toBe('keys_removed');
    const text = await readFile(path.join(dir, 'settings.json'), 'utf8');
    expect(text).not.toContain('sk_top');
    expect(text).not.toContain('sk_acc');
  });
});

describe('read-only settings (the CLI beside the app)', () => {
  it('reads field by field but never creates, moves, copies, repairs or cleans anything, and refuses changes', async () => {
    const text = await write({ version: SETTINGS_VERSION, accounts: [account('a', { baseUrl: 'ftp://x' })], token: 'sk_never_rewritten_here' });
    const leftover = path.join(dir, 'settings.json.12345');
    await writeFile(leftover, '{"half');
    const store = new SettingsStore({ dir, now: () => NOW, readOnly: true });
    const { settings, notice } = await store.load();
    expect(settings.accounts).toEqual([account('a', { baseUrl: DEFAULT_BASE_URLS.luaprot })]);
    expect(notice?.message).toMatch(/could not be read and were not used: account "Label a": baseUrl.*the file was left as it is/);
    expect((await readdir(dir)).sort()).toEqual(['settings.json', 'settings.json.12345']);
    expect(await readFile(path.join(dir, 'settings.json'), 'utf8')).toBe(text);
    await expect(store.update({ theme: 'dark' })).rejects.toThrow(/read-only/);

    await write('{"version": 2, "accounts": [');
    const damaged = await new SettingsStore({ dir, readOnly: true }).load();
    expect(damaged.notice?.message).toMatch(/is damaged .* it was not used and was left as it is/);
    expect((await readdir(dir)).sort()).toEqual(['settings.json', 'settings.json.12345']);

    const missing = path.join(dir, 'not-there');
    expect((await new SettingsStore({ dir: missing, readOnly: true }).load()).notice).toBeNull();
    await expect(readdir(missing)).rejects.toThrow(/ENOENT/);
  });

  it('an invalid alert channel drops only that channel; the others keep their choices', async () => {
    await write({
      version: SETTINGS_VERSION,
      accounts: [account('a')],
      channels: [
        { id: 'c1', kind: 'discord', label: 'Team', kinds: ['drop'], respectQuietHours: false },
        { id: 'c2', kind: 'carrier-pigeon', label: 'Bad' },
        { id: 'c3', kind: 'ntfy', label: 'Phone' },
      ],
    });
    const loaded = await load();
    expect(loaded.settings.accounts.map((a) => a.id)).toEqual(['a']);
    expect(loaded.settings.channels.map((c) => c.id)).toEqual(['c1', 'c3']);
    expect(loaded.settings.channels[0]).toMatchObject({ kinds: ['drop'], respectQuietHours: false, enabled: true });
    expect(loaded.notice?.message).toMatch(/alert channel #2: left out/);
  });
});
