/**
 * A typed fake of the `electron` module for unit tests of the Electron layer (no Electron binary
 * exists on the machines this project is built on). Test files install it with
 *
 *   vi.mock('electron', () => import('./electron-fake').then((m) => m.electronModule));
 *
 * and call `resetElectronFake()` in beforeEach for a fresh app, windows, tray and handlers.
 *
 * Checked against Electron's own type definitions, so a renamed or retyped API fails to compile:
 * - the module's keys must be export names of `electron` (`satisfies ElectronExports`);
 * - every faked method is declared with Electron's type for it (`Typed<…>` below: `implements Pick<…>`
 *   and `vi.fn<Electron.X['method']>`);
 * - members whose Electron types name other Electron classes (that the fake stands in for) are
 *   checked by name only (`Named<…>`).
 * Event names are not checked by these types; the code under test is compiled against the real
 * definitions, which do check the events it listens to.
 * Not shipped: nothing in the app imports this file, so electron-vite never bundles it.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

type ElectronExports = { [K in keyof typeof import('electron')]?: unknown };
/** Members typed exactly as Electron declares them. */
type Typed<T, K extends keyof T> = Pick<T, K>;
/** Members whose names are checked against Electron's, not their types. */
type Named<T, K extends keyof T> = Record<K, unknown>;

/** The `event` argument of Electron events that can be prevented. */
export function preventable(): { preventDefault: ReturnType<typeof vi.fn>; defaultPrevented: () => boolean } {
  const preventDefault = vi.fn();
  return { preventDefault, defaultPrevented: () => preventDefault.mock.calls.length > 0 };
}

export class FakeWebFrameMain implements Typed<Electron.WebFrameMain, 'url'> {
  constructor(public url: string) {}
}

export class FakeWebContents
  extends EventEmitter
  implements Typed<Electron.WebContents, 'send' | 'setWindowOpenHandler' | 'isDevToolsOpened'>, Named<Electron.WebContents, 'mainFrame'>
{
  mainFrame = new FakeWebFrameMain('about:blank');
  send = vi.fn<Electron.WebContents['send']>();
  isDevToolsOpened = vi.fn<Electron.WebContents['isDevToolsOpened']>(() => false);
  windowOpenHandler: Parameters<Electron.WebContents['setWindowOpenHandler']>[0] | null = null;
  setWindowOpenHandler = vi.fn<Electron.WebContents['setWindowOpenHandler']>((handler) => {
    this.windowOpenHandler = handler;
  });
}

export class FakeNativeImage implements Typed<Electron.NativeImage, 'setTemplateImage' | 'addRepresentation'> {
  constructor(
    public buffer: Buffer,
    public scaleFactor: number | undefined,
  ) {}
  setTemplateImage = vi.fn<Electron.NativeImage['setTemplateImage']>();
  addRepresentation = vi.fn<Electron.NativeImage['addRepresentation']>();
}

/** What Menu.buildFromTemplate returned: the template, for tests to read and click. */
export interface FakeMenu {
  template: Electron.MenuItemConstructorOptions[];
}


export class FakeApp
  extends EventEmitter
  implements
    Typed<
      Electron.App,
      | 'quit'
      | 'exit'
      | 'whenReady'
      | 'requestSingleInstanceLock'
      | 'getPath'
      | 'setAppUserModelId'
      | 'getVersion'
      | 'setLoginItemSettings'
      | 'getLoginItemSettings'
      | 'isPackaged'
    >,
    Named<Electron.App, 'dock'>
{
  isPackaged = false;
  userData = '/nonexistent/pulsebar-user-data';
  dock = { hide: vi.fn<Electron.Dock['hide']>() };
  quit = vi.fn<Electron.App['quit']>();
  exit = vi.fn<Electron.App['exit']>();
  whenReady = vi.fn<Electron.App['whenReady']>(() => Promise.resolve());
  requestSingleInstanceLock = vi.fn<Electron.App['requestSingleInstanceLock']>(() => true);
  getPath = vi.fn<Electron.App['getPath']>((name) => (name === 'userData' ? this.userData : `/nonexistent/${name}`));
  setAppUserModelId = vi.fn<Electron.App['setAppUserModelId']>();
  getVersion = vi.fn<Electron.App['getVersion']>(() => '0.1.0');
  setLoginItemSettings = vi.fn<Electron.App['setLoginItemSettings']>();
  wasOpenedAtLogin = false;
  getLoginItemSettings = vi.fn<Electron.App['getLoginItemSettings']>(() => ({
    openAtLogin: this.wasOpenedAtLogin,
    wasOpenedAtLogin: this.wasOpenedAtLogin,
    status: 'not-registered',
    executableWillLaunchAtLogin: false,
    launchItems: [],
  }));
}

