import { BrowserWindow, screen, type Rectangle } from 'electron';
import { panelPosition } from '../tray/panel-position';
import type { WindowPort } from '../core/ports';

const PANEL = { width: 420, height: 640 };

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
    setDetached(value) {
      detached = value;
      window.setResizable(value);
      window.setSkipTaskbar(!value);
      window.setAlwaysOnTop(!value);
      if (value) window.setMinimumSize(360, 480);
    },
  };
}
