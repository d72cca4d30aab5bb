import { readdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

/**
 * write-file-atomic writes "<file>.<32-bit number>" and renames it over the file; a crash between
 * the two leaves that temp file behind for good. Only ones older than this are removed, since
 * another Pulsebar process (the CLI beside the app) may be mid-write.
 */
export const STALE_TEMP_MS = 60_000;

/**
 * Removes crash leftovers of `fileName` in `dir` (settings.json, history.json, alerts.json).
 * `nowMs` is compared with file modification times, so it should be the wall clock.
 */
export async function removeStaleTempFiles(dir: string, fileName: string, nowMs: number): Promise<void> {
  const pattern = new RegExp(`^${fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.\\d+$`);
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names.filter((n) => pattern.test(n))) {
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => null);
    if (info?.isFile() && nowMs - info.mtimeMs > STALE_TEMP_MS) await unlink(file).catch(() => undefined);
  }
}
