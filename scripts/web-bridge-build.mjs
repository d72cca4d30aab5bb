/**
 * Builds only the renderer into out/renderer, the same output `electron-vite build` gives it,
 * without building main and preload (the browser bridge and e2e need just the page).
 * Mirrors the renderer section of electron.vite.config.ts.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
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

/** Newest modification time of the files under `dir` (0 when it does not exist). */
function newestMtime(dir) {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const mtime = statSync(resolve(entry.parentPath ?? entry.path, entry.name)).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

/**
 * The page's sources (the renderer and the shared code it imports) changed since the last build:
 * `npm run web` must not serve a stale window.
 */
export function rendererIsStale() {
  const built = resolve(rendererOut, 'index.html');
  if (!existsSync(built)) return true;
  const sources = Math.max(newestMtime(resolve(root, 'src/renderer')), newestMtime(resolve(root, 'src/shared')));
  return sources > statSync(built).mtimeMs;
}

export async function ensureRenderer(options) {
  if (!rendererIsStale()) return rendererOut;
  if (!options?.quiet) console.log('Building the window (its sources changed since the last build)…');
  return buildRenderer(options);
}

// `node scripts/web-bridge-build.mjs` builds it on its own.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildRenderer();
}
