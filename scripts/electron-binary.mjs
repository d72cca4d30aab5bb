/**
 * Where the Electron binary npm installed is, or why there is none. Follows the `electron` package's
 * own lookup (node_modules/electron/index.js): `path.txt`, written by its install script once the
 * binary is downloaded, names the executable under `dist/` (or under ELECTRON_OVERRIDE_DIST_PATH).
 * Used by `npm start`/`npm run dev` (scripts/check-electron.mjs) and `npm run e2e:electron`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @param {string} root the project directory (holding node_modules)
 * @param {NodeJS.ProcessEnv} env
 * @returns {{ binary: string } | { missing: string }}
 */
export function findElectronBinary(root, env = process.env) {
  const packageDir = join(root, 'node_modules', 'electron');
  if (!existsSync(join(packageDir, 'package.json'))) {
    return { missing: 'the electron package is not in node_modules (has `npm install` run?)' };
  }
  const pathFile = join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH || join(packageDir, 'dist');
  if (!executable && !env.ELECTRON_OVERRIDE_DIST_PATH) {
    return { missing: "node_modules/electron has no path.txt: Electron's install script did not run or did not finish" };
  }
  const binary = join(distDir, executable || 'electron');
  if (!existsSync(binary)) return { missing: `${binary} does not exist` };
  return { binary };
}

/** One paragraph for a person who typed `npm start`: why there is no Electron, and what to do. */
export function missingElectronMessage(command, missing) {
  return [
    `${command}: Pulsebar cannot start because the Electron binary is not installed (${missing}).`,
    "npm gets it through Electron's install script, which downloads it; that does not happen when",
    'ELECTRON_SKIP_BINARY_DOWNLOAD is set, when npm blocked the script (npm 11 runs only scripts approved',
    "in package.json's allowScripts; --ignore-scripts blocks all), or when the machine was offline.",
    'To fix it, on a machine online, reinstall Electron with its script allowed:',
    '`rm -rf node_modules/electron && npm install` (without ELECTRON_SKIP_BINARY_DOWNLOAD or --ignore-scripts).',
    'Or, without Electron, run `npm run web` to use the same window in a browser.',
  ].join('\n');
}
