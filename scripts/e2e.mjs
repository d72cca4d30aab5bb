#!/usr/bin/env node
/**
 * npm run test:e2e — builds the renderer, then runs the Playwright specs in Debian's Chromium
 * against the browser bridge (real app core + simulator) on a free loopback port, inside a
 * private gnome-keyring (scripts/with-keyring.sh) so added keys go to a real Secret Service.
 * Extra arguments are passed to `playwright test` (e.g. `npm run test:e2e -- -g search`).
 * Never downloads a browser: a missing /usr/bin/chromium is an error with the apt command.
 *
 * `--electron` (npm run e2e:electron) runs the same specs against the Electron app through
 * Playwright's Electron support instead; where no Electron binary is installed it says so and
 * exits 0 without claiming a pass.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRenderer } from './web-bridge-build.mjs';
import { findElectronBinary } from './electron-binary.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const chromium = process.env.PULSEBAR_CHROMIUM ?? '/usr/bin/chromium';
const args = process.argv.slice(2);
const playwright = resolve(root, 'node_modules/.bin/playwright');
const withKeyring = resolve(root, 'scripts/with-keyring.sh');

function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

function runUnderKeyring(playwrightArgs, env) {
  const child = spawn('bash', [withKeyring, playwright, 'test', ...playwrightArgs], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', ...env },
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function runElectron() {
  const { binary } = findElectronBinary(root);
  if (!binary) {
    console.log('e2e:electron: not run: no Electron binary (ELECTRON_SKIP_BINARY_DOWNLOAD)');
    process.exit(0);
  }
  console.log(`e2e:electron: building the app for ${binary}…`);
  const build = spawnSync(resolve(root, 'node_modules/.bin/electron-vite'), ['build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  runUnderKeyring(['--project=electron', ...args.filter((a) => a !== '--electron')], { PULSEBAR_E2E_ELECTRON: '1' });
}

async function runChromium() {
  if (!existsSync(chromium)) {
    console.error(
      `e2e: FAILED — no Chromium at ${chromium}.\n` +
        "  The e2e suite runs in Debian's Chromium and never downloads a browser. Install it with:\n" +
        '    sudo apt-get install -y chromium\n' +
        '  (or set PULSEBAR_CHROMIUM to another Chromium binary).',
    );
    process.exit(1);
  }
  console.log('e2e: building the renderer…');
  await buildRenderer({ quiet: true });
  const port = await freePort();
  console.log(`e2e: Chromium ${chromium}, bridge on 127.0.0.1:${port}`);
  runUnderKeyring(['--project=chromium', ...args], { PULSEBAR_E2E_PORT: String(port), PULSEBAR_CHROMIUM: chromium });
}

await (args.includes('--electron') ? runElectron() : runChromium());
