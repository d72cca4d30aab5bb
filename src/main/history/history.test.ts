import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../shared/clock';
import { DAY_MS, HOUR_MS, History, HistoryFormatError, MINUTE_MS } from './history';
import { loadHistory, saveHistory } from './history-file';
import { historyFromJSON, historyToJSON } from './history-json';
import { seededRandom } from '../monitor/seeded-random';

const T0 = Date.UTC(2026, 0, 1); // a whole minute

describe('History basics', () => {
  it('appends in time order and ignores out-of-order, duplicate and unreal samples', () => {
    const h = new History();
    expect(h.append('a', T0, 10)).toBe(true);
    expect(h.append('a', T0 + 1_000, 12)).toBe(true);
    expect(h.append('a', T0 + 1_000, 99)).toBe(false);
    expect(h.append('a', T0 + 500, 99)).toBe(false);
    expect(h.append('a', T0 + 2_000, Number.NaN)).toBe(false);
    expect(h.append('a', T0 + 2_000, -1)).toBe(false);
    expect(h.valuesSince('a', 0)).toEqual([
      { at: T0, value: 10 },
      { at: T0 + 1_000, value: 12 },
    ]);
    expect(h.latest('a')).toEqual({ at: T0 + 1_000, value: 12 });
    expect(h.valueAt('a', T0 + 999)).toBe(10);
    expect(h.valueAt('a', T0 - 1)).toBeUndefined();
    expect(h.valueAt('missing', T0)).toBeUndefined();
  });

  it('valuesSince, oldestAt and allTimeHigh (optionally before a time)', () => {
    const h = new History();
    const values = [5, 9, 7, 20, 3, 8];
    values.forEach((v, i) => h.append('a', T0 + i * 30_000, v));
    expect(h.valuesSince('a', T0 + 60_000).map((p) => p.value)).toEqual([7, 20, 3, 8]);
    expect(h.oldestAt('a')).toBe(T0);
    expect(h.allTimeHigh('a')).toBe(20);
    expect(h.allTimeHigh('a', T0 + 90_000)).toBe(9); // strictly before the 20
    expect(h.allTimeHigh('a', T0 + 90_001)).toBe(20);
    expect(h.allTimeHigh('a', T0)).toBeUndefined();
    expect(h.allTimeHigh('none')).toBeUndefined();
  });

  it('switches a series to 32-bit counts when a value needs it', () => {
    const h = new History();
    h.append('big', T0, 70_000);
    h.append('big', T0 + 1_000, 5);
    h.append('small', T0, 65_535);
    expect(h.valueAt('big', T0)).toBe(70_000);
    expect(h.allTimeHigh('big')).toBe(70_000);
    expect(h.allTimeHigh('small')).toBe(65_535);
    const r = historyFromJSON(JSON.parse(JSON.stringify(historyToJSON(h))));
    expect(r.allTimeHigh('big')).toBe(70_000);
  });
});