export class FakeBrowserWindow
  extends EventEmitter
  implements
    Typed<
      Electron.BrowserWindow,
      | 'show'
      | 'hide'
      | 'focus'
      | 'isVisible'
      | 'isFocused'
      | 'setPosition'
      | 'setSize'
      | 'setBounds'
      | 'getBounds'
      | 'getNormalBounds'
      | 'setResizable'
      | 'setSkipTaskbar'
      | 'setAlwaysOnTop'
      | 'setMinimumSize'
      | 'isDestroyed'
      | 'destroy'
      | 'loadURL'
    >,
    Named<Electron.BrowserWindow, 'webContents'>
{
  static getAllWindows = vi.fn(() => current.windows.filter((window) => !window.destroyed));
  readonly webContents = new FakeWebContents();
  visible = false;
  focused = false;
  destroyed = false;
  constructor(public readonly options: Electron.BrowserWindowConstructorOptions) {
    super();
    this.bounds = { x: options.x ?? 0, y: options.y ?? 0, width: options.width ?? 800, height: options.height ?? 600 };
    current.windows.push(this);
    // As in Electron: every new webContents is announced on the app.
    current.module.app.emit('web-contents-created', preventable(), this.webContents);
  }
  show = vi.fn<Electron.BrowserWindow['show']>(() => {
    this.visible = true;
  });
  hide = vi.fn<Electron.BrowserWindow['hide']>(() => {
    this.visible = false;
    this.focused = false;
  });
  focus = vi.fn<Electron.BrowserWindow['focus']>(() => {
    this.focused = true;
  });
  isVisible = vi.fn<Electron.BrowserWindow['isVisible']>(() => this.visible);
  isFocused = vi.fn<Electron.BrowserWindow['isFocused']>(() => this.focused);
  /** Where the window is; the setters move it and, as in Electron, emit `move`/`resize` on a change. */
  bounds: Electron.Rectangle;
  /** What getNormalBounds answers while maximized (tests set it); null: the bounds. */
  normalBounds: Electron.Rectangle | null = null;
  #place(next: Electron.Rectangle): void {
    const before = this.bounds;
    this.bounds = next;
    if (next.x !== before.x || next.y !== before.y) this.emit('move');
    if (next.width !== before.width || next.height !== before.height) this.emit('resize');
  }
  setPosition = vi.fn<Electron.BrowserWindow['setPosition']>((x, y) => this.#place({ ...this.bounds, x, y }));
  setSize = vi.fn<Electron.BrowserWindow['setSize']>((width, height) => this.#place({ ...this.bounds, width, height }));
  setBounds = vi.fn<Electron.BrowserWindow['setBounds']>((bounds) => this.#place({ ...this.bounds, ...bounds }));
  getBounds = vi.fn<Electron.BrowserWindow['getBounds']>(() => ({ ...this.bounds }));
  getNormalBounds = vi.fn<Electron.BrowserWindow['getNormalBounds']>(() => ({ ...(this.normalBounds ?? this.bounds) }));
  setResizable = vi.fn<Electron.BrowserWindow['setResizable']>();
  setSkipTaskbar = vi.fn<Electron.BrowserWindow['setSkipTaskbar']>();
  setAlwaysOnTop = vi.fn<Electron.BrowserWindow['setAlwaysOnTop']>();
  setMinimumSize = vi.fn<Electron.BrowserWindow['setMinimumSize']>();
  isDestroyed = vi.fn<Electron.BrowserWindow['isDestroyed']>(() => this.destroyed);
  destroy = vi.fn<Electron.BrowserWindow['destroy']>(() => {
    this.destroyed = true;
    // As in Electron: no `close`, but `closed` is guaranteed.
    this.emit('closed');
  });
  loadURL = vi.fn<Electron.BrowserWindow['loadURL']>((url) => {
    if (current.loadError.value) return Promise.reject(current.loadError.value);
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  });
}

export class FakeTray
  extends EventEmitter
  implements Typed<Electron.Tray, 'setToolTip' | 'setImage' | 'setTitle' | 'setContextMenu' | 'getBounds' | 'destroy'>
{
  constructor(public readonly image: Electron.NativeImage | string) {
    super();
    current.trays.push(this);
  }
  setToolTip = vi.fn<Electron.Tray['setToolTip']>();
  setImage = vi.fn<Electron.Tray['setImage']>();
  setTitle = vi.fn<Electron.Tray['setTitle']>();
  setContextMenu = vi.fn<Electron.Tray['setContextMenu']>();
  getBounds = vi.fn<Electron.Tray['getBounds']>(() => ({ x: 1800, y: 0, width: 24, height: 24 }));
  destroy = vi.fn<Electron.Tray['destroy']>();
  /** The template of the last menu set. */
  menu(): Electron.MenuItemConstructorOptions[] {
    const last = this.setContextMenu.mock.lastCall?.[0] as unknown as FakeMenu | null | undefined;
    if (!last) throw new Error('no context menu was set');
    return last.template;
  }
}

export class FakeNotification extends EventEmitter implements Typed<Electron.Notification, 'show'> {
  static isSupported = vi.fn<typeof Electron.Notification.isSupported>(() => current.notificationsSupported.value);
  constructor(public readonly options: Electron.NotificationConstructorOptions) {
    super();
    current.notifications.push(this);
  }
  show = vi.fn<Electron.Notification['show']>();
}

export class FakeIpcMain extends EventEmitter implements Typed<Electron.IpcMain, 'handle' | 'removeHandler'> {
  private readonly ipcHandlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  handle = vi.fn<Electron.IpcMain['handle']>((channel, listener) => {
    if (this.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.ipcHandlers.set(channel, listener as (event: unknown, ...args: unknown[]) => unknown);
  });
  removeHandler = vi.fn<Electron.IpcMain['removeHandler']>((channel) => {
    this.ipcHandlers.delete(channel);
  });
  /** What the renderer's ipcRenderer.invoke would get back, sent as `event`. */
  async invoke(channel: string, event: { sender: unknown; senderFrame: unknown }, ...args: unknown[]): Promise<unknown> {
    const handler = this.ipcHandlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }
  channels(): string[] {
    return [...this.ipcHandlers.keys()];
  }
}

export class FakeIpcRenderer extends EventEmitter implements Typed<Electron.IpcRenderer, 'invoke'> {
  invoke = vi.fn<Electron.IpcRenderer['invoke']>(() => Promise.resolve({ ok: true, value: 'from main' }));
}


function createFake() {
  const app = new FakeApp();
  const session = {
    defaultSession: {
      webRequest: { onHeadersReceived: vi.fn<Electron.WebRequest['onHeadersReceived']>() },
      setPermissionRequestHandler: vi.fn<Electron.Session['setPermissionRequestHandler']>(),
      setPermissionCheckHandler: vi.fn<Electron.Session['setPermissionCheckHandler']>(),
    } satisfies Typed<Electron.Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> & Named<Electron.Session, 'webRequest'>,
  };

  const protocol = {
    registerSchemesAsPrivileged: vi.fn<Electron.Protocol['registerSchemesAsPrivileged']>(),
    handle: vi.fn<Electron.Protocol['handle']>(),
    unhandle: vi.fn<Electron.Protocol['unhandle']>(),
  } satisfies Typed<Electron.Protocol, 'registerSchemesAsPrivileged' | 'handle' | 'unhandle'>;

  const globalShortcut = {
    register: vi.fn<Electron.GlobalShortcut['register']>(() => true),
    unregister: vi.fn<Electron.GlobalShortcut['unregister']>(),
  } satisfies Typed<Electron.GlobalShortcut, 'register' | 'unregister'>;

  /** What net.isOnline() answers; tests flip it. */
  const network = { online: true };
  const net = { isOnline: vi.fn<Electron.Net['isOnline']>(() => network.online) } satisfies Typed<Electron.Net, 'isOnline'>;

  /** The displays' work areas, first the primary; tests replace them (a monitor plugged in or out). */
  const displays = { workAreas: [{ x: 0, y: 0, width: 1920, height: 1080 }] as Electron.Rectangle[] };
  const screen = {
    getDisplayNearestPoint: vi.fn(() => ({ workArea: displays.workAreas[0]! })),
    getAllDisplays: vi.fn(() => displays.workAreas.map((workArea) => ({ workArea }))),
  } satisfies Named<Electron.Screen, 'getDisplayNearestPoint' | 'getAllDisplays'>;

  const Menu = {
    buildFromTemplate: vi.fn((template: Electron.MenuItemConstructorOptions[]): FakeMenu => ({ template })),
  } satisfies Named<typeof Electron.Menu, 'buildFromTemplate'>;

  const nativeImage = {
    createFromBuffer: vi.fn((buffer: Buffer, options?: Electron.CreateFromBufferOptions) => new FakeNativeImage(buffer, options?.scaleFactor)),
  } satisfies Named<typeof Electron.nativeImage, 'createFromBuffer'>;

  const contextBridge = {
    exposeInMainWorld: vi.fn<Electron.ContextBridge['exposeInMainWorld']>(),
  } satisfies Typed<Electron.ContextBridge, 'exposeInMainWorld'>;

  return {
    module: {
      app,
      BrowserWindow: FakeBrowserWindow,
      Tray: FakeTray,
      Notification: FakeNotification,
      Menu,
      nativeImage,
      session,
      protocol,
      ipcMain: new FakeIpcMain(),
      ipcRenderer: new FakeIpcRenderer(),
      contextBridge,
      globalShortcut,
      powerMonitor: new EventEmitter(),
      net,
      screen,
    } satisfies ElectronExports,
    windows: [] as FakeBrowserWindow[],
    trays: [] as FakeTray[],
    notifications: [] as FakeNotification[],
    notificationsSupported: { value: true },
    /** When set, every loadURL fails with it (a missing page, a dev server down). */
    loadError: { value: null as Error | null },
    network,
    displays,
  };
}

export type ElectronFake = ReturnType<typeof createFake>;

// Classes above read it when constructed; createFake() makes no window, tray or notification.
let current: ElectronFake = createFake();

/** A fresh fake (new app, no windows, no handlers); modules importing `electron` see it from now on. */
export function resetElectronFake(): ElectronFake {
  current = createFake();
  return current;
}

/** What `vi.mock('electron', …)` returns: each export reads the current fake when used. */
export const electronModule = {
  get app() {
    return current.module.app;
  },
  get BrowserWindow() {
    return current.module.BrowserWindow;
  },
  get Tray() {
    return current.module.Tray;
  },
  get Notification() {
    return current.module.Notification;
  },
  get Menu() {
    return current.module.Menu;
  },
  get nativeImage() {
    return current.module.nativeImage;
  },
  get session() {
    return current.module.session;
  },
  get protocol() {
    return current.module.protocol;
  },
  get ipcMain() {
    return current.module.ipcMain;
  },
  get ipcRenderer() {
    return current.module.ipcRenderer;
  },
  get contextBridge() {
    return current.module.contextBridge;
  },
  get globalShortcut() {
    return current.module.globalShortcut;
  },
  get powerMonitor() {
    return current.module.powerMonitor;
  },
  get net() {
    return current.module.net;
  },
  get screen() {
    return current.module.screen;
  },
} satisfies ElectronExports;
