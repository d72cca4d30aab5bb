import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it, vi } from 'vitest';

const startMainProcess = vi.hoisted(() => vi.fn(async (_options: unknown) => {}));
vi.mock('./electron/main-process', () => ({ startMainProcess }));
vi.mock('electron', () => import('./electron/electron-fake').then((m) => m.electronModule));

it('the entry starts the main process with the build folder, the dev URL, argv and the real core', async () => {
  process.env['ELECTRON_RENDERER_URL'] = 'http://localhost:5173/';
  try {
    await import('./index');
  } finally {
    delete process.env['ELECTRON_RENDERER_URL'];
  }
  expect(startMainProcess).toHaveBeenCalledTimes(1);
  const options = startMainProcess.mock.calls[0]![0] as unknown as { outDir: string; devUrl: string; argv: string[]; createCore: unknown };
  // index.ts is bundled to out/main/index.js, so its folder's parent is out/.
  expect(options.outDir).toBe(join(dirname(fileURLToPath(import.meta.url)), '..'));
  expect(options.devUrl).toBe('http://localhost:5173/');
  expect(options.argv).toBe(process.argv);
  expect(options.createCore).toEqual(expect.any(Function));
});
