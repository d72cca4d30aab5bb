import type { KnipConfig } from 'knip';

/** `npm run knip` (part of `npm test`): no unused files, exports, types or dependencies. */
const config: KnipConfig = {
  // main, preload, renderer, CLI, simulator and bench entries come from package.json and the
  // electron-vite/vite configs through knip's plugins.
  entry: [
    'scripts/*.{ts,mjs}',
    // Spawned by path in a child process, so no import reaches them.
    'test/bench/sim-process.ts',
    'src/cli/test-support/sim-process.ts',
    // Stryker's own vitest config (npm run mutate) loads it.
    'test/mutation/stryker-vitest-setup.ts',
  ],
  project: ['src/**/*.{ts,tsx}', 'scripts/**/*.{ts,mjs}', 'test/**/*.ts'],
  // app-builder-lib and builder-util come with electron-builder; test/electron-builder.test.ts reads the
  // config through electron-builder's own loader so the fuse check sees what a build would.
  // @stryker-mutator/api comes with @stryker-mutator/core; stryker.config.mjs only names its types.
  ignoreDependencies: ['app-builder-lib', 'builder-util', '@stryker-mutator/api'],
  ignoreExportsUsedInFile: true,
};

export default config;
