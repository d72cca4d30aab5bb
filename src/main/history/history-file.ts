import { readFile, rename } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import writeFileAtomic from 'write-file-atomic';
import { systemClock, type Clock } from '../../shared/clock';
import { removeStaleTempFiles } from '../settings/stale-temp-files';
import { History, type HistoryOptions } from './history';
import { HISTORY_JSON_FORMAT, HISTORY_JSON_VERSION, historyFromJSON, historyToJSON, isRecord } from './history-json';

/** The JSON history file of earlier versions (history.json): read once by history-store.ts, written by tests and the bench. */

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** Writes the history gzipped, atomically (temp file + rename), so a crash mid-write never leaves half a file. */
export async function saveHistory(path: string, history: History): Promise<void> {
  const body = await gzipAsync(Buffer.from(JSON.stringify(historyToJSON(history)), 'utf8'));
  await writeFileAtomic(path, body, { mode: 0o600 });
}

export interface LoadedHistory {
  history: History;
  /** Set when the file could not be used: one sentence for the log or the UI. */
  notice?: string;
  /** Where an unreadable file was moved, so nothing is lost for good. */
  setAsidePath?: string;
}

/**
 * Reads a history saved by `saveHistory`. A missing file gives an empty history;
 * an unreadable one is renamed to `<path>.corrupt-<time>` and an empty history
 * is returned with a notice — never a throw, the app must start anyway.
 */
export async function loadHistory(
  path: string,
  options: { clock?: Clock; history?: HistoryOptions; readOnly?: boolean } = {},
): Promise<LoadedHistory> {
  const clock = options.clock ?? systemClock;
  // Temp files of a save a crash interrupted (history.json.<n>) would stay forever otherwise.
  if (!options.readOnly) await removeStaleTempFiles(dirname(path), basename(path), Date.now());
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { history: new History(options.history) };
    return { history: new History(options.history), notice: `History could not be read (${describeError(err)}); starting empty.` };
  }
  try {
    // Accept plain JSON too (hand-edited or older files); gzip starts with 1f 8b.
    const text = bytes[0] === 0x1f && bytes[1] === 0x8b ? (await gunzipAsync(bytes)).toString('utf8') : bytes.toString('utf8');
    const data: unknown = JSON.parse(text);
    if (isRecord(data) && data.format === HISTORY_JSON_FORMAT && typeof data.version === 'number' && data.version > HISTORY_JSON_VERSION) {
      if (options.readOnly) return { history: new History(options.history), notice: `History was written by a newer version of Pulsebar (format ${data.version}).` };
      return await setAsideNewer(path, data.version, clock, options.history);
    }
    const history = historyFromJSON(data, options.history);
    history.prune(clock.now());
    return { history };
  } catch (err) {
    if (options.readOnly) return { history: new History(options.history), notice: `History could not be read (${describeError(err)}).` };
    const setAsidePath = `${path}.corrupt-${clock.now()}`;
    let moved = true;
    try {
      await rename(path, setAsidePath);
    } catch {
      moved = false;
    }
    return {
      history: new History(options.history),
      notice: moved
        ? `History file was unreadable (${describeError(err)}); it was set aside as ${setAsidePath} and history starts empty.`
        : `History file was unreadable (${describeError(err)}) and could not be set aside; history starts empty.`,
      ...(moved ? { setAsidePath } : {}),
    };
  }
}

/**
 * History from a newer Pulsebar: kept aside intact and named as such (not "unreadable"); history
 * starts empty here. The file name stays `<path>.corrupt-<time>` like any set-aside history.
 */
async function setAsideNewer(path: string, version: number, clock: Clock, history?: HistoryOptions): Promise<LoadedHistory> {
  const setAsidePath = `${path}.corrupt-${clock.now()}`;
  const moved = await rename(path, setAsidePath).then(
    () => true,
    () => false,
  );
  return {
    history: new History(history),
    notice:
      `History was written by a newer version of Pulsebar (format ${version}); ` +
      `${moved ? `it was set aside as ${setAsidePath} and` : 'it could not be set aside and'} history starts empty here. Update Pulsebar to see it again.`,
    ...(moved ? { setAsidePath } : {}),
  };
}

export function describeError(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
