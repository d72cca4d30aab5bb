/**
 * Builds only the renderer into out/renderer, the same output `electron-vite build` gives it,
 * without building main and preload (the browser bridge and e2e need just the page).
 * Mirrors the renderer section of electron.vite.config.ts.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const rendererOut = resolve(root, 'out/renderer');

export async function buildRenderer({ quiet = false } = {}) {
  const { build } = await import('vite');
  const { default: react } = await import('@vitejs/plugin-react');
  await build({
    configFile: false,
    root: resolve(root, 'src/renderer'),
    base: './',
    logLevel: quiet ? 'warn' : 'info',
    plugins: [react()],
    build: {
      outDir: rendererOut,
      emptyOutDir: true,
      rollupOptions: { input: { index: resolve(root, 'src/renderer/index.html') } },
    },
  });
  return rendererOut;
}

export async function ensureRenderer(options) {
  if (existsSync(resolve(rendererOut, 'index.html'))) return rendererOut;
  return buildRenderer(options);
}

// `node scripts/web-bridge-build.mjs` builds it on its own.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildRenderer();
}