describe('History downsampling', () => {
  it('folds samples into one-minute buckets with min, max, mean and last', () => {
    // Raw retention of one minute so a chart over older minutes comes from buckets only.
    const h = new History({ rawRetentionMs: MINUTE_MS });
    const minute1 = [10, 30, 20, 40]; // mean 25
    minute1.forEach((v, i) => h.append('a', T0 + i * 15_000, v));
    h.append('a', T0 + 5 * MINUTE_MS, 7); // pushes minute 1 out of raw
    expect(h.valuesSince('a', 0)).toEqual([{ at: T0 + 5 * MINUTE_MS, value: 7 }]);
    const pts = h.range('a', T0, T0 + 10 * MINUTE_MS, 100);
    expect(pts).toHaveLength(2);
    expect(pts[0]).toMatchObject({ t: T0, min: 10, max: 40 });
    expect(pts[0]!.value).toBeCloseTo(25, 0); // mean kept to 1/255 of (max − min)
    expect(pts[1]).toEqual({ t: T0 + 5 * MINUTE_MS, value: 7, min: 7, max: 7 });
    // Beyond raw retention, valueAt answers from the bucket's last value.
    expect(h.valueAt('a', T0 + 2 * MINUTE_MS)).toBe(40);
  });

  it('returns raw points when they fit and bins them with weighted means when they do not', () => {
    const h = new History();
    for (let i = 0; i < 120; i++) h.append('a', T0 + i * 30_000, i % 2 === 0 ? 100 : 200); // 1 h at 30 s
    const all = h.range('a', T0, T0 + HOUR_MS, 500);
    expect(all).toHaveLength(120);
    const binned = h.range('a', T0, T0 + HOUR_MS, 12);
    expect(binned).toHaveLength(12);
    for (const p of binned) {
      expect(p.min).toBe(100);
      expect(p.max).toBe(200);
      expect(p.value).toBe(150);
    }
    // Points stay in time order and inside the range.
    for (let i = 1; i < binned.length; i++) expect(binned[i]!.t).toBeGreaterThan(binned[i - 1]!.t);
    expect(h.range('a', T0, T0 + HOUR_MS, 1)).toEqual([{ t: T0 + 119 * 30_000, value: 150, min: 100, max: 200 }]);
  });

  it('charts 1 h, 24 h and 7 d from raw where kept and buckets beyond, keeping a spike visible', () => {
    const h = new History();
    const end = T0 + 7 * DAY_MS;
    for (let t = T0; t < end; t += 30_000) h.append('a', t, t === T0 + 2 * DAY_MS ? 900 : 100);
    const now = end - 30_000;
    const week = h.range('a', now - 7 * DAY_MS, now, 700);
    expect(week.length).toBeLessThanOrEqual(700);
    expect(week.length).toBeGreaterThan(690);
    expect(Math.max(...week.map((p) => p.max))).toBe(900);
    expect(week.every((p) => p.min === 100)).toBe(true);
    const day = h.range('a', now - DAY_MS, now, 600);
    expect(day.length).toBeLessThanOrEqual(600);
    expect(day.every((p) => p.value === 100)).toBe(true);
    const hour = h.range('a', now - HOUR_MS, now, 600);
    expect(hour).toHaveLength(121); // raw, both ends inclusive
  });
});

