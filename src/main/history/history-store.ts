import { appendFile, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { once } from 'node:events';
import { createGzip, gunzip } from 'node:zlib';
import writeFileAtomic from 'write-file-atomic';
import { systemClock, type Clock } from '../../shared/clock';
import { removeStaleTempFiles } from '../settings/stale-temp-files';
import { History, HistoryFormatError, type HistoryOptions, type KeyedColumns } from './history';
import { describeError, loadHistory, type LoadedHistory } from './history-file';
import { decodeHistory, encodeHistoryChunks } from './history-codec';

/**
 * Where the history lives on disk, saved cheaply: a binary snapshot (history.bin, gzip level 1
 * in libuv's thread pool) rewritten now and then, and between snapshots a journal
 * (history.journal) that each save only appends the new samples to — a few kB every 5 minutes
 * instead of rewriting tens of MB. Loading reads the snapshot and replays the journal lines of
 * the same generation. A history.json from earlier versions is read once and replaced.
 */

export const HISTORY_SNAPSHOT_FILE = 'history.bin';
export const HISTORY_JOURNAL_FILE = 'history.journal';
export const LEGACY_HISTORY_FILE = 'history.json';

export interface HistoryStoreOptions {
  clock?: Clock;
  history?: HistoryOptions;
  /** A fresh snapshot at least this often (default 6 h), so the journal stays short. */
  compactEveryMs?: number;
  /** ...or once the journal grows past this (default 4 MB). */
  maxJournalBytes?: number;
  /** Read only (the CLI beside the app): nothing is removed, moved aside or written. */
  readOnly?: boolean;
}

interface JournalLine {
  /** Generation of the snapshot this line belongs on. */
  g: number;
  k: string[];
  s: number[];
  t: number[];
  v: number[];
}

const gunzipAsync = promisify(gunzip);

/** Longest stretch of snapshot work on the main thread before it yields. */
const SLICE_MS = 8;

/** gzip level 1 in libuv's thread pool, fed chunk by chunk (no single big buffer to compress). */
async function gzipChunks(chunks: readonly Buffer[]): Promise<Buffer> {
  const zip = createGzip({ level: 1 });
  const out: Buffer[] = [];
  zip.on('data', (b: Buffer) => out.push(b));
  const done = new Promise<void>((resolve, reject) => {
    zip.once('end', resolve);
    zip.once('error', reject);
  });
  for (const chunk of chunks) {
    if (!zip.write(chunk)) await once(zip, 'drain');
  }
  zip.end();
  await done;
  return Buffer.concat(out);
}

export interface SaveReport {
  kind: 'snapshot' | 'journal' | 'nothing';
  bytes: number;
}

export class HistoryStore {
  readonly snapshotPath: string;
  readonly journalPath: string;
  readonly legacyPath: string;
  private readonly clock: Clock;
  private generation = 0;
  private snapshotAt = -Infinity;
  private journalBytes = 0;
  private needSnapshot = true;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    dir: string,
    private readonly options: HistoryStoreOptions = {},
  ) {
    this.snapshotPath = path.join(dir, HISTORY_SNAPSHOT_FILE);
    this.journalPath = path.join(dir, HISTORY_JOURNAL_FILE);
    this.legacyPath = path.join(dir, LEGACY_HISTORY_FILE);
    this.clock = options.clock ?? systemClock;
  }

  async load(): Promise<LoadedHistory> {
    // Temp files of a snapshot write a crash interrupted (history.bin.<n>) would stay forever otherwise.
    if (!this.options.readOnly) await removeStaleTempFiles(path.dirname(this.snapshotPath), HISTORY_SNAPSHOT_FILE, Date.now());
    const loaded = await this.loadSnapshot();
    const history = loaded.history;
    const skipped = await this.replayJournal(history);
    history.prune(this.clock.now());
    history.trackChanges();
    if (skipped > 0) {
      const note = `${skipped} saved history update${skipped === 1 ? ' was' : 's were'} unreadable and left out.`;
      loaded.notice = loaded.notice ? `${loaded.notice} ${note}` : note;
    }
    return loaded;
  }

  private async loadSnapshot(): Promise<LoadedHistory> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.snapshotPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        return { history: new History(this.options.history), notice: `History could not be read (${describeError(error)}); starting empty.` };
      }
      // No snapshot yet: an earlier version's history.json, if any, becomes the first snapshot.
      const legacy = await loadHistory(this.legacyPath, {
        clock: this.clock,
        ...(this.options.history ? { history: this.options.history } : {}),
        ...(this.options.readOnly ? { readOnly: true } : {}),
      });
      this.needSnapshot = true;
      return legacy;
    }
    try {
      const plain = bytes[0] === 0x1f && bytes[1] === 0x8b ? await gunzipAsync(bytes) : bytes;
      const decoded = decodeHistory(plain);
      this.generation = decoded.generation;
      // The compaction clock restarts at load: the file time may come from another clock.
      this.snapshotAt = this.clock.now();
      this.needSnapshot = false;
      return { history: History.fromColumns(decoded.series, this.options.history) };
    } catch (error) {
      const newer = error instanceof HistoryFormatError && /unsupported binary history version/.test(error.message);
      if (this.options.readOnly) {
        return { history: new History(this.options.history), notice: `History could not be read (${describeError(error)}).` };
      }
      const setAsidePath = `${this.snapshotPath}.${newer ? 'newer' : 'corrupt'}-${this.clock.now()}`;
      const moved = await rename(this.snapshotPath, setAsidePath).then(
        () => true,
        () => false,
      );
      this.needSnapshot = true;
      return {
        history: new History(this.options.history),
        notice: newer
          ? `History was written by a newer version of Pulsebar; ${moved ? `it was set aside as ${setAsidePath} and` : 'it could not be set aside and'} history starts empty here. Update Pulsebar to see it again.`
          : moved
          ? `History file was unreadable (${describeError(error)}); it was set aside as ${setAsidePath} and history starts empty.`
          : `History file was unreadable (${describeError(error)}) and could not be set aside; history starts empty.`,
        ...(moved ? { setAsidePath } : {}),
      };
    }
  }

  /** Replays this generation's journal lines; returns how many lines were unreadable. */
  private async replayJournal(history: History): Promise<number> {
    let text: string;
    try {
      text = await readFile(this.journalPath, 'utf8');
    } catch {
      return 0;
    }
    this.journalBytes = Buffer.byteLength(text);
    const lines = text.split('\n');
    let skipped = 0;
    lines.forEach((line, i) => {
      if (!line) return;
      let entry: JournalLine;
      try {
        entry = JSON.parse(line) as JournalLine;
      } catch {
        // A cut-off last line is a save interrupted by a crash: expected, not news.
        if (i < lines.length - 1 || text.endsWith('\n')) skipped += 1;
        return;
      }
      if (!isJournalLine(entry)) {
        skipped += 1;
        return;
      }
      if (entry.g !== this.generation) return;
      for (let j = 0; j < entry.t.length; j++) {
        const key = entry.k[entry.s[j]!];
        if (key !== undefined) history.append(key, entry.t[j]!, entry.v[j]!);
      }
    });
    return skipped;
  }

  /** Saves what changed since the last save; saves never overlap and land in call order. */
  save(history: History): Promise<SaveReport> {
    if (this.options.readOnly) return Promise.reject(new Error('this history store is read-only'));
    const run = this.queue.then(() => this.saveNow(history));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async saveNow(history: History): Promise<SaveReport> {
    const changes = history.takeChanges();
    const now = this.clock.now();
    const due =
      this.needSnapshot ||
      changes.full ||
      this.journalBytes > (this.options.maxJournalBytes ?? 4 * 1024 * 1024) ||
      now - this.snapshotAt > (this.options.compactEveryMs ?? 6 * 3_600_000) ||
      now < this.snapshotAt;
    if (due) return this.writeSnapshot(history, now);
    if (changes.at.length === 0) return { kind: 'nothing', bytes: 0 };
    const line: JournalLine = { g: this.generation, k: changes.keys, s: changes.series, t: changes.at, v: changes.value };
    const text = `${JSON.stringify(line)}\n`;
    try {
      await appendFile(this.journalPath, text, { mode: 0o600 });
    } catch (error) {
      // Lost from the journal: the next save writes everything as a snapshot instead.
      this.needSnapshot = true;
      throw error;
    }
    this.journalBytes += Buffer.byteLength(text);
    return { kind: 'journal', bytes: Buffer.byteLength(text) };
  }

  private async writeSnapshot(history: History, now: number): Promise<SaveReport> {
    // A new generation: journal lines of the old one are ignored from here on, even if the
    // truncation below never happens (a crash right after the rename).
    const generation = Math.max(this.generation + 1, Math.floor(now));
    // Columns are copied out a few series at a time, yielding in between, so the tray and IPC are
    // never held for long; samples appended meanwhile are also in the next journal line, and
    // replaying one already in the snapshot is refused as not newer.
    const columns: KeyedColumns[] = [];
    let slice = performance.now();
    for (const key of history.keys()) {
      const c = history.columnsOf(key);
      if (c) columns.push(c);
      if (performance.now() - slice > SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        slice = performance.now();
      }
    }
    const body = await gzipChunks(encodeHistoryChunks(columns, generation));
    try {
      await writeFileAtomic(this.snapshotPath, body, { mode: 0o600 });
    } catch (error) {
      this.needSnapshot = true;
      throw error;
    }
    this.generation = generation;
    this.snapshotAt = now;
    this.needSnapshot = false;
    this.journalBytes = 0;
    await writeFile(this.journalPath, '', { mode: 0o600 }).catch(() => undefined);
    await unlink(this.legacyPath).catch(() => undefined);
    return { kind: 'snapshot', bytes: body.length };
  }
}

function isJournalLine(x: unknown): x is JournalLine {
  if (typeof x !== 'object' || x === null) return false;
  const l = x as Record<string, unknown>;
  const numbers = (a: unknown): a is number[] => Array.isArray(a) && a.every((n) => typeof n === 'number' && Number.isFinite(n));
  return (
    typeof l['g'] === 'number' &&
    Array.isArray(l['k']) &&
    (l['k'] as unknown[]).every((k) => typeof k === 'string') &&
    numbers(l['s']) &&
    numbers(l['t']) &&
    numbers(l['v']) &&
    (l['s'] as number[]).length === (l['t'] as number[]).length &&
    (l['t'] as number[]).length === (l['v'] as number[]).length
  );
}
