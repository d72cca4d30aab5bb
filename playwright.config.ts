import { randomBytes } from 'node:crypto';
import { defineConfig, type Project } from '@playwright/test';

/**
 * E2E: the built renderer in Debian's Chromium against the real app core behind the browser bridge
 * (scripts/web-bridge.ts), started here as the web server. `npm run test:e2e` (scripts/e2e.mjs)
 * builds the renderer, picks a free port and runs this under scripts/with-keyring.sh.
 * The `electron` project runs the same specs through Playwright's Electron support; it is only
 * defined when PULSEBAR_E2E_ELECTRON=1 (see `npm run e2e:electron`).
 */
const port = Number(process.env.PULSEBAR_E2E_PORT ?? 5199);
const baseURL = `http://127.0.0.1:${port}`;
const electron = process.env.PULSEBAR_E2E_ELECTRON === '1';
// The bridge's per-run token. Set once here, in the runner: the bridge it starts and the workers
// it forks (which load this file again, and keep the inherited value) all read the same one.
process.env.PULSEBAR_BRIDGE_TOKEN ??= randomBytes(24).toString('base64url');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const projects: Project[] = [
  {
    name: 'chromium',
    testIgnore: /\.bench\./,
    use: {
      browserName: 'chromium',
      launchOptions: { executablePath: process.env.PULSEBAR_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
    },
  },
];
if (electron) projects.splice(0, 1, { name: 'electron', testIgnore: /\.bench\./ });

export default defineConfig({
  testDir: 'test/e2e',
  // One bridge, one core: tests reset it (POST /__test/reset) and run one at a time.
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: 'test-results/e2e',
  use: {
    baseURL,
    viewport: { width: 420, height: 640 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects,
  webServer: electron
    ? undefined
    : {
        command: `node_modules/.bin/tsx scripts/web-bridge.ts --port ${port} --secrets keychain --test-hooks`,
        // Without the token it answers 403, which Playwright counts as "up".
        url: `${baseURL}/__bridge/client.js`,
        reuseExistingServer: false,
        timeout: 60_000,
        stdout: 'pipe',
        stderr: 'pipe',
      },
});
