/** Electron entry: everything is wired in electron/main-process.ts, testable against a fake Electron. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppCore } from './core/app-core';
import { startMainProcess } from './electron/main-process';
import { KeytarSecretStore } from './secrets';

process.on('unhandledRejection', (error) =>
  console.error(`pulsebar: unhandled rejection (${error instanceof Error ? error.name : typeof error})`),
);
void startMainProcess({
  outDir: join(dirname(fileURLToPath(import.meta.url)), '..'),
  devUrl: process.env['ELECTRON_RENDERER_URL'],
  argv: process.argv,
  createCore: ({ configDir, ports }) => createAppCore({ configDir, secrets: new KeytarSecretStore(), ports }),
});
