import { constants as fsConstants } from 'node:fs';
import { copyFile, mkdir, open, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { salvageSettings } from './settings-salvage';
import { asidePath } from './set-aside';
import { defaultSettings, migrateSettings, SETTINGS_VERSION, settingsSchema, versionOf, type Settings } from './settings-schema';
import { removeStaleTempFiles } from './stale-temp-files';
import { collectUnknownFields, NO_UNKNOWN_FIELDS, withUnknownFields, type UnknownFields } from './unknown-fields';

export const SETTINGS_FILE_NAME = 'settings.json';

/** Something the UI should tell the user once after loading. */
export interface SettingsNotice {
  kind: 'corrupt' | 'newer_version' | 'keys_removed';
  message: string;
  /** Where the damaged or newer file was moved, when it could be moved. */
  setAsidePath?: string;
}

export interface SettingsLoadResult {
  settings: Settings;
  notice: SettingsNotice | null;
}

/** A change: top-level fields replace, and the object fields (intervals, alerts, window) merge one level. */
export type SettingsPatch = {
  [K in Exclude<keyof Settings, 'version'>]?: Settings[K] extends readonly unknown[]
    ? Settings[K]
    : Settings[K] extends object
      ? Partial<Settings[K]>
      : Settings[K];
};

export type SettingsListener = (settings: Settings) => void;

/** An update or save whose result does not fit the schema. The message names fields, never values. */
export class SettingsValidationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsValidationError';
  }
}

export interface SettingsStoreOptions {
  /** Electron's userData in the app, resolveConfigDir() in the CLI, a temp dir in tests. */
  dir: string;
  fileName?: string;
  /** Clock for set-aside file names. */
  now?: () => number;
  /**
   * Read the file, never change it (the CLI beside the app): nothing is created, moved, copied,
   * repaired or cleaned, and save/update refuse. Problems are still named in the notice.
   */
  readOnly?: boolean;
}

// Field names that would hold a credential; dropped on write even if a future schema let one through.
const SECRET_FIELD = /^(api[-_]?key|apikey|secret|token|password)$/i;
/** At most this many damaged fields are listed in a notice; the rest are counted. */
const MAX_PROBLEMS_NAMED = 5;
/** A UTF-8 byte order mark, as Windows Notepad writes at the start of a file; JSON.parse refuses it. */
const BOM = '\uFEFF';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasSecretField(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasSecretField);
  if (!isPlainObject(value)) return false;
  return Object.entries(value).some(([k, v]) => SECRET_FIELD.test(k) || hasSecretField(v));
}

function serialize(settings: Record<string, unknown>): string {
  return `${JSON.stringify(settings, (key, value: unknown) => (SECRET_FIELD.test(key) ? undefined : value), 2)}\n`;
}

function listProblems(problems: string[]): string {
  const named = problems.slice(0, MAX_PROBLEMS_NAMED).join('; ');
  const more = problems.length - MAX_PROBLEMS_NAMED;
  return more > 0 ? `${named}; and ${more} more` : named;
}

