import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/**
 * Two projects: the main process, CLI and shared code run in Node (as they do in the app); the window's
 * code (src/renderer) runs in jsdom with React, Testing Library and a fake `window.pulsebar`
 * (src/renderer/src/test-support/). Both run in `npm run test:unit`.
 */
const shared = { testTimeout: 20_000, hookTimeout: 20_000 };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'node',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**', 'src/renderer/**'],
          environment: 'node',
        },
      },
      {
        plugins: [react()],
        test: {
          ...shared,
          name: 'renderer',
          include: ['src/renderer/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['src/renderer/src/test-support/setup.ts'],
        },
      },
    ],
  },
});
