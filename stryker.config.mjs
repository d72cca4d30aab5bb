// @ts-check
/**
 * Mutation testing (`npm run mutate`): Stryker changes the core's logic one small edit at a time
 * ("mutants": a `<` made `<=`, a branch emptied, a string blanked) and runs the tests that cover
 * each edit; a mutant the tests do not notice "survives". The score is the share killed.
 *
 * THE list of mutated files is `mutate` below, and only here. Files are grouped by area; some are
 * moved, update the paths here. A `file:from-to` entry mutates only those lines (settings-schema.ts:
 * the migrations, not the zod declarations).
 *
 * One area at a time (what a run here can afford; see README "Mutation testing"):
 *   npx stryker run --mutate <its files> [--testFiles <its own tests>] --incrementalFile reports/mutation/area-<name>.json
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts', related: false },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    // Alert rules and quiet hours
    'src/main/monitor/alert-rules.ts',
    'src/main/monitor/quiet-hours.ts',
    // History: the in-memory series (rings, append, prune, rewind), its queries and downsampling, the
    // map of series and the hourly tier. Its file formats (codec, JSON, store) are persistence, left
    // out for run time.
    'src/main/history/series.ts',
    'src/main/history/series-columns.ts',
    'src/main/history/series-queries.ts',
    'src/main/history/downsample.ts',
    'src/main/history/history.ts',
    'src/main/history/hour-buckets.ts',
    // Rate budget, the one object holding every account's budget, and back-off
    'src/main/monitor/rate-budget.ts',
    'src/main/polling/account-budgets.ts',
    'src/main/monitor/backoff.ts',
    // Count plans (LuaAuth's page search) and cycle outcomes (what one poll cycle reports:
    // permanent vs passing failures, the interval floor, auto targets, totals, status)
    'src/main/providers/luaauth/count-search.ts',
    'src/main/polling/cycle-outcome.ts',
    // Tray model
    'src/main/tray/tray-model.ts',
    // Error mapping (HTTP status / provider body → a kind the UI explains), shared and per provider
    'src/main/providers/error-mapping.ts',
    'src/main/providers/junkie/errors.ts',
    'src/main/providers/luaprot/errors.ts',
    'src/main/providers/luaauth/errors.ts',
    // Shared limits and wording
    'src/shared/input-limits.ts',
    'src/shared/plural.ts',
    'src/shared/quoted-input.ts',
    'src/shared/well-formed-text.ts',
    'src/shared/luaprot-message.ts',
    // Settings migration and salvage
    'src/main/settings/settings-schema.ts:208-309',
    'src/main/settings/settings-salvage.ts',
    'src/main/settings/unknown-fields.ts',
  ],
  coverageAnalysis: 'perTest',
  // Mutants in module-level constants (limit tables, default rules) can only be tested by running
  // every test with the module reloaded — about 30 s each here. They are left out of the score.
  ignoreStatic: true,
  // The build machine has 2 cores shared with other work: one test process per core at most.
  concurrency: 2,
  // Re-runs reuse the results of mutants whose code and covering tests did not change.
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: false, reportScoreTable: true },
  thresholds: { high: 80, low: 65, break: 80 },
  // Some tests drive thousands of samples; a mutant that loops must not hold a worker for long.
  timeoutMS: 5_000,
  tempDirName: 'reports/mutation/.stryker-tmp',
};
