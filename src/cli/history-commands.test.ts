import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../shared/clock';
import { History } from '../main/history/history';
import { HistoryStore } from '../main/history/history-store';
import { seriesKey } from '../main/history/series-key';
import { accountSeries, targetSeries, TOTAL_SERIES } from '../shared/series-ref';
import { MemorySecretStore } from '../main/secrets';
import type { CliIo } from './commands';
import { main } from './index';

const accountKey = (accountId: string): string => seriesKey(accountSeries(accountId));
const targetKey = (accountId: string, targetId: string): string => seriesKey(targetSeries(accountId, targetId));
const TOTAL_KEY = seriesKey(TOTAL_SERIES);

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pulsebar-cli-history-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const HOUR = 3_600_000;
// Monday 2026-11-30 00:00 UTC; "now" a week later.
const MONDAY = Date.UTC(2026, 10, 30);
const NOW = MONDAY + 7 * 24 * HOUR;

function capture(now = NOW) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), now: () => now, sleep: async () => undefined, interrupted: new Promise(() => undefined) };
  return { io, out, err };
}

/** A week whose busiest hour is Saturday 21:00 UTC, saved by the app's own store (pruned as at `prunedAt`, when given). */
async function saveKnownWeek(prunedAt?: number): Promise<void> {
  const h = new History();
  for (let t = MONDAY; t < NOW; t += 10 * 60_000) {
    const day = Math.floor((t - MONDAY) / (24 * HOUR));
    const hour = Math.floor(((t - MONDAY) % (24 * HOUR)) / HOUR);
    const v = day === 5 && hour === 21 ? 900 : 100 + hour;
    h.append(TOTAL_KEY, t, v);
    h.append(accountKey('acc-1'), t, v);
    h.append(targetKey('acc-1', 'hub-9'), t, Math.round(v / 2));
  }
  if (prunedAt !== undefined) h.prune(prunedAt);
  const store = new HistoryStore(dir, { clock: new ManualClock(NOW) });
  await store.load();
  await store.save(h);
  await writeFile(
    path.join(dir, 'settings.json'),
    JSON.stringify({ version: 2, accounts: [{ id: 'acc-1', label: 'Main', provider: 'luaprot', baseUrl: 'https://luaprot.net', targets: [{ kind: 'hub', id: 'hub-9', label: 'Phantom Hub' }] }] }),
  );
}

const run = (argv: string[], c = capture()) =>
  main(argv, { env: { PULSEBAR_CONFIG_DIR: dir, TZ: 'UTC' }, io: c.io, secrets: new MemorySecretStore([['acc-1', 'lp-key-123456']]) }).then((code) => ({ code, ...c }));

describe('pulsebar insights', () => {
  it('finds the known busiest hour of a saved week (JSON: peak and a 7 × 24 heatmap), reading the app’s files without touching them', async () => {
    await saveKnownWeek();
    const before = await readdir(dir);
    const snapshotTime = (await stat(path.join(dir, 'history.bin'))).mtimeMs;
    const r = await run(['insights', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out.join('\n')) as { series: unknown; peak: Record<string, { value: number; at: string } | null>; heatmap: Array<Array<number | null>> };
    expect(json.series).toEqual({ type: 'total' });
    expect(json.peak['7d']).toEqual({ value: 900, at: new Date(MONDAY + (5 * 24 + 21) * HOUR + 50 * 60_000).toISOString() });
    expect(json.heatmap).toHaveLength(7);
    expect(json.heatmap.every((row) => row.length === 24)).toBe(true);
    const flat = json.heatmap.flatMap((row, d) => row.map((v, h) => ({ d, h, v: v ?? -1 })));
    const busiest = flat.reduce((a, b) => (b.v > a.v ? b : a));
    expect(busiest).toMatchObject({ d: 5, h: 21, v: 900 });
    expect(await readdir(dir)).toEqual(before);
    expect((await stat(path.join(dir, 'history.bin'))).mtimeMs).toBe(snapshotTime);
  });

  it('says a peak only hourly buckets still hold to the hour (text and JSON)', async () => {
    await saveKnownWeek(NOW + 9 * 24 * HOUR);
    const later = capture(NOW + 9 * 24 * HOUR);
    const r = await run(['insights', '--json'], later);
    const json = JSON.parse(r.out.join('\n')) as { peak: Record<string, unknown> };
    expect(json.peak['30d']).toEqual({ value: 900, at: new Date(MONDAY + (5 * 24 + 21) * HOUR).toISOString(), hour: true });
    const text = await run(['insights'], capture(NOW + 9 * 24 * HOUR));
    const line = text.out.find((l) => l.includes('peak 30 days'))!;
    expect(line).toMatch(/900 at \S/);
    expect(line).not.toMatch(/\d:\d\d/); // no minute: it is not known
  });

  it('names a target by its label, and refuses one with no history in words (exit 2)', async () => {
    await saveKnownWeek();
    const r = await run(['insights', '--target', 'hub-9']);
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe('Insights — Phantom Hub (LuaProt Main) (times in UTC)');
    expect(r.out.join('\n')).toMatch(/busiest Sat 21:00, 450/);
    const missing = await run(['insights', '--target', 'nope']);
    expect(missing.code).toBe(2);
    expect(missing.err[0]).toMatch(/--target nope: no history is kept for it/);
  });

  it('works on the demo’s 90 days', async () => {
    const c = capture(Date.now());
    const code = await main(['insights', '--demo', '--json'], { env: {}, io: c.io });
    expect(code).toBe(0);
    const json = JSON.parse(c.out.join('\n')) as { peak: Record<string, unknown>; heatmap: Array<Array<number | null>> };
    expect(json.peak['90d']).not.toBeNull();
    expect(json.heatmap.flat().every((v) => typeof v === 'number' && v > 0)).toBe(true);
  }, 30_000);
});

describe('pulsebar history', () => {
  it('prints CSV with a time column, ISO 8601 times, one row per kept sample or bucket', async () => {
    await saveKnownWeek();
    const r = await run(['history', '--range', '7d', '--csv', '--account', 'Main']);
    expect(r.code).toBe(0);
    const lines = r.out.join('\n').split('\n');
    expect(lines[0]).toBe('time,users,min,max');
    const rows = lines.slice(1);
    expect(rows.length).toBe(7 * 24 * 6);
    for (const row of rows) expect(row).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z,\d+(\.\d)?,\d*,\d*$/);
    expect(rows.some((row) => row.includes(',900,'))).toBe(true);
  });

  it('works on the demo, and refuses a missing or unknown range (exit 2)', async () => {
    const c = capture(Date.now());
    expect(await main(['history', '--demo', '--range', '7d', '--csv'], { env: {}, io: c.io })).toBe(0);
    expect(c.out.join('\n').split('\n').length).toBeGreaterThan(500);
    const bad = capture();
    expect(await main(['history', '--range', '2d'], { env: {}, io: bad.io })).toBe(2);
    expect(bad.err[0]).toMatch(/--range must be one of 1h, 24h, 7d, 30d, 90d/);
    const none = capture();
    expect(await main(['history', '--demo'], { env: {}, io: none.io })).toBe(2);
    expect(none.err[0]).toMatch(/history needs --range/);
  }, 30_000);
});
