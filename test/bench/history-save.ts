/**
 * History at 90 days and what a save costs: memory of 154 series with 83 days of 5-minute samples
 * (hour tier) plus 7 days of 30-second ones (minutes and raw); then the old whole-file JSON save
 * against the snapshot + journal store — CPU (all threads), the longest main-thread stall, bytes.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../src/shared/clock';
import { DAY_MS, History } from '../../src/main/history/history';
import { saveHistory } from '../../src/main/history/history-file';
import { HistoryStore } from '../../src/main/history/history-store';
import { seededRandom } from '../../src/main/monitor/seeded-random';

const SERIES = 3 * 50 + 3 + 1;

async function measure<T>(what: () => Promise<T>): Promise<{ result: T; cpuMs: number; wallMs: number; stallMs: number }> {
  // The longest gap between ticks of a 1 ms timer: how long the main thread was held at once.
  let last = performance.now();
  let stallMs = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 1);
  await new Promise((resolve) => setTimeout(resolve, 5));
  last = performance.now();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await what();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  stallMs = Math.max(stallMs, performance.now() - last);
  clearInterval(ticker);
  return { result, cpuMs: (cpu.user + cpu.system) / 1000, wallMs, stallMs };
}

export async function runHistorySaveBench(): Promise<void> {
  const random = seededRandom(9);
  const levels = Array.from({ length: SERIES }, () => 100 + Math.floor(random() * 4_900));
  const end = Date.UTC(2026, 3, 1);
  const start = end - 90 * DAY_MS;
  const fineFrom = end - 7 * DAY_MS;
  global.gc?.();
  const before = process.memoryUsage();
  const history = new History();
  const t0 = performance.now();
  let samples = 0;
  for (let at = start; at <= end; at += at < fineFrom ? 300_000 : 30_000) {
    for (let s = 0; s < SERIES; s++) {
      history.append(`s${s}`, at, Math.max(0, Math.round(levels[s]! * (0.9 + random() * 0.2))));
      samples++;
    }
    if ((at - start) % 3_600_000 === 0) history.prune(at);
  }
  const appendMs = performance.now() - t0;
  global.gc?.();
  const after = process.memoryUsage();
  const grown = after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers);
  console.log(`\nHistory at 90 days — ${SERIES} series (${samples.toLocaleString('en')} samples appended in ${(appendMs / 1000).toFixed(1)} s)`);
  console.log(`  retained ${(history.memoryBytes() / 1024 / 1024).toFixed(1)} MB by its own count; heap + array buffers +${(grown / 1024 / 1024).toFixed(1)} MB (goal ≤ 40 MB)`);
  const q0 = performance.now();
  for (let s = 0; s < SERIES; s++) history.range(`s${s}`, end - 90 * DAY_MS, end, 90 * 24);
  console.log(`  90-day hourly query ${((performance.now() - q0) / SERIES).toFixed(2)} ms/series`);

  const dir = await mkdtemp(join(tmpdir(), 'pulsebar-bench-history-'));
  try {
    const legacy = await measure(() => saveHistory(join(dir, 'history.json'), history));
    const legacySize = (await stat(join(dir, 'history.json'))).size;
    console.log(
      `  whole-file JSON save (before): ${legacy.cpuMs.toFixed(0)} ms CPU, ${legacy.wallMs.toFixed(0)} ms wall, main thread stalled up to ${legacy.stallMs.toFixed(0)} ms, ${(legacySize / 1024 / 1024).toFixed(1)} MB`,
    );
    const clock = new ManualClock(end);
    const store = new HistoryStore(join(dir, 'store'), { clock });
    await import('node:fs/promises').then((fs) => fs.mkdir(join(dir, 'store')));
    history.trackChanges();
    const snapshot = await measure(() => store.save(history));
    console.log(
      `  snapshot save: ${snapshot.cpuMs.toFixed(0)} ms CPU, ${snapshot.wallMs.toFixed(0)} ms wall, main thread stalled up to ${snapshot.stallMs.toFixed(0)} ms, ${(snapshot.result.bytes / 1024 / 1024).toFixed(1)} MB`,
    );
    // Five minutes of 30-second polls, then the save the app makes every 5 minutes.
    for (let at = end + 30_000; at <= end + 300_000; at += 30_000) {
      for (let s = 0; s < SERIES; s++) history.append(`s${s}`, at, levels[s]!);
    }
    clock.set(end + 300_000);
    const journal = await measure(() => store.save(history));
    console.log(
      `  5-minute save (journal): ${journal.cpuMs.toFixed(1)} ms CPU, main thread stalled up to ${journal.stallMs.toFixed(0)} ms, ${(journal.result.bytes / 1024).toFixed(1)} kB appended`,
    );
    const load = await measure(() => new HistoryStore(join(dir, 'store'), { clock }).load());
    console.log(`  load (snapshot + journal): ${load.cpuMs.toFixed(0)} ms CPU, ${load.wallMs.toFixed(0)} ms wall`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
