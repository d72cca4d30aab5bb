/**
 * Names the providers gave targets, remembered so a card never shows "Hub 5285…" once LuaProt
 * said "Phantom Hub V2". Learned from every key test, account add and discovery (the only places
 * LuaProt names a hub: its hub list), kept in `target-names.json` beside the settings so they
 * survive a restart. The user's own label always wins over these (see target-label.ts).
 *
 * Assumption (not in the seeds): a target id names the same thing for every account of one
 * provider (LuaProt hub ids are 20-digit and global; LuaAuth script and project ids the same), so a
 * name learned by a key test before the account exists is keyed by provider, kind and id.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { TestResult } from '../../shared/ipc-contract';
import type { ProviderId, TargetKind } from '../../shared/model';

/** Our cap on remembered names (a few kB per thousand): the oldest learned go first. */
export const MAX_TARGET_NAMES = 5_000;
/** Our cap on one name's length; longer names are cut, never refused. */
export const MAX_TARGET_NAME_CHARS = 200;

export const TARGET_NAMES_FILE = 'target-names.json';

/** One remembered name, as stored: plain fields, no string keys to parse back. */
export interface TargetName {
  provider: ProviderId;
  kind: TargetKind;
  id: string;
  name: string;
}

export class TargetNames {
  /** Insertion order is learning order (a re-learned name moves to the end). */
  private readonly names = new Map<string, TargetName>();
  private saving: Promise<void> = Promise.resolve();

  /** Without a directory the names live in memory only (tests, the CLI). */
  constructor(private readonly dir?: string) {}

  /** Reads the saved names; a missing or unreadable file is an empty book (names are learned again). */
  async load(): Promise<void> {
    if (!this.dir) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(path.join(this.dir, TARGET_NAMES_FILE), 'utf8'));
    } catch {
      return;
    }
    const list = (parsed as { names?: unknown } | null)?.names;
    if (!Array.isArray(list)) return;
    for (const item of list) {
      const n = item as Partial<TargetName>;
      if (typeof n.provider === 'string' && typeof n.kind === 'string' && typeof n.id === 'string' && typeof n.name === 'string') {
        this.put({ provider: n.provider as ProviderId, kind: n.kind as TargetKind, id: n.id, name: n.name });
      }
    }
  }

  /** The provider's name for a target, if one was ever given. */
  nameOf(provider: ProviderId, kind: TargetKind, id: string): string | undefined {
    return this.names.get(keyOf(provider, kind, id))?.name;
  }

  /** Keeps the names in a test or discovery result; true when something new was learned (then saved). */
  learn(provider: ProviderId, found: TestResult['found']): boolean {
    let changed = false;
    for (const f of found ?? []) {
      if (f.name === undefined) continue;
      if (this.put({ provider, kind: f.kind, id: f.id, name: f.name })) changed = true;
    }
    if (changed) void this.save();
    return changed;
  }

  /** Waits for the last write (quitting, tests). */
  async flush(): Promise<void> {
    await this.saving;
  }

  private put(entry: TargetName): boolean {
    const name = entry.name.trim().slice(0, MAX_TARGET_NAME_CHARS);
    if (!name) return false;
    const key = keyOf(entry.provider, entry.kind, entry.id);
    if (this.names.get(key)?.name === name) return false;
    this.names.delete(key);
    this.names.set(key, { ...entry, name });
    while (this.names.size > MAX_TARGET_NAMES) this.names.delete(this.names.keys().next().value!);
    return true;
  }

  private save(): Promise<void> {
    if (!this.dir) return this.saving;
    const file = path.join(this.dir, TARGET_NAMES_FILE);
    const body = JSON.stringify({ version: 1, names: [...this.names.values()] });
    // Chained: a later save never lands before an earlier one. A failed write loses names only until the next test.
    this.saving = this.saving.then(() => writeFileAtomic(file, body).catch(() => undefined));
    return this.saving;
  }
}

/** In-memory map key only; never stored or sent. */
function keyOf(provider: ProviderId, kind: TargetKind, id: string): string {
  return JSON.stringify([provider, kind, id]);
}