describe('History retention', () => {
  it('keeps raw samples 24 h and buckets 7 days, exactly at the boundaries', () => {
    // The minute tier alone (no hour tier): what the tiers below the hours keep.
    const h = new History({ hourRetentionMs: 0 });
    h.append('a', T0, 1);
    h.append('a', T0 + 30_000, 2);
    h.prune(T0 + DAY_MS); // the sample at exactly now − 24 h stays
    expect(h.valuesSince('a', 0).map((p) => p.value)).toEqual([1, 2]);
    h.prune(T0 + DAY_MS + 1);
    expect(h.valuesSince('a', 0).map((p) => p.value)).toEqual([2]);
    h.prune(T0 + DAY_MS + 30_001);
    expect(h.valuesSince('a', 0)).toEqual([]);
    // Still charted from the bucket of minute T0.
    expect(h.range('a', T0, T0 + MINUTE_MS, 10)).toHaveLength(1);
    expect(h.allTimeHigh('a')).toBe(2);
    // The bucket [T0, T0+1 min) is dropped once all of it is older than now − 7 d.
    h.prune(T0 + 7 * DAY_MS + MINUTE_MS - 1);
    expect(h.has('a')).toBe(true);
    h.prune(T0 + 7 * DAY_MS + MINUTE_MS);
    expect(h.has('a')).toBe(false);
  });

  it('appending alone keeps a series inside its retention, across a long gap', () => {
    const h = new History({ hourRetentionMs: 0 });
    h.append('a', T0, 50);
    h.append('a', T0 + 10 * DAY_MS, 5);
    expect(h.allTimeHigh('a')).toBe(5);
    expect(h.oldestAt('a')).toBe(T0 + 10 * DAY_MS);
    expect(h.range('a', T0, T0 + 11 * DAY_MS, 100)).toHaveLength(1);
  });

  it('keeps hourly buckets 90 days beyond the minutes: peaks, oldest time and charts reach back', () => {
    const h = new History();
    h.append('a', T0, 50);
    h.append('a', T0 + 20 * 60_000, 70);
    h.append('a', T0 + 10 * DAY_MS, 5);
    // The minute buckets of T0 are gone (older than 7 days); its hour is kept.
    expect(h.allTimeHigh('a')).toBe(70);
    expect(h.allTimeHigh('a', Infinity, T0 + DAY_MS)).toBe(5);
    expect(h.oldestAt('a')).toBe(Math.floor(T0 / HOUR_MS) * HOUR_MS);
    const points = h.range('a', T0 - HOUR_MS, T0 + 11 * DAY_MS, 10_000);
    expect(points).toHaveLength(2);
    expect(points[0]).toMatchObject({ value: 60, min: 50, max: 70 });
    expect(points[1]).toMatchObject({ t: T0 + 10 * DAY_MS, value: 5 });
    // Folded into fewer bins, the old hour still weighs by its samples.
    expect(h.range('a', T0, T0 + 11 * DAY_MS, 1)[0]).toMatchObject({ min: 5, max: 70 });
    h.prune(T0 + 90 * DAY_MS + 2 * HOUR_MS);
    expect(h.allTimeHigh('a')).toBe(5);
    h.prune(T0 + 101 * DAY_MS);
    expect(h.has('a')).toBe(false);
  });

  it('saves and loads the hour tier; an older file without it starts the hours from its minute buckets', () => {
    const h = new History();
    for (let i = 0; i < 3 * 60; i++) h.append('a', T0 + i * 60_000, i % 60);
    h.append('a', T0 + 9 * DAY_MS, 1);
    const again = historyFromJSON(JSON.parse(JSON.stringify(historyToJSON(h))));
    expect(again.range('a', T0, T0 + 10 * DAY_MS, 10_000)).toEqual(h.range('a', T0, T0 + 10 * DAY_MS, 10_000));
    expect(again.range('a', T0, T0 + 3 * HOUR_MS, 10_000)).toHaveLength(3);

    const recent = new History();
    for (let i = 0; i < 3 * 60; i++) recent.append('a', T0 + i * 60_000, i % 60);
    const old = historyToJSON(recent);
    for (const series of Object.values(old.series)) delete series.h;
    const upgraded = historyFromJSON(JSON.parse(JSON.stringify(old)));
    upgraded.append('a', T0 + 9 * DAY_MS, 1);
    const hours = upgraded.range('a', T0, T0 + 3 * HOUR_MS, 10_000);
    expect(hours.map((p) => p.max)).toEqual([59, 59, 59]);
    expect(hours[0]!.value).toBeCloseTo(29.5, 0);
    expect(() => historyFromJSON({ ...old, series: { a: { ...old.series['a']!, h: { h0: 1, n: [1], sum: [], min: [1], max: [1] } } } })).toThrow(/hour bucket lengths/);
  });

  it('caps raw samples per series', () => {
    const h = new History({ maxRawSamples: 100 });
    for (let i = 0; i < 1_000; i++) h.append('a', T0 + i * 1_000, i);
    const raw = h.valuesSince('a', 0);
    expect(raw).toHaveLength(100);
    expect(raw[0]!.value).toBe(900);
    // Older minutes remain as buckets.
    expect(h.range('a', T0, T0 + 1_000_000, 10_000)[0]).toMatchObject({ t: T0, min: 0, max: 59 });
  });
});

