import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../shared/clock';
import { HOUR_MS, History, MINUTE_MS } from './history';
import { decodeHistory, encodeHistory } from './history-codec';
import { historyFromJSON, historyToJSON } from './history-json';
import { HistoryStore } from './history-store';

/*
 * The seam between the hour tier and the minute tier: the minute tier's retention drops whole
 * minutes, so it usually starts part-way through an hour. The samples of that hour before it are
 * only in the hour tier; every query must still read each sample exactly once (issue 11: a 999
 * peak there was missed by allTimeHigh(), which could raise a false "new all-time high").
 * Retentions are shortened (raw 30 min, minutes 3 h) so the seam is reached in 6½ hours.
 */

const T0 = Date.UTC(2026, 0, 5, 0, 0, 0); // on the hour
const KEY = 'acc/hub';
const OPTIONS = { rawRetentionMs: 30 * MINUTE_MS, bucketRetentionMs: 3 * HOUR_MS, hourRetentionMs: 2 * 24 * HOUR_MS };
const END = T0 + 6 * HOUR_MS + 30 * MINUTE_MS;
/** Where the minute tier starts once END is appended: half past hour 3. */
const SEAM = END - OPTIONS.bucketRetentionMs;
const PEAK_AT = T0 + 3 * HOUR_MS + 10 * MINUTE_MS;

interface Sample {
  at: number;
  value: number;
}

/** One sample every 30 s; 10–14 before the seam, 20–24 after it (a double count would move the mean), one 999 peak before it. */
function samples(from = T0, to = END): Sample[] {
  const out: Sample[] = [];
  for (let at = from, i = 0; at <= to; at += 30_000, i++) {
    out.push({ at, value: at === PEAK_AT ? 999 : (at < SEAM ? 10 : 20) + (i % 5) });
  }
  return out;
}

function appendAll(h: History, xs: Sample[]): void {
  for (const s of xs) expect(h.append(KEY, s.at, s.value)).toBe(true);
}

const maxOf = (xs: Sample[]) => Math.max(...xs.map((s) => s.value));
const minOf = (xs: Sample[]) => Math.min(...xs.map((s) => s.value));
const meanOf = (xs: Sample[]) => xs.reduce((n, s) => n + s.value, 0) / xs.length;

/** Every query that spans the seam answers like the list of samples the history holds. */
function expectSeesEachOnce(h: History, held: Sample[]): void {
  const oldest = held[0]!.at;
  expect(h.allTimeHigh(KEY)).toBe(maxOf(held));
  expect(h.allTimeHigh(KEY, END)).toBe(maxOf(held.filter((s) => s.at < END)));
  // From the seam's hour (whole hours) to the middle of the minute tier.
  const hour3 = T0 + 3 * HOUR_MS;
  const before = T0 + 5 * HOUR_MS + 7 * MINUTE_MS;
  expect(h.allTimeHigh(KEY, before, hour3)).toBe(maxOf(held.filter((s) => s.at >= hour3 && s.at < before)));
  expect(h.oldestAt(KEY)).toBe(oldest);

  const [point, ...rest] = h.range(KEY, oldest, END, 1);
  expect(rest).toEqual([]);
  expect(point!.min).toBe(minOf(held));
  expect(point!.max).toBe(maxOf(held));
  // Bucket means are stored to 1/256 of their span: a small tolerance; counting the minute tier's
  // part of the seam hour twice (or not at all) moves the mean by more than 0.3.
  expect(Math.abs(point!.value - meanOf(held))).toBeLessThan(0.05);

  // Around the seam only: the seam's hour is one point with its high, minutes follow from the next hour.
  const points = h.range(KEY, hour3, T0 + 4 * HOUR_MS + 5 * MINUTE_MS - 1, 10_000);
  expect(points.map((p) => p.t)).toEqual([hour3, ...[0, 1, 2, 3, 4].map((m) => T0 + 4 * HOUR_MS + m * MINUTE_MS)]);
  expect(points[0]!.max).toBe(maxOf(held.filter((s) => s.at >= hour3 && s.at < hour3 + HOUR_MS)));
}

