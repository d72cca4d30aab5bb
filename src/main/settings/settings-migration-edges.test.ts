import { describe, expect, it } from 'vitest';
import { DEFAULT_BASE_URLS } from '../../shared/model';
import { defaultSettings, migrateSettings, SETTINGS_VERSION, versionOf } from './settings-schema';

/* Migrating settings files at the edges: which versions are read, and what old files with little in them become. */

describe('versionOf', () => {
  it('reads a whole, non-negative version and calls a missing one v0', () => {
    expect(versionOf({})).toBe(0);
    expect(versionOf({ version: 0 })).toBe(0);
    expect(versionOf({ version: 2 })).toBe(2);
  });

  it('calls anything else invalid', () => {
    for (const raw of [null, [], 'x', 3, { version: -1 }, { version: 1.5 }, { version: '2' }, { version: null }]) {
      expect(versionOf(raw), JSON.stringify(raw)).toBe('invalid');
    }
  });
});

describe('migrateSettings', () => {
  it('refuses a file without a valid version, naming the version', () => {
    expect(() => migrateSettings([])).toThrow('the file has no valid "version"');
    expect(() => migrateSettings({ version: 'two' })).toThrow('the file has no valid "version"');
  });

  it('reads the current version as it is, and refuses only a newer one', () => {
    expect(migrateSettings({ version: SETTINGS_VERSION })).toEqual(defaultSettings());
    expect(() => migrateSettings({ version: SETTINGS_VERSION + 1 })).toThrow(`the file is version ${SETTINGS_VERSION + 1}, newer than ${SETTINGS_VERSION}`);
  });

  it('brings an empty v0 or v1 file to the defaults', () => {
    expect(migrateSettings({})).toEqual(defaultSettings());
    expect(migrateSettings({ version: 1 })).toEqual(defaultSettings());
  });

  it('keeps every provider at its own default interval when v0 set none', () => {
    const migrated = migrateSettings({ accounts: [{ id: 'a', provider: 'luaauth' }] });
    expect(migrated.pollIntervalSeconds).toEqual(defaultSettings().pollIntervalSeconds);
    expect(migrated.accounts).toEqual([{ id: 'a', label: 'a', provider: 'luaauth', baseUrl: DEFAULT_BASE_URLS.luaauth, targets: [] }]);
  });
});
