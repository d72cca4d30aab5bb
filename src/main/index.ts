/**
 * Electron entry: wires the Electron-free app core to Electron's tray, window,
 * notifications, IPC and power events. Everything with logic lives elsewhere.
 */
import { app, BrowserWindow, net, powerMonitor } from 'electron';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { createAppCore } from './app/app-core';
import { KeytarSecretStore } from './secrets';
import { createNotifier } from './electron/notifier';
import { registerIpc } from './electron/ipc';
import { hardenApp } from './electron/security';
import { createSystemPort } from './electron/system';
import { createTray } from './electron/tray';
import { createPanelWindow, type PanelWindow } from './electron/window';

const here = dirname(fileURLToPath(import.meta.url));
const devUrl = process.env['ELECTRON_RENDERER_URL'];
const rendererFile = join(here, '../renderer/index.html');
const rendererUrl = devUrl ?? pathToFileURL(rendererFile).href;

/** The only pages allowed to load in the window and to talk over IPC. */
function isAppUrl(url: string): boolean {
  if (devUrl) return new URL(url).origin === new URL(devUrl).origin;
  return url.split('#')[0]!.split('?')[0] === rendererUrl;
}

// Log what failed by name only: a message could quote a request, and nothing here may print a key.
const logFailure = (what: string) => (error: unknown) =>
  console.error(`pulsebar: ${what} (${error instanceof Error ? error.name : typeof error})`);
process.on('unhandledRejection', logFailure('unhandled rejection'));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  main().catch((error: unknown) => {
    logFailure('could not start')(error);
    app.exit(1);
  });
}

async function main(): Promise<void> {
  await app.whenReady();
  app.setAppUserModelId('app.pulsebar');
  if (process.platform === 'darwin') app.dock?.hide();
  hardenApp(isAppUrl, devUrl !== undefined);

  let panel: PanelWindow | null = null;
  const core = createAppCore({
    configDir: app.getPath('userData'),
    secrets: new KeytarSecretStore(),
    ports: {
      notifier: createNotifier(),
      window: {
        show: (target) => panel?.show(target),
        hide: () => panel?.hide(),
        setDetached: (detached) => panel?.setDetached(detached),
      },
      system: createSystemPort(() => panel?.show()),
      tray: { update: (model) => tray.update(model) },
    },
  });

  const tray = createTray({
    onClick: (t) => panel?.toggleBeside(t.getBounds()),
    onMenu: (id) => core.trayAction(id),
  });

  panel = createPanelWindow({
    preloadPath: join(here, '../preload/index.cjs'),
    load: (window) => (devUrl ? window.loadURL(devUrl) : window.loadFile(rendererFile)).catch(logFailure('window did not load')),
    devTools: !app.isPackaged,
    onNavigate: () => undefined, // the core pushes `navigate` itself
    onDetachedChange: () => undefined,
  });
  registerIpc(core, () => panel?.window ?? null, isAppUrl);

  app.on('second-instance', () => panel?.show());
  // A tray app keeps running with its window closed.
  app.on('window-all-closed', () => undefined);

  powerMonitor.on('suspend', () => core.signal('suspend'));
  powerMonitor.on('resume', () => core.signal('resume'));
  powerMonitor.on('lock-screen', () => undefined);
  let online = net.isOnline();
  const onlineTimer = setInterval(() => {
    const now = net.isOnline();
    if (now !== online) core.signal(now ? 'online' : 'offline');
    online = now;
  }, 15_000);

  app.on('before-quit', () => {
    clearInterval(onlineTimer);
    for (const window of BrowserWindow.getAllWindows()) window.destroy();
  });
  app.on('will-quit', (event) => {
    event.preventDefault();
    void core.stop().finally(() => app.exit(0));
  });

  await core.start();
  if (!process.argv.includes('--hidden')) panel.show();
}