describe('the seam between the hour and minute tiers', () => {
  it('the minute tier starts part-way through an hour', () => {
    const h = new History(OPTIONS);
    appendAll(h, samples());
    expect(h.toColumns()[0]!.m0 * MINUTE_MS).toBe(SEAM);
    expectSeesEachOnce(h, samples());
  });

  it('after a binary snapshot round trip', () => {
    const h = new History(OPTIONS);
    appendAll(h, samples());
    const back = History.fromColumns(decodeHistory(encodeHistory(h.toColumns())).series, OPTIONS);
    expectSeesEachOnce(back, samples());
  });

  describe('through the store', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'pulsebar-history-seam-'));
    });
    afterEach(async () => rm(dir, { recursive: true, force: true }));

    it('after a snapshot and a journal are loaded', async () => {
      const clock = new ManualClock(T0);
      const store = new HistoryStore(dir, { clock, history: OPTIONS });
      const { history } = await store.load();
      const all = samples();
      appendAll(history, all.filter((s) => s.at < END - HOUR_MS));
      clock.set(END - HOUR_MS);
      expect((await store.save(history)).kind).toBe('snapshot');
      appendAll(history, all.filter((s) => s.at >= END - HOUR_MS));
      clock.set(END);
      expect((await store.save(history)).kind).toBe('journal');
      const again = await new HistoryStore(dir, { clock, history: OPTIONS }).load();
      expectSeesEachOnce(again.history, all);
    });
  });

  it('an old history.json (no hour tier) holds its minutes and raw samples once each', () => {
    const h = new History(OPTIONS);
    appendAll(h, samples());
    const json = historyToJSON(h);
    for (const s of Object.values(json.series)) delete (s as { h?: unknown }).h;
    const back = historyFromJSON(JSON.parse(JSON.stringify(json)), OPTIONS);
    // The old format kept no hours: what it holds starts at the seam (the 999 peak was before it).
    const held = samples().filter((s) => s.at >= SEAM);
    expect(back.allTimeHigh(KEY)).toBe(maxOf(held));
    // The hour tier rebuilt from those minutes holds nothing more: the minutes answer, to the minute.
    expect(back.oldestAt(KEY)).toBe(SEAM);
    const [point] = back.range(KEY, SEAM, END, 1);
    expect(point!.max).toBe(maxOf(held));
    expect(Math.abs(point!.value - meanOf(held))).toBeLessThan(0.05);
  });
});

describe('the seam between the minute and raw tiers', () => {
  // Raw retention 30 min 20 s: it drops samples part-way through a minute, which the bucket keeps.
  const options = { rawRetentionMs: 30 * MINUTE_MS + 20_000, bucketRetentionMs: 3 * HOUR_MS };
  const end = T0 + HOUR_MS;
  /** Every 10 s: 10–14, one 999 at 29 min 10 s (dropped from the raw tier, kept in its minute's bucket). */
  const held = (): Sample[] => {
    const out: Sample[] = [];
    for (let at = T0, i = 0; at <= end; at += 10_000, i++) out.push({ at, value: at === T0 + 29 * MINUTE_MS + 10_000 ? 999 : 10 + (i % 5) });
    return out;
  };

  it('the chart reads the samples the raw tier dropped in its first minute, once', () => {
    const h = new History(options);
    appendAll(h, held());
    expect(h.valuesSince(KEY, 0)[0]!.at).toBe(T0 + 29 * MINUTE_MS + 40_000);
    const [point] = h.range(KEY, T0, end, 1);
    expect(point!.max).toBe(999);
    expect(Math.abs(point!.value - meanOf(held())) ).toBeLessThan(0.05);
    // From inside the raw tier on, raw samples exactly, as before.
    const from = T0 + 29 * MINUTE_MS + 40_000;
    expect(h.range(KEY, from, end, 10_000)).toEqual(held().filter((s) => s.at >= from).map((s) => ({ t: s.at, value: s.value, min: s.value, max: s.value })));
    expect(h.allTimeHigh(KEY)).toBe(999);
  });
});