describe('History persistence', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pulsebar-history-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  function sampleHistory(): { h: History; end: number } {
    const h = new History();
    const rnd = seededRandom(3);
    let t = T0;
    for (; t < T0 + 2 * DAY_MS; t += 30_000) {
      h.append('acc/script', t, 50 + Math.floor(rnd() * 20));
      h.append('acc', t, 80 + Math.floor(rnd() * 20));
    }
    return { h, end: t };
  }

  it('survives serialize / fromJSON and save / load unchanged', async () => {
    const { h, end } = sampleHistory();
    h.prune(end); // loadHistory prunes at the clock's now; compare like with like
    const path = join(dir, 'history.json.gz');
    await saveHistory(path, h);
    const clock = new ManualClock(end);
    const { history: back, notice } = await loadHistory(path, { clock });
    expect(notice).toBeUndefined();
    for (const key of ['acc/script', 'acc']) {
      for (const [from, span, points] of [
        [end - HOUR_MS, HOUR_MS, 500],
        [end - DAY_MS, DAY_MS, 500],
        [end - 7 * DAY_MS, 7 * DAY_MS, 700],
      ] as const) {
        expect(back.range(key, from, from + span, points)).toEqual(h.range(key, from, from + span, points));
      }
      expect(back.valuesSince(key, 0)).toEqual(h.valuesSince(key, 0));
      expect(back.allTimeHigh(key)).toBe(h.allTimeHigh(key));
    }
    // Appending after a load carries on where it stopped (out-of-order still refused).
    expect(back.append('acc', end - 30_000, 1)).toBe(false);
    expect(back.append('acc', end, 1)).toBe(true);
    expect(JSON.stringify(historyToJSON(historyFromJSON(JSON.parse(JSON.stringify(historyToJSON(h))))))).toBe(
      JSON.stringify(historyToJSON(h)),
    );
  });

  it('a missing file is an empty history without a notice', async () => {
    const r = await loadHistory(join(dir, 'nope.json.gz'));
    expect(r.history.keys()).toEqual([]);
    expect(r.notice).toBeUndefined();
  });

  it('a corrupt file is set aside with a notice, never a crash', async () => {
    for (const [name, body] of [
      ['garbage', Buffer.from('not json at all {')],
      ['truncated-gzip', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01])],
      ['wrong-shape', Buffer.from(JSON.stringify({ format: 'pulsebar-history', version: 1, series: { a: { rt: [1], rv: [] } } }))],
      ['future-version', Buffer.from(JSON.stringify({ format: 'pulsebar-history', version: 99, series: {} }))],
    ] as const) {
      const path = join(dir, `${name}.json.gz`);
      await writeFile(path, body);
      const clock = new ManualClock(T0);
      const r = await loadHistory(path, { clock });
      expect(r.history.keys()).toEqual([]);
      expect(r.notice).toMatch(/set aside/);
      expect(r.setAsidePath).toBe(`${path}.corrupt-${T0}`);
      expect(await readFile(r.setAsidePath!)).toEqual(body);
    }
    expect((await readdir(dir)).every((f) => f.includes('.corrupt-'))).toBe(true);
    expect(() => historyFromJSON({ format: 'x' })).toThrow(HistoryFormatError);
  });
});

