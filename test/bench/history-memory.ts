/** History memory after 7 simulated days of 30-second polls for 3 × 50 targets plus totals. */
import { historyToJSON } from '../../src/main/history/history-json';
import { History } from '../../src/main/history/history';
import { seededRandom } from '../../src/main/monitor/seeded-random';

export function runHistoryBench(): void {
  const series = 3 * 50 + 3 + 1;
  const random = seededRandom(5);
  global.gc?.();
  const before = process.memoryUsage();
  const history = new History();
  const start = Date.UTC(2026, 0, 1);
  const step = 30_000;
  const end = start + 7 * 86_400_000;
  const levels = Array.from({ length: series }, () => 100 + Math.floor(random() * 4_900));
  const t0 = performance.now();
  let samples = 0;
  for (let at = start; at <= end; at += step) {
    for (let s = 0; s < series; s++) {
      history.append(`s${s}`, at, Math.max(0, Math.round(levels[s]! * (0.9 + random() * 0.2))));
      samples++;
    }
    if ((at - start) % 3_600_000 === 0) history.prune(at);
  }
  history.prune(end);
  const appendMs = performance.now() - t0;
  global.gc?.();
  const after = process.memoryUsage();
  // Typed arrays live outside the JS heap: count array buffers too.
  const grown = after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers);
  const q0 = performance.now();
  for (let s = 0; s < series; s++) history.range(`s${s}`, end - 7 * 86_400_000, end, 500);
  const queryMs = performance.now() - q0;
  const json = JSON.stringify(historyToJSON(history));
  console.log(`\nHistory — ${series} series × 7 days of 30 s samples (${samples.toLocaleString('en')} appended)`);
  console.log(
    `  retained ${(history.memoryBytes() / 1024 / 1024).toFixed(1)} MB by its own count, heap + array buffers +${(grown / 1024 / 1024).toFixed(1)} MB; ` +
      `append ${((appendMs * 1000) / samples).toFixed(2)} µs/sample; 7-day chart query ${(queryMs / series).toFixed(2)} ms/series; ` +
      `serialized ${(json.length / 1024 / 1024).toFixed(1)} MB before gzip`,
  );
}
