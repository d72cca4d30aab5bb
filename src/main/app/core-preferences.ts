/**
 * The few preferences the core keeps that the settings schema (src/main/settings)
 * does not hold yet: how LuaAuth counts are taken and whether the user turned
 * demo mode off on purpose. Small JSON file beside settings.json, written atomically.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { LuaAuthCountMode } from './poller';

export interface CorePreferences {
  luaauthCountMode: LuaAuthCountMode;
  /** The user switched demo mode off: don't start it again just because there are no accounts. */
  demoDeclined: boolean;
}

export const CORE_PREFERENCES_FILE = 'core-preferences.json';

const DEFAULTS: CorePreferences = { luaauthCountMode: 'sessions', demoDeclined: false };

export async function loadCorePreferences(configDir: string): Promise<CorePreferences> {
  try {
    const raw = JSON.parse(await readFile(path.join(configDir, CORE_PREFERENCES_FILE), 'utf8')) as Partial<CorePreferences>;
    return {
      luaauthCountMode: raw.luaauthCountMode === 'script_total' ? 'script_total' : 'sessions',
      demoDeclined: raw.demoDeclined === true,
    };
  } catch {
    // Missing or unreadable: defaults; these two values are cheap to choose again.
    return { ...DEFAULTS };
  }
}

export async function saveCorePreferences(configDir: string, prefs: CorePreferences): Promise<void> {
  await writeFileAtomic(path.join(configDir, CORE_PREFERENCES_FILE), `${JSON.stringify(prefs, null, 2)}\n`, { mode: 0o600 });
}
