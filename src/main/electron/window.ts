import { BrowserWindow, screen, type Rectangle } from 'electron';
import { panelPosition } from '../tray/panel-position';
import { visibleBounds } from '../tray/visible-bounds';
import type { WindowPort } from '../core/ports';

const PANEL = { width: 420, height: 640 };
const DETACHED_MIN = { width: 360, height: 480 };
/** How long the detached window must stay put before its bounds are reported (a drag fires many events). */
export const BOUNDS_SETTLE_MS = 500;

export interface PanelWindow extends WindowPort {
  window: BrowserWindow;
  toggleBeside(trayBounds: Rectangle): void;
}

/**
 * The single app window: a compact, frameless panel beside the tray that can be
 * detached into a normal window. Created hidden; the renderer is loaded once.
 */
export function createPanelWindow(options: {
  preloadPath: string;
  /** The app's page: app://pulsebar/index.html, or the dev server's URL under `npm run dev`. */
  url: string;
  onLoadFailed: (error: unknown) => void;
  /** Off in packaged builds: DevTools would give anyone at the keyboard the renderer's IPC authority. */
  devTools: boolean;
  /** Where the detached window now is, once a move or resize has settled; never for the panel. */
  onBoundsChanged: (bounds: Rectangle) => void;
}): PanelWindow {
  let detached = false;
  const window = new BrowserWindow({
    ...PANEL,
    show: false,
    frame: false,
    resizable: false,
    skipTaskbar: true,
    alwaysOnTop: true,
    fullscreenable: false,
    title: 'Pulsebar',
    backgroundColor: '#0f172a',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      devTools: options.devTools,
    },
  });
  window.loadURL(options.url).catch(options.onLoadFailed);

  // A panel hides when it loses focus, like other tray apps; a detached window stays.
  window.on('blur', () => {
    if (!detached && !window.webContents.isDevToolsOpened()) window.hide();
  });
  window.on('close', (event) => {
    // Closing the window keeps the app running in the tray.
    event.preventDefault();
    window.hide();
  });

  // `move`/`resize`, not `moved`/`resized`: those two are macOS and Windows only. Bounds are read at
  // each event (the window may be destroyed before the report is due) as the unmaximized ones.
  let unreported: { bounds: Rectangle; timer: ReturnType<typeof setTimeout> } | null = null;
  const report = () => {
    if (!unreported) return;
    clearTimeout(unreported.timer);
    const { bounds } = unreported;
    unreported = null;
    options.onBoundsChanged(bounds);
  };
  const boundsChanged = () => {
    if (!detached) return;
    if (unreported) clearTimeout(unreported.timer);
    unreported = { bounds: window.getNormalBounds(), timer: setTimeout(report, BOUNDS_SETTLE_MS) };
  };
  window.on('move', boundsChanged);
  window.on('resize', boundsChanged);
  // Quitting destroys the window: a move not yet reported still counts.
  window.on('closed', report);

  const showAt = (bounds?: Rectangle) => {
    if (!detached && bounds) {
      const display = screen.getDisplayNearestPoint({ x: bounds.x, y: bounds.y });
      window.setPosition(...Object.values(panelPosition(bounds, PANEL, display.workArea)) as [number, number]);
    }
    window.show();
    window.focus();
  };

  return {
    window,
    toggleBeside(trayBounds) {
      if (window.isVisible() && window.isFocused()) window.hide();
      else showAt(trayBounds);
    },
    // The core pushes `navigate` to the page itself when there is a target; the window only shows.
    show() {
      showAt();
    },
    hide() {
      window.hide();
    },
    setDetached(value, bounds) {
      // The detached window's last move goes out before it becomes the panel again.
      if (!value) report();
      detached = value;
      if (!value) window.setSize(PANEL.width, PANEL.height);
      window.setResizable(value);
      window.setSkipTaskbar(!value);
      window.setAlwaysOnTop(!value);
      if (!value) return;
      window.setMinimumSize(DETACHED_MIN.width, DETACHED_MIN.height);
      if (bounds) window.setBounds(visibleBounds(bounds, screen.getAllDisplays().map((display) => display.workArea)));
    },
  };
}
