import { describe, expect, it } from 'vitest';
import { defaultSettings, migrateSettings, SETTINGS_VERSION, settingsSchema, versionOf } from './settings-schema';

describe('settings schema', () => {
  it('has the documented defaults', () => {
    expect(defaultSettings()).toEqual({
      version: SETTINGS_VERSION,
      accounts: [],
      pollIntervalSeconds: { junkie: 30, luaprot: 60, luaauth: 30 },
      alerts: { rules: [], quietHours: { enabled: false, start: '22:00', end: '07:00' }, pausedUntil: null },
      notifications: true,
      launchAtLogin: false,
      theme: 'system',
      globalShortcut: null,
      luaauthCountMode: 'sessions',
      demoMode: false,
      demoDeclined: false,
      window: { detached: false },
      channels: [],
      messageTemplates: [],
      recentMessages: { luaprot: [], luaauth: [] },
    });
  });

  it('gives each call its own default objects', () => {
    const a = defaultSettings();
    a.accounts.push({ id: 'x', label: 'x', provider: 'junkie', baseUrl: 'https://a.example', targets: [] });
    expect(defaultSettings().accounts).toEqual([]);
  });

  it('drops unknown fields, including an apiKey on an account', () => {
    const parsed = settingsSchema.parse({
      version: SETTINGS_VERSION,
      surprise: 1,
      accounts: [{ id: 'a', label: 'A', provider: 'luaauth', baseUrl: 'https://api.luaauth.com', apiKey: 'sk_x', targets: [] }],
    });
    expect(parsed).not.toHaveProperty('surprise');
    expect(parsed.accounts[0]).not.toHaveProperty('apiKey');
  });

  it('rejects bad values', () => {
    const base = { version: SETTINGS_VERSION };
    expect(settingsSchema.safeParse({ ...base, theme: 'purple' }).success).toBe(false);
    expect(settingsSchema.safeParse({ ...base, pollIntervalSeconds: { luaprot: 1 } }).success).toBe(false);
    expect(settingsSchema.safeParse({ ...base, alerts: { quietHours: { enabled: true, start: '25:00', end: '07:00' } } }).success).toBe(false);
    const account = { id: 'a', label: 'A', provider: 'junkie', baseUrl: 'https://api.jnkie.com/api/v2' };
    expect(settingsSchema.safeParse({ ...base, accounts: [account, account] }).success).toBe(false);
    expect(settingsSchema.safeParse({ ...base, accounts: [{ ...account, provider: 'other' }] }).success).toBe(false);
    expect(settingsSchema.safeParse({ ...base, accounts: [{ ...account, baseUrl: 'file:///etc/passwd' }] }).success).toBe(false);
  });

  it('keeps the optional alert fields the rule engine reads', () => {
    const parsed = settingsSchema.parse({
      version: SETTINGS_VERSION,
      alerts: {
        rules: [
          { id: 'd', scope: { type: 'total' }, spec: { kind: 'drop', percent: 50, windowMinutes: 10, toZero: false, minUsers: 5 }, enabled: true, cooldownMinutes: 5 },
          { id: 'h', scope: { type: 'account', accountId: 'a' }, spec: { kind: 'all_time_high', minUsers: 10, marginPercent: 5, minHistoryHours: 24 }, enabled: true, cooldownMinutes: 60 },
        ],
      },
    });
    expect(parsed.alerts.rules.map((r) => r.spec)).toEqual([
      { kind: 'drop', percent: 50, windowMinutes: 10, toZero: false, minUsers: 5 },
      { kind: 'all_time_high', minUsers: 10, marginPercent: 5, minHistoryHours: 24 },
    ]);
  });

  it('reads the version a file claims', () => {
    expect(versionOf({})).toBe(0);
    expect(versionOf({ version: 1 })).toBe(1);
    expect(versionOf({ version: '2' })).toBe('invalid');
    expect(versionOf([])).toBe('invalid');
    expect(versionOf(null)).toBe('invalid');
  });
});

describe('settings migrations', () => {
  const rule = {
    id: 'r1',
    scope: { type: 'total' },
    spec: { kind: 'rise', percent: 50, minUsers: 10, windowMinutes: 10 },
    enabled: true,
    cooldownMinutes: 15,
  };

  it('migrates the unversioned v0 layout', () => {
    const migrated = migrateSettings({
      pollIntervalSeconds: 45,
      accounts: [
        { id: 'lp', name: 'LuaProt main', provider: 'luaprot', apiKey: 'sk_v0_secret', targets: ['11111111111111111111'] },
        { id: 'jk', provider: 'junkie', baseUrl: 'http://127.0.0.1:4000/api/v2', targets: [{ kind: 'script', id: '7', label: 'Main' }] },
      ],
      alerts: [rule],
      theme: 'dark',
      legacyThing: true,
    });
    expect(migrated).toEqual({
      ...defaultSettings(),
      accounts: [
        { id: 'lp', label: 'LuaProt main', provider: 'luaprot', baseUrl: 'https://luaprot.net', targets: [{ kind: 'hub', id: '11111111111111111111' }] },
        { id: 'jk', label: 'jk', provider: 'junkie', baseUrl: 'http://127.0.0.1:4000/api/v2', targets: [{ kind: 'script', id: '7', label: 'Main' }] },
      ],
      pollIntervalSeconds: { junkie: 45, luaprot: 45, luaauth: 45 },
      alerts: { ...defaultSettings().alerts, rules: [rule] },
      theme: 'dark',
    });
    expect(JSON.stringify(migrated)).not.toContain('sk_v0_secret');
  });

  it('migrates v1 (partial intervals, no pausedUntil, no window)', () => {
    const migrated = migrateSettings({
      version: 1,
      accounts: [{ id: 'la', label: 'LuaAuth', provider: 'luaauth', baseUrl: 'https://api.luaauth.com', targets: [] }],
      pollIntervalSeconds: { luaauth: 15 },
      alerts: { rules: [rule], quietHours: { enabled: true, start: '23:00', end: '06:30' } },
      launchAtLogin: true,
      globalShortcut: 'CommandOrControl+Shift+P',
      removedInV2: 'x',
    });
    expect(migrated.pollIntervalSeconds).toEqual({ junkie: 30, luaprot: 60, luaauth: 15 });
    expect(migrated.alerts).toEqual({ rules: [rule], quietHours: { enabled: true, start: '23:00', end: '06:30' }, pausedUntil: null });
    expect(migrated.launchAtLogin).toBe(true);
    expect(migrated.globalShortcut).toBe('CommandOrControl+Shift+P');
    expect(migrated.window).toEqual({ detached: false });
    expect(migrated).not.toHaveProperty('removedInV2');
    expect(migrated.version).toBe(SETTINGS_VERSION);
  });

  it('refuses a newer or malformed version', () => {
    expect(() => migrateSettings({ version: SETTINGS_VERSION + 1 })).toThrow(/newer/);
    expect(() => migrateSettings({ version: -1 })).toThrow(/version/);
    expect(() => migrateSettings({ version: 1, accounts: 'nope' })).toThrow();
  });
});
