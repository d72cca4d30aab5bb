import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { DEV_CONTENT_SECURITY_POLICY } from './src/shared/content-security-policy';

/** `npm run dev` only: Vite's dev server needs inline styles/preamble; builds keep index.html's strict meta. */
function devCsp(): Plugin {
  return {
    name: 'pulsebar-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html.replace(/(http-equiv="Content-Security-Policy"\s+content=")[^"]*"/, `$1${DEV_CONTENT_SECURITY_POLICY}"`),
  };
}

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: { index: resolve('src/main/index.ts') },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        // Sandboxed preloads cannot be ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    build: {
      // electron-vite leaves the renderer unminified by default (~890 kB); the app ships it minified,
      // as `npm run web` and the render bench build it (scripts/web-bridge-build.mjs).
      minify: true,
      rollupOptions: {
        input: { index: resolve('src/renderer/index.html') },
      },
    },
    plugins: [react(), devCsp()],
  },
});
