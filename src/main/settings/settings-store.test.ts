import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountConfig } from '../../shared/model';
import { defaultSettings, SETTINGS_VERSION } from './settings-schema';
import { SettingsStore, SettingsValidationError } from './settings-store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pulsebar-settings-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const account = (id: string, label = id): AccountConfig => ({
  id,
  label,
  provider: 'junkie',
  baseUrl: 'https://api.jnkie.com/api/v2',
  targets: [{ kind: 'script', id: `${id}-script` }],
});

async function loaded(options: { now?: () => number } = {}): Promise<SettingsStore> {
  const store = new SettingsStore({ dir, ...options });
  await store.load();
  return store;
}

async function fileJson(): Promise<unknown> {
  return JSON.parse(await readFile(path.join(dir, 'settings.json'), 'utf8'));
}

describe('SettingsStore', () => {
  it('gives defaults and no notice when there is no file, without creating one', async () => {
    const store = new SettingsStore({ dir });
    expect(await store.load()).toEqual({ settings: defaultSettings(), notice: null });
    expect(await readdir(dir)).toEqual([]);
  });

  it('round-trips through the file', async () => {
    const store = await loaded();
    const saved = await store.update({
      accounts: [account('a'), account('b', 'Bee')],
      pollIntervalSeconds: { luaprot: 90 },
      alerts: { pausedUntil: 1_900_000_000_000 },
      theme: 'dark',
      globalShortcut: 'CommandOrControl+Shift+P',
      demoMode: true,
      window: { detached: true, bounds: { x: 10, y: 20, width: 400, height: 600 } },
    });
    expect(saved.pollIntervalSeconds).toEqual({ junkie: 30, luaprot: 90, luaauth: 30 });
    expect(saved.alerts.quietHours).toEqual(defaultSettings().alerts.quietHours);

    const again = new SettingsStore({ dir });
    expect(await again.load()).toEqual({ settings: saved, notice: null });
    expect(await fileJson()).toEqual(saved);
  });

  it('hands out frozen settings so nobody changes them behind the store', async () => {
    const store = await loaded();
    expect(() => (store.get().accounts as AccountConfig[]).push(account('x'))).toThrow();
    expect(Object.isFrozen(store.get().pollIntervalSeconds)).toBe(true);
  });

  it('rejects an invalid update and keeps the previous state and file', async () => {
    const store = await loaded();
    await store.update({ theme: 'light' });
    await expect(store.update({ theme: 'purple' as 'dark' })).rejects.toBeInstanceOf(SettingsValidationError);
    await expect(store.update({ pollIntervalSeconds: { junkie: 0 } })).rejects.toThrow(/pollIntervalSeconds/);
    expect(store.get().theme).toBe('light');
    expect(await fileJson()).toMatchObject({ theme: 'light' });
  });

  it('notifies subscribers until they unsubscribe', async () => {
    const store = await loaded();
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    await store.update({ notifications: false });
    unsubscribe();
    await store.update({ notifications: true });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]?.[0]).toMatchObject({ notifications: false });
  });

  it('never writes a key, even when handed objects with apiKey fields', async () => {
    const store = await loaded();
    const withKey = { ...account('a'), apiKey: 'sk_live_SHOULD_NOT_BE_SAVED', token: 'tok_SHOULD_NOT' };
    await store.update({ accounts: [withKey] });
    await store.save({ ...store.get(), accounts: [withKey], secret: 'also-not' } as never);
    const text = await readFile(path.join(dir, 'settings.json'), 'utf8');
    expect(text).not.toContain('SHOULD_NOT');
    expect(text).not.toContain('also-not');
    expect(text).not.toMatch(/apiKey|token|secret/i);
    expect(store.get().accounts[0]).not.toHaveProperty('apiKey');
  });

  it('removes keys found in an existing file at once and says so', async () => {
    await writeFile(
      path.join(dir, 'settings.json'),
      JSON.stringify({ version: SETTINGS_VERSION, accounts: [{ ...account('a'), apiKey: 'sk_on_disk' }] }),
    );
    const { settings, notice } = await new SettingsStore({ dir }).load();
    expect(notice?.kind).toBe('keys_removed');
    expect(notice?.message).not.toContain('sk_on_disk');
    expect(settings.accounts).toEqual([account('a')]);
    expect(await readFile(path.join(dir, 'settings.json'), 'utf8')).not.toContain('sk_on_disk');
  });

  it('sets a file of invalid JSON aside, restores defaults and explains', async () => {
    const damaged = '{"version": 2, "accounts": [';
    await writeFile(path.join(dir, 'settings.json'), damaged);
    const now = Date.UTC(2026, 2, 4, 5, 6, 7, 89);
    const { settings, notice } = await new SettingsStore({ dir, now: () => now }).load();

    expect(settings).toEqual(defaultSettings());
    const asidePath = path.join(dir, 'settings.corrupt-2026-03-04T05-06-07-089Z.json');
    expect(notice).toMatchObject({ kind: 'corrupt', setAsidePath: asidePath });
    expect(notice?.message).toContain(`Your settings file was damaged and was set aside as ${asidePath}; defaults were restored.`);
    expect(await readFile(asidePath, 'utf8')).toBe(damaged);
    expect(await readdir(dir)).toEqual(['settings.corrupt-2026-03-04T05-06-07-089Z.json']);
  });

  it('sets aside a file that fails the schema, without clobbering an earlier set-aside file', async () => {
    const now = () => Date.UTC(2026, 0, 1);
    await writeFile(path.join(dir, 'settings.json'), '[]');
    await new SettingsStore({ dir, now }).load();
    await writeFile(path.join(dir, 'settings.json'), JSON.stringify({ version: SETTINGS_VERSION, theme: 42 }));
    const { settings, notice } = await new SettingsStore({ dir, now }).load();
    expect(notice?.kind).toBe('corrupt');
    expect(notice?.message).toMatch(/theme/);
    // Field by field: only the bad theme is reset; the file is repaired in place and a copy kept.
    expect(settings.theme).toBe('system');
    expect((await readdir(dir)).sort()).toEqual([
      'settings.corrupt-2026-01-01T00-00-00-000Z-1.json',
      'settings.corrupt-2026-01-01T00-00-00-000Z.json',
      'settings.json',
    ]);
    expect(await readFile(path.join(dir, 'settings.corrupt-2026-01-01T00-00-00-000Z.json'), 'utf8')).toBe('[]');
  });

  it('does not overwrite a file from a newer version: sets it aside intact and says so', async () => {
    const newer = JSON.stringify({ version: SETTINGS_VERSION + 1, accounts: [], shinyNewField: { a: 1 } });
    await writeFile(path.join(dir, 'settings.json'), newer);
    const store = new SettingsStore({ dir, now: () => Date.UTC(2026, 0, 1) });
    const { settings, notice } = await store.load();
    expect(settings).toEqual(defaultSettings());
    expect(notice?.kind).toBe('newer_version');
    expect(notice?.message).toMatch(/newer version of Pulsebar/);
    expect(notice?.setAsidePath).toBeDefined();
    await store.update({ theme: 'dark' });
    expect(await readFile(notice!.setAsidePath!, 'utf8')).toBe(newer);
  });

  it('migrates an older file on load and writes the new layout at the next change', async () => {
    const v1 = { version: 1, accounts: [account('a')], pollIntervalSeconds: { junkie: 20 }, extra: 'gone' };
    await writeFile(path.join(dir, 'settings.json'), JSON.stringify(v1));
    const store = new SettingsStore({ dir });
    const { settings, notice } = await store.load();
    expect(notice).toBeNull();
    expect(settings.pollIntervalSeconds).toEqual({ junkie: 20, luaprot: 60, luaauth: 30 });
    await store.update({ demoMode: true });
    expect(await fileJson()).toMatchObject({ version: SETTINGS_VERSION, demoMode: true, accounts: [account('a')] });
    expect(await fileJson()).not.toHaveProperty('extra');
  });

  it('serialises concurrent saves; the file ends in the last state', async () => {
    const store = await loaded();
    const writes = Array.from({ length: 40 }, (_, i) =>
      i % 2 === 0
        ? store.update({ accounts: [account(`acc-${i}`)] })
        : store.update((s) => ({ ...s, pollIntervalSeconds: { ...s.pollIntervalSeconds, junkie: 10 + i } })),
    );
    await Promise.all(writes);
    expect(store.get().accounts).toEqual([account('acc-38')]);
    expect(store.get().pollIntervalSeconds.junkie).toBe(49);
    expect(await fileJson()).toEqual(store.get());
    expect((await readdir(dir)).filter((n) => n !== 'settings.json')).toEqual([]);
  });

  it('ignores a truncated temp file left by a crash: the real file stays intact and the stale temp goes', async () => {
    const store = await loaded();
    const saved = await store.update({ accounts: [account('a')], theme: 'dark' });
    // What write-file-atomic leaves when the process dies mid-write: a partial "<file>.<number>".
    const temp = path.join(dir, 'settings.json.3141592653');
    await writeFile(temp, JSON.stringify(saved).slice(0, 40));
    const old = new Date(Date.now() - 10 * 60_000);
    await utimes(temp, old, old);
    const fresh = path.join(dir, 'settings.json.2718281828'); // could be another process mid-write
    await writeFile(fresh, '{"ver');

    const { settings, notice } = await new SettingsStore({ dir }).load();
    expect(notice).toBeNull();
    expect(settings).toEqual(saved);
    expect((await readdir(dir)).sort()).toEqual(['settings.json', 'settings.json.2718281828']);
  });

  it('stays loadable when a process saving in a loop is killed at arbitrary moments', async () => {
    // A smoke test of real crashes; the next test pins the exact mid-write moment deterministically.
    const storeModule = fileURLToPath(new URL('./settings-store.ts', import.meta.url));
    // Rewrites the file as fast as it can; every write keeps all labels equal to one counter value.
    const writer = `
      import { SettingsStore } from ${JSON.stringify(storeModule)};
      const store = new SettingsStore({ dir: process.argv[1] });
      await store.load();
      const ids = Array.from({ length: 400 }, (_, i) => 'account-' + i);
      for (let n = 0; ; n += 1) {
        await store.update({ accounts: ids.map((id) => ({ id, label: id + ' #' + n + ' ' + 'x'.repeat(n % 300),
          provider: 'luaauth', baseUrl: 'https://api.luaauth.com', targets: [] })) });
        if (n === 0) process.stdout.write('ready\\n');
      }
    `;
    for (let round = 0; round < 3; round += 1) {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', writer, dir], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
        child.on('exit', (code) => reject(new Error(`writer exited early (${code}): ${stderr}`)));
      });
      await new Promise((r) => setTimeout(r, 30 + round * 40));
      const exited = new Promise((r) => child.on('exit', r));
      child.kill('SIGKILL');
      await exited;

      const { settings, notice } = await new SettingsStore({ dir }).load();
      expect(notice).toBeNull();
      expect(settings.accounts).toHaveLength(400);
      const generations = new Set(settings.accounts.map((a) => a.label.split(' ')[1]));
      expect(generations.size).toBe(1);
    }
  }, 60_000);

  it('keeps the previous file when the process dies halfway through writing the bytes', async () => {
    const storeModule = fileURLToPath(new URL('./settings-store.ts', import.meta.url));
    // Saves once, then on the second save lets half the bytes reach the disk and stalls until killed.
    const writer = `
      import fs from 'node:fs';
      import { SettingsStore } from ${JSON.stringify(storeModule)};
      const store = new SettingsStore({ dir: process.argv[1] });
      await store.load();
      await store.update({ theme: 'dark', accounts: [{ id: 'kept', label: 'Kept', provider: 'junkie',
        baseUrl: 'https://api.jnkie.com/api/v2', targets: [] }] });
      const realWrite = fs.write;
      fs.write = (fd, data, ...rest) => {
        // Only the settings bytes; other writers in the process (e.g. tsx's cache) pass through.
        if (typeof data !== 'string' || !data.includes('"version"')) return realWrite(fd, data, ...rest);
        fs.writeSync(fd, data.slice(0, Math.floor(data.length / 2)));
        fs.fsyncSync(fd);
        setInterval(() => {}, 1000); // stall here, alive, until killed
        process.stdout.write('mid-write\\n');
      };
      await store.update({ theme: 'light', accounts: [] });
      process.stdout.write('finished\\n');
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', writer, dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise((r) => child.on('exit', r));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('mid-write')) resolve();
        if (output.includes('finished')) reject(new Error('the save completed without going through an interruptible write'));
      });
      child.on('exit', (code) => reject(new Error(`writer exited (${code}) before writing: ${output}`)));
    });
    child.kill('SIGKILL');
    await exited;

    const leftovers = (await readdir(dir)).filter((n) => n !== 'settings.json');
    expect(leftovers).toHaveLength(1); // the half-written temp file of the interrupted save
    const { settings, notice } = await new SettingsStore({ dir }).load();
    expect(notice).toBeNull();
    expect(settings.theme).toBe('dark');
    expect(settings.accounts.map((a) => a.id)).toEqual(['kept']);
  }, 30_000);

  it('refuses use before load', () => {
    expect(() => new SettingsStore({ dir }).get()).toThrow(/load/);
  });
});