describe('History memory', () => {
  it('7 days of 30 s samples for 150 series stays small', async () => {
    const before = process.memoryUsage();
    const h = new History();
    const keys = Array.from({ length: 150 }, (_, i) => (i < 10 ? `acc${i}` : `acc${i % 10}/t${i}`));
    const rnd = seededRandom(11);
    const end = T0 + 7 * DAY_MS;
    let samples = 0;
    for (let t = T0; t < end; t += 30_000) {
      for (const k of keys) {
        h.append(k, t, 100 + Math.floor(rnd() * 50));
        samples++;
      }
      if ((t - T0) % HOUR_MS === 0) h.prune(t);
    }
    h.prune(end);
    const bytes = h.memoryBytes();
    const after = process.memoryUsage();
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    const serialized = JSON.stringify(historyToJSON(h)).length;
    console.log(
      `history memory: ${samples} samples into 150 series -> typed arrays ${mb(bytes)} MB ` +
        `(${Math.round(bytes / 150 / 1024)} KB per series); process arrayBuffers Δ ${mb(after.arrayBuffers - before.arrayBuffers)} MB; ` +
        `serialized JSON ${mb(serialized)} MB`,
    );
    expect(bytes).toBeLessThan(30 * 1024 * 1024);
    // arrayBuffers is process-wide (other test files, garbage not yet collected): printed, not asserted.
    // The week is still all there.
    expect(h.range('acc3', end - 7 * DAY_MS, end, 1_000).length).toBeGreaterThan(990);
    const path = join(tmpdir(), `pulsebar-mem-${process.pid}.json.gz`);
    await saveHistory(path, h);
    const size = (await readFile(path)).length;
    console.log(`history file (gzip): ${mb(size)} MB`);
    const { history: back } = await loadHistory(path, { clock: new ManualClock(end) });
    expect(back.memoryBytes()).toBeLessThanOrEqual(bytes);
    await rm(path, { force: true });
  });
});

describe('History after the wall clock steps back', () => {
  it('drops samples dated after the new now and accepts the series again at once', () => {
    const h = new History();
    const t0 = Date.UTC(2026, 0, 1, 12);
    for (let i = 0; i <= 40; i++) h.append('k', t0 + i * 30_000, 100 + i);
    const back = t0 + 10 * 60_000 + 10_000; // 10 min 10 s in, after a 10 min step back
    expect(h.append('k', back, 7)).toBe(false);
    h.rewind(back);
    expect(h.latest('k')).toEqual({ at: t0 + 10 * 60_000, value: 120 });
    expect(h.append('k', back, 7)).toBe(true);
    expect(h.latest('k')).toEqual({ at: back, value: 7 });
    // Nothing of the dropped future is left in the minute buckets either.
    expect(h.allTimeHigh('k')).toBe(120);
    expect(Math.max(...h.range('k', t0, t0 + 30 * 60_000, 5).map((p) => p.max))).toBe(120);
  });

  it('rebuilds the minute it rewinds into with the true minimum and maximum of the samples kept', () => {
    const h = new History();
    const t0 = Date.UTC(2026, 0, 1, 12); // a minute boundary
    const values = [50, 20, 40, 60, 30, 10, 80, 5, 90, 70, 65, 75];
    values.forEach((v, i) => h.append('k', t0 + i * 10_000, v));
    // Back to 35 s into the first minute: 50, 20, 40, 60 are kept, the rest is the dropped future.
    h.rewind(t0 + 35_000);
    const b = (historyToJSON(h) as { series: Record<string, { b: { n: number[]; min: number[]; max: number[]; last: number[] } }> }).series.k!.b;
    expect(b.n).toEqual([4]);
    expect(b.min).toEqual([20]);
    expect(b.max).toEqual([60]);
    expect(b.last).toEqual([60]);
    // Charts read the same: one point per kept sample, the lowest 20.
    expect(Math.min(...h.range('k', t0, t0 + 10 * 60_000, 100).map((p) => p.min))).toBe(20);
  });

  it('gives the high since a time (a restarted series) from buckets and raw samples', () => {
    const h = new History();
    const t0 = Date.UTC(2026, 0, 1, 12);
    for (let i = 0; i < 120; i++) h.append('k', t0 + i * 30_000, i < 60 ? 500 : 100 + (i % 7));
    expect(h.allTimeHigh('k', t0 + 120 * 30_000)).toBe(500);
    expect(h.allTimeHigh('k', t0 + 120 * 30_000, t0 + 60 * 30_000)).toBe(106);
    expect(h.allTimeHigh('k', t0 + 120 * 30_000, t0 + 59 * 30_000)).toBe(500);
  });
});
