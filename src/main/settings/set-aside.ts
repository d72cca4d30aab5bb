import { stat } from 'node:fs/promises';
import path from 'node:path';

/** Why a file was moved or copied out of the way: damaged, or written by a newer Pulsebar. */
export type AsideReason = 'corrupt' | 'newer';

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/**
 * A free name beside `file` for a copy set aside: settings.json → settings.corrupt-<time>.json,
 * then -1, -2… so an earlier copy is never overwritten. One naming rule for every file Pulsebar
 * keeps (settings.json, alerts.json, history.json), so a user finds them all the same way.
 */
export async function asidePath(file: string, reason: AsideReason, nowMs: number): Promise<string> {
  const dir = path.dirname(file);
  const ext = path.extname(file);
  const base = path.basename(file, ext);
  const stamp = new Date(nowMs).toISOString().replace(/[:.]/g, '-');
  let target = path.join(dir, `${base}.${reason}-${stamp}${ext}`);
  for (let n = 1; await exists(target); n += 1) target = path.join(dir, `${base}.${reason}-${stamp}-${n}${ext}`);
  return target;
}