function reasonOf(error: unknown): string {
  // Lines joined by hand: /\s*\n\s*/g backtracks quadratically on a long run of spaces.
  if (error instanceof z.ZodError) {
    return z
      .prettifyError(error)
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .join('; ');
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Settings persisted as one JSON file. Writes go to a temp file that is fsynced and renamed over the
 * real one (write-file-atomic), so a crash leaves either the old or the new file, never half of one.
 * Writes are serialised; the in-memory state changes at once and listeners hear of it immediately.
 */
export class SettingsStore {
  readonly dir: string;
  readonly path: string;
  readonly #fileName: string;
  readonly #now: () => number;
  readonly #readOnly: boolean;
  readonly #listeners = new Set<SettingsListener>();
  #current: Settings | undefined;
  /** Fields of the loaded file this version does not know: written back at every save. */
  #unknown: UnknownFields = NO_UNKNOWN_FIELDS;
  #generation = 0;
  #writtenGeneration = 0;
  #writes: Promise<void> = Promise.resolve();

  constructor(options: SettingsStoreOptions) {
    this.dir = options.dir;
    this.#fileName = options.fileName ?? SETTINGS_FILE_NAME;
    this.path = path.join(this.dir, this.#fileName);
    this.#now = options.now ?? Date.now;
    this.#readOnly = options.readOnly ?? false;
  }

  /**
   * Reads the file (migrating older layouts). A missing file gives defaults; one that is not JSON
   * at all, or comes from a newer version, is set aside whole. Otherwise it is read field by field:
   * what is valid is kept, what is not is reset or left out, named in the notice, and a copy of the
   * file as it was is kept beside it.
   */
  async load(): Promise<SettingsLoadResult> {
    if (!this.#readOnly) {
      await mkdir(this.dir, { recursive: true });
      await removeStaleTempFiles(this.dir, this.#fileName, this.#now());
    }

    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return this.#start(defaultSettings(), null);
      return this.#setAside('corrupt', `it could not be read (${reasonOf(error)})`);
    }

    let raw: unknown;
    try {
      raw = JSON.parse(text.startsWith(BOM) ? text.slice(BOM.length) : text);
    } catch (error) {
      return this.#setAside('corrupt', `it is not valid JSON (${reasonOf(error)})`);
    }

    const version = versionOf(raw);
    if (version !== 'invalid' && version > SETTINGS_VERSION) return this.#setAside('newer_version', `version ${version}`);

    let settings: Settings;
    let problems: string[] = [];
    try {
      settings = migrateSettings(raw);
    } catch (error) {
      // v1 has the current fields and rules (fewer of them), so both read field by field; v0's
      // layout differs and an unversioned file that fails is set aside whole.
      if (!isPlainObject(raw) || (version !== SETTINGS_VERSION && version !== 1)) return this.#setAside('corrupt', reasonOf(error));
      ({ settings, problems } = salvageSettings(raw));
    }
    if (version === SETTINGS_VERSION && isPlainObject(raw)) this.#unknown = collectUnknownFields(raw, (key) => SECRET_FIELD.test(key));

    if (this.#readOnly) {
      const notice: SettingsNotice | null =
        problems.length > 0
          ? { kind: 'corrupt', message: `Some of your settings (${this.path}) could not be read and were not used: ${listProblems(problems)}. Everything else was; the file was left as it is.` }
          : null;
      return this.#start(settings, notice);
    }
    const notices: string[] = [];
    if (problems.length > 0) {
      const copy = await this.#copyAside();
      notices.push(
        `Some of your settings could not be read and were reset or left out: ${listProblems(problems)}. ` +
          `Everything else was kept. ${copy ? `The file as it was is saved as ${copy}.` : 'A copy of the file as it was could not be saved.'}`,
      );
    }
    const keysFound = hasSecretField(raw);
    if (keysFound) {
      notices.push(
        'Your settings file contained API keys; they were removed from it. ' +
          'Enter them again in Accounts so they are kept in the OS keychain.',
      );
    }
    if (notices.length === 0) return this.#start(settings, null);

    const kind: SettingsNotice['kind'] = problems.length > 0 ? 'corrupt' : 'keys_removed';
    const result = this.#start(settings, { kind, message: notices.join(' ') });
    // Write the repaired file now: the key must leave the disk now, not at the next unrelated change,
    // and a repaired file is not reported again at every start.
    this.#generation += 1;
    try {
      await this.#enqueueWrite();
    } catch (error) {
      if (keysFound) {
        notices[notices.length - 1] =
          `Your settings file contains API keys that could not be removed yet (${reasonOf(error)}); ` +
          'they will be removed at the next change. Enter them again in Accounts so they are kept in the OS keychain.';
        result.notice = { kind, message: notices.join(' ') };
      }
    }
    return result;
  }

  /** The current settings (deeply frozen). */
  get(): Settings {
    if (!this.#current) throw new Error('SettingsStore.load() must be called before use.');
    return this.#current;
  }

  /** Replaces all settings. Resolves once they are on disk. */
  async save(next: Settings): Promise<Settings> {
    return this.#commit(next);
  }

  /** Applies a patch or a function of the current settings. Resolves once the result is on disk. */
  async update(change: SettingsPatch | ((current: Settings) => Settings)): Promise<Settings> {
    const current = this.get();
    if (typeof change === 'function') return this.#commit(change(current));
    if (!isPlainObject(change)) throw new SettingsValidationError('A settings update must be an object.');
    const merged: Record<string, unknown> = { ...current };
    for (const [key, value] of Object.entries(change)) {
      if (value === undefined) continue;
      const existing = merged[key];
      merged[key] = isPlainObject(value) && isPlainObject(existing) ? { ...existing, ...value } : value;
    }
    return this.#commit(merged);
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: SettingsListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Resolves when every write queued so far has finished (or failed). */
  async flush(): Promise<void> {
    await this.#writes;
  }

  #start(settings: Settings, notice: SettingsNotice | null): SettingsLoadResult {
    this.#current = deepFreeze(settings);
    return { settings: this.#current, notice };
  }

  async #commit(candidate: unknown): Promise<Settings> {
    this.get();
    if (this.#readOnly) throw new SettingsValidationError('Settings were not changed: this copy of the settings is read-only.');
    if (!isPlainObject(candidate)) throw new SettingsValidationError('Settings were not changed: expected an object.');
    const parsed = settingsSchema.safeParse({ ...candidate, version: SETTINGS_VERSION });
    if (!parsed.success) throw new SettingsValidationError(`Settings were not changed: ${reasonOf(parsed.error)}`);
    const next = deepFreeze(parsed.data);
    this.#current = next;
    this.#generation += 1;
    for (const listener of this.#listeners) {
      try {
        listener(next);
      } catch (error) {
        // One broken subscriber must not stop the save or the others.
        console.error('settings listener failed:', error);
      }
    }
    await this.#enqueueWrite();
    return next;
  }

  #enqueueWrite(): Promise<void> {
    const run = this.#writes.then(() => this.#writeLatest());
    this.#writes = run.catch(() => undefined);
    return run;
  }

  async #writeLatest(): Promise<void> {
    const generation = this.#generation;
    const settings = this.#current;
    // A later change already reached the disk: this queued write has nothing left to do.
    if (!settings || generation <= this.#writtenGeneration) return;
    await mkdir(this.dir, { recursive: true });
    await writeFileAtomic(this.path, serialize(withUnknownFields(settings, this.#unknown)), { mode: 0o600, fsync: true });
    await this.#syncDir();
    this.#writtenGeneration = Math.max(this.#writtenGeneration, generation);
  }

  /** Makes the rename itself durable (POSIX); Windows cannot open a directory for fsync. */
  async #syncDir(): Promise<void> {
    if (process.platform === 'win32') return;
    const handle = await open(this.dir, fsConstants.O_RDONLY).catch(() => null);
    if (!handle) return;
    try {
      await handle.sync();
    } catch {
      // Some filesystems refuse fsync on directories; the data itself was already synced.
    } finally {
      await handle.close();
    }
  }

  /** Copies the file aside as it is (before a repaired version replaces it); null when it cannot. */
  async #copyAside(): Promise<string | null> {
    const target = await asidePath(this.path, 'corrupt', this.#now());
    return copyFile(this.path, target, fsConstants.COPYFILE_EXCL).then(
      () => target,
      () => null,
    );
  }

  async #setAside(kind: 'corrupt' | 'newer_version', reason: string): Promise<SettingsLoadResult> {
    if (this.#readOnly) {
      const why = kind === 'corrupt' ? `is damaged (${reason})` : `was written by a newer version of Pulsebar (${reason})`;
      return this.#start(defaultSettings(), { kind, message: `Your settings file (${this.path}) ${why}; it was not used and was left as it is.` });
    }
    const target = await asidePath(this.path, kind === 'corrupt' ? 'corrupt' : 'newer', this.#now());

    let moved = true;
    try {
      await rename(this.path, target);
    } catch {
      // e.g. the file is a directory or locked by another program: keep a copy if we can.
      moved = await copyFile(this.path, target).then(
        () => true,
        () => false,
      );
    }
    const where = moved ? `was set aside as ${target}` : `could not be set aside (it stays at ${this.path})`;
    const message =
      kind === 'corrupt'
        ? `Your settings file was damaged and ${where}; defaults were restored. (${reason})`
        : `Your settings file was written by a newer version of Pulsebar (${reason}) and ${where}; ` +
          'defaults were restored. Update Pulsebar to use those settings again.';
    return this.#start(defaultSettings(), {
      kind,
      message,
      ...(moved ? { setAsidePath: target } : {}),
    });
  }
}
