import { defineConfig } from 'vitest/config';

/**
 * The tests Stryker (`npm run mutate`, stryker.config.mjs) runs against each mutant: only the Node
 * tests that cover the mutated core files — no keyring (nothing here touches keytar), no jsdom, no
 * simulator-backed integration suites — so that each mutant costs as little as possible.
 * A test file that covers a mutated file belongs here; one that does not only slows the run.
 */
export default defineConfig({
  test: {
    name: 'mutation',
    environment: 'node',
    setupFiles: ['test/mutation/stryker-vitest-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    include: [
      // Alert rules, quiet hours
      'src/main/monitor/alert-rules*.test.ts',
      'src/main/monitor/quiet-hours*.test.ts',
      // History
      'src/main/history/*.test.ts',
      'src/main/monitor/insights.test.ts',
      // Rate budget, back-off
      'src/main/monitor/rate-budget*.test.ts',
      'src/main/monitor/backoff*.test.ts',
      // Count plans, cycle outcomes
      'src/main/providers/luaauth/count-search*.test.ts',
      'src/main/polling/*.test.ts',
      // Tray model
      'src/main/tray/tray-model*.test.ts',
      // Error mapping
      'src/main/providers/error-mapping*.test.ts',
      // Shared limits and wording
      'src/shared/*.test.ts',
      // Settings migration and salvage
      'src/main/settings/settings-*.test.ts',
    ],
  },
});
