/**
 * `npm run bench`: prints figures, asserts nothing. Poll-cycle cost, history
 * memory, and (in Chromium) the session list's render and search times.
 */
import { runFaultsBench } from './faults';
import { runHistoryBench } from './history-memory';
import { runHistorySaveBench } from './history-save';
import { runPollCycleBench } from './poll-cycle';

const only = process.argv[2];
// Not part of the default run: it takes minutes (`npm run bench -- faults --minutes 10`).
if (only === 'faults') await runFaultsBench(process.argv.slice(3));
if (!only || only === 'poll') await runPollCycleBench();
if (!only || only === 'history') {
  runHistoryBench();
  await runHistorySaveBench();
}
if (!only || only === 'render') {
  const { runRenderBench } = await import('./render.bench');
  await runRenderBench();
}
