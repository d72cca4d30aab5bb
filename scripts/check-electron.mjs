#!/usr/bin/env node
/**
 * Runs before `npm start` and `npm run dev`: without an Electron binary they would build and then die
 * with a stack trace from electron-vite. Exits 1 with a plain explanation instead; 0 when there is one.
 * npm runs package scripts in the project directory, so the binary is looked up from the cwd.
 * Usage: node scripts/check-electron.mjs "npm start"
 */
import { findElectronBinary, missingElectronMessage } from './electron-binary.mjs';

const found = findElectronBinary(process.cwd());
if ('missing' in found) {
  console.error(missingElectronMessage(process.argv[2] ?? 'npm start', found.missing));
  process.exit(1);
}
