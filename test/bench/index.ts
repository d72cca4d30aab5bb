/**
 * `npm run bench`: prints figures, asserts nothing. Poll-cycle cost, history
 * memory, and (in Chromium) the session list's render and search times.
 */
import { runHistoryBench } from './history-memory';
import { runHistorySaveBench } from './history-save';
import { runPollCycleBench } from './poll-cycle';

const only = process.argv[2];
if (!only || only === 'poll') await runPollCycleBench();
if (!only || only === 'history') {
  runHistoryBench();
  await runHistorySaveBench();
}
if (!only || only === 'render') {
  const { runRenderBench } = await import('./render.bench');
  await runRenderBench();
}
