import { mkdtemp, readFile, readdir, rm, stat, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../shared/clock';
import { DAY_MS, HOUR_MS, History } from './history';
import { saveHistory } from './history-file';
import { decodeHistory, encodeHistory } from './history-codec';
import { HistoryStore } from './history-store';

const T0 = Date.UTC(2026, 10, 1);
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pulsebar-history-store-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

function fill(h: History, from: number, minutes: number, keys = ['total', 'account:a', 'target:a:t1']): void {
  for (let m = 0; m < minutes; m++) {
    for (const [i, key] of keys.entries()) h.append(key, from + m * 60_000, 100 + i * 10 + (m % 7));
  }
}

const chart = (h: History, key: string, to: number) => h.range(key, to - 10 * DAY_MS, to, 100_000);

describe('binary history codec', () => {
  it('round-trips every tier exactly, wide counts included', () => {
    const h = new History();
    fill(h, T0 - 9 * DAY_MS, 60);
    fill(h, T0, 300);
    h.append('big', T0, 70_000);
    h.append('big', T0 + 1_000, 3);
    const decoded = decodeHistory(encodeHistory(h.toColumns(), 42));
    expect(decoded.generation).toBe(42);
    const back = History.fromColumns(decoded.series);
    for (const key of h.keys()) {
      expect(chart(back, key, T0 + DAY_MS)).toEqual(chart(h, key, T0 + DAY_MS));
      expect(back.valuesSince(key, 0)).toEqual(h.valuesSince(key, 0));
      expect(back.allTimeHigh(key)).toBe(h.allTimeHigh(key));
      expect(back.oldestAt(key)).toBe(h.oldestAt(key));
    }
    expect(back.allTimeHigh('big')).toBe(70_000);
  });

  it('refuses damaged bytes with a reason', () => {
    const h = new History();
    fill(h, T0, 10);
    const bytes = encodeHistory(h.toColumns());
    expect(() => decodeHistory(bytes.subarray(0, bytes.length - 9))).toThrow(/cut short/);
    expect(() => decodeHistory(Buffer.from('nope, not history'))).toThrow(/not a Pulsebar binary history/);
    const other = Buffer.from(bytes);
    other.writeUInt32LE(99, 4);
    expect(() => decodeHistory(other)).toThrow(/version 99/);
  });
});

describe('history store', () => {
  it('appends only new samples to a journal between snapshots, and loads snapshot + journal', async () => {
    const clock = new ManualClock(T0);
    const store = new HistoryStore(dir, { clock });
    const { history } = await store.load();
    fill(history, T0, 120);
    expect((await store.save(history)).kind).toBe('snapshot');
    const snapshotSize = (await stat(store.snapshotPath)).size;

    clock.set(T0 + 125 * 60_000);
    fill(history, T0 + 120 * 60_000, 5);
    const small = await store.save(history);
    expect(small.kind).toBe('journal');
    expect(small.bytes).toBeLessThan(1_000);
    expect((await stat(store.snapshotPath)).size).toBe(snapshotSize);
    expect(await store.save(history)).toEqual({ kind: 'nothing', bytes: 0 });

    const again = await new HistoryStore(dir, { clock }).load();
    expect(again.notice).toBeUndefined();
    for (const key of history.keys()) expect(chart(again.history, key, clock.now())).toEqual(chart(history, key, clock.now()));
    expect(again.history.latest('total')).toEqual(history.latest('total'));
  });

  it('takes a new snapshot after a rewind, and a stale journal from an older snapshot is ignored', async () => {
    const clock = new ManualClock(T0 + 60 * 60_000);
    const store = new HistoryStore(dir, { clock });
    const { history } = await store.load();
    fill(history, T0, 60);
    await store.save(history);
    const oldJournalLine = { g: -5, k: ['total'], s: [0], t: [T0 + 59.5 * 60_000], v: [9_999] };
    await appendFile(store.journalPath, `${JSON.stringify(oldJournalLine)}\n`);
    history.rewind(T0 + 30 * 60_000);
    expect((await store.save(history)).kind).toBe('snapshot');
    const again = await new HistoryStore(dir, { clock }).load();
    expect(again.history.latest('total')!.at).toBe(T0 + 30 * 60_000);
    expect(again.history.allTimeHigh('total')).toBeLessThan(9_999);
  });

  it('compacts once the journal is big or old', async () => {
    const clock = new ManualClock(T0);
    const store = new HistoryStore(dir, { clock, compactEveryMs: HOUR_MS });
    const { history } = await store.load();
    fill(history, T0, 10);
    await store.save(history);
    clock.set(T0 + 30 * 60_000);
    fill(history, T0 + 10 * 60_000, 10);
    expect((await store.save(history)).kind).toBe('journal');
    clock.set(T0 + 2 * HOUR_MS);
    fill(history, T0 + 20 * 60_000, 10);
    expect((await store.save(history)).kind).toBe('snapshot');
    expect(await readFile(store.journalPath, 'utf8')).toBe('');
  });

  it('reads an earlier version’s history.json once, then replaces it', async () => {
    const clock = new ManualClock(T0 + DAY_MS);
    const old = new History();
    fill(old, T0, 90);
    await saveHistory(join(dir, 'history.json'), old);
    const store = new HistoryStore(dir, { clock });
    const { history, notice } = await store.load();
    expect(notice).toBeUndefined();
    expect(chart(history, 'total', clock.now())).toEqual(chart(old, 'total', clock.now()));
    expect((await store.save(history)).kind).toBe('snapshot');
    expect((await readdir(dir)).sort()).toEqual(['history.bin', 'history.journal']);
    const again = await new HistoryStore(dir, { clock }).load();
    expect(chart(again.history, 'total', clock.now())).toEqual(chart(old, 'total', clock.now()));
  });

  it('sets a damaged snapshot aside, says so, and still starts', async () => {
    const clock = new ManualClock(T0);
    await writeFile(join(dir, 'history.bin'), 'garbage');
    const loaded = await new HistoryStore(dir, { clock }).load();
    expect(loaded.notice).toMatch(/unreadable.*set aside as .*history\.bin\.corrupt-/);
    expect(loaded.history.keys()).toEqual([]);
    expect((await readdir(dir)).some((f) => f.startsWith('history.bin.corrupt-'))).toBe(true);
  });

  it('sets a snapshot from a newer Pulsebar aside as newer, not as damaged', async () => {
    const h = new History();
    fill(h, T0, 5);
    const bytes = encodeHistory(h.toColumns());
    bytes.writeUInt32LE(7, 4);
    await writeFile(join(dir, 'history.bin'), bytes);
    const loaded = await new HistoryStore(dir, { clock: new ManualClock(T0) }).load();
    expect(loaded.notice).toMatch(/newer version of Pulsebar; it was set aside as .*history\.bin\.newer-/);
  });

  it('ignores a journal line cut off by a crash, and names unreadable ones', async () => {
    const clock = new ManualClock(T0 + HOUR_MS);
    const store = new HistoryStore(dir, { clock });
    const { history } = await store.load();
    fill(history, T0, 10);
    await store.save(history);
    fill(history, T0 + 10 * 60_000, 10);
    await store.save(history);
    await appendFile(store.journalPath, '{"g":1,"k":["tot');
    const cut = await new HistoryStore(dir, { clock }).load();
    expect(cut.notice).toBeUndefined();
    expect(cut.history.latest('total')).toEqual(history.latest('total'));
    await writeFile(store.journalPath, `not json\n${await readFile(store.journalPath, 'utf8')}`);
    const damaged = await new HistoryStore(dir, { clock }).load();
    expect(damaged.notice).toMatch(/1 saved history update was unreadable/);
  });
});
