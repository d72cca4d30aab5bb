/**
 * The Electron main process: wires the Electron-free app core to Electron's tray, window,
 * notifications, IPC, protocol and power events. src/main/index.ts only calls this, so tests can run
 * the whole wiring against a fake `electron` module.
 */
import { app, BrowserWindow, net, powerMonitor } from 'electron';
import { join } from 'node:path';
import type { AppCore, NotifierPort, SystemPort, TrayPort, WindowPort } from '../core/ports';
import { CONTENT_SECURITY_POLICY_HEADER, DEV_CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy';
import { APP_ENTRY_URL, isAppPageUrl, registerAppScheme, serveAppProtocol } from './app-protocol';
import { registerIpc } from './ipc';
import { createNotifier } from './notifier';
import { hardenApp } from './security';
import { createSystemPort, launchedHidden } from './system';
import { createTray } from './tray';
import { createPanelWindow, type PanelWindow } from './window';

/** How often the network state is checked: Electron's main process has no online/offline event. */
export const ONLINE_CHECK_MS = 15_000;

export interface MainProcessOptions {
  /** The build output folder holding renderer/ and preload/ (out/ next to out/main). */
  outDir: string;
  /** The Vite dev server (`npm run dev`), else undefined: the built page is served over app://. */
  devUrl: string | undefined;
  argv: readonly string[];
  createCore(init: {
    configDir: string;
    ports: { notifier: NotifierPort; tray: TrayPort; window: WindowPort; system: SystemPort };
  }): AppCore;
  /** Where failures are logged (by name only: a message could quote a request, never print a key). */
  log?: (line: string) => void;
}

/** Where the window may go and who may use IPC: the app's page, or in dev the dev server's origin. */
export function appUrlCheck(devUrl: string | undefined): (url: string) => boolean {
  if (!devUrl) return isAppPageUrl;
  const origin = new URL(devUrl).origin;
  return (url) => {
    try {
      return new URL(url).origin === origin;
    } catch {
      return false;
    }
  };
}

/**
 * Starts Pulsebar. Resolves once the core runs and the window is set up, or at once when another
 * instance holds the lock (that one is asked to show its panel and this one quits).
 */
export async function startMainProcess(options: MainProcessOptions): Promise<void> {
  const log = options.log ?? ((line: string) => console.error(line));
  const logFailure = (what: string) => (error: unknown) =>
    log(`pulsebar: ${what} (${error instanceof Error ? error.name : typeof error})`);
  const isAppUrl = appUrlCheck(options.devUrl);

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  registerAppScheme(); // before ready, as Electron requires
  try {
    await run(options, isAppUrl, logFailure);
  } catch (error) {
    logFailure('could not start')(error);
    app.exit(1);
  }
}

async function run(
  options: MainProcessOptions,
  isAppUrl: (url: string) => boolean,
  logFailure: (what: string) => (error: unknown) => void,
): Promise<void> {
  await app.whenReady();
  app.setAppUserModelId('app.pulsebar');
  if (process.platform === 'darwin') app.dock?.hide();
  const dev = options.devUrl !== undefined;
  const policy = dev ? DEV_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY_HEADER;
  hardenApp(isAppUrl, policy);
  if (!dev) serveAppProtocol(join(options.outDir, 'renderer'), policy);

  let panel: PanelWindow | null = null;
  let tray: TrayPort | null = null;
  const core = options.createCore({
    configDir: app.getPath('userData'),
    ports: {
      notifier: createNotifier(),
      window: {
        show: (target) => panel?.show(target),
        hide: () => panel?.hide(),
        setDetached: (detached, bounds) => panel?.setDetached(detached, bounds),
      },
      system: createSystemPort(() => panel?.show()),
      tray: { update: (model) => tray?.update(model) },
    },
  });

  tray = createTray({
    onClick: (t) => panel?.toggleBeside(t.getBounds()),
    onMenu: (command) => core.trayAction(command),
  });

  const window = createPanelWindow({
    preloadPath: join(options.outDir, 'preload/index.cjs'),
    url: options.devUrl ?? APP_ENTRY_URL,
    onLoadFailed: logFailure('window did not load'),
    devTools: !app.isPackaged,
    onBoundsChanged: (bounds) => core.windowMoved(bounds),
  });
  panel = window;
  const unregisterIpc = registerIpc(core, () => window.window, isAppUrl);

  app.on('second-instance', () => window.show());
  // Without a listener Electron quits when the last window closes; a tray app keeps running.
  app.on('window-all-closed', () => {});

  powerMonitor.on('suspend', () => core.signal('suspend'));
  powerMonitor.on('resume', () => core.signal('resume'));
  let online = net.isOnline();
  const onlineTimer = setInterval(() => {
    const now = net.isOnline();
    if (now !== online) core.signal(now ? 'online' : 'offline');
    online = now;
  }, ONLINE_CHECK_MS);

  app.on('before-quit', () => {
    clearInterval(onlineTimer);
    for (const open of BrowserWindow.getAllWindows()) open.destroy();
  });
  // Electron quits when will-quit returns: hold it until the core has saved history, alerts and
  // settings, then exit. A second quit while stopping waits for the same stop.
  let stopping: Promise<void> | null = null;
  app.on('will-quit', (event) => {
    event.preventDefault();
    if (stopping) return;
    unregisterIpc();
    stopping = core.stop().then(
      () => app.exit(0),
      (error: unknown) => {
        logFailure('could not save on quit')(error);
        app.exit(1);
      },
    );
  });

  await core.start();
  if (!launchedHidden(options.argv)) window.show();
}
