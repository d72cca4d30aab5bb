import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { wireName } from '../../shared/ipc-contract';
import { CONTENT_SECURITY_POLICY_HEADER, DEV_CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy';
import { createAlertNotifier } from '../alerts/notifications';
import { APP_ENTRY_URL } from './app-protocol';
import { preventable, resetElectronFake, type ElectronFake, type FakeBrowserWindow } from './electron-fake';
import { createFakeCore, type CorePorts, type FakeCore } from './fake-core';
import { ONLINE_CHECK_MS, startMainProcess, type MainProcessOptions } from './main-process';
import { BOUNDS_SETTLE_MS } from './window';

vi.mock('electron', () => import('./electron-fake').then((m) => m.electronModule));

let fake: ElectronFake;
let core: FakeCore;
let ports: CorePorts;
let log: ReturnType<typeof vi.fn<(line: string) => void>>;

beforeEach(() => {
  fake = resetElectronFake();
  core = createFakeCore();
  log = vi.fn();
});
afterEach(() => {
  // Quit every started app so its online timer stops.
  fake.module.app.emit('before-quit');
  vi.useRealTimers();
});

async function start(over: Partial<MainProcessOptions> = {}) {
  const createCore = vi.fn<MainProcessOptions['createCore']>((init) => {
    ports = init.ports;
    return core;
  });
  await startMainProcess({ outDir: '/app/out', devUrl: undefined, argv: ['pulsebar'], createCore, log, ...over });
  return { createCore, window: fake.windows[0] as FakeBrowserWindow };
}

const fromWindow = (window: FakeBrowserWindow) => ({ sender: window.webContents, senderFrame: window.webContents.mainFrame });
const headerPolicy = () => {
  const listener = fake.module.session.defaultSession.webRequest.onHeadersReceived.mock.calls[0]![0] as unknown as (
    details: { responseHeaders?: Record<string, string[]> },
    callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
  ) => void;
  const callback = vi.fn();
  listener({ responseHeaders: {} }, callback);
  return callback.mock.calls[0]![0].responseHeaders['Content-Security-Policy'];
};

describe('startup', () => {
  it('a second instance quits at once, before touching anything', async () => {
    fake.module.app.requestSingleInstanceLock.mockReturnValue(false);
    const { createCore } = await start();
    expect(fake.module.app.quit).toHaveBeenCalledTimes(1);
    expect(createCore).not.toHaveBeenCalled();
    expect(fake.module.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
    expect(fake.windows).toHaveLength(0);
  });

  it('registers app:// before ready, serves it after, and loads the page from it', async () => {
    const { window } = await start();
    const registered = fake.module.protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]!;
    expect(registered).toBeLessThan(fake.module.app.whenReady.mock.invocationCallOrder[0]!);
    expect(fake.module.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(fake.module.protocol.handle.mock.invocationCallOrder[0]).toBeGreaterThan(registered);
    expect(window.loadURL).toHaveBeenCalledWith(APP_ENTRY_URL);
    expect(window.options.webPreferences?.preload).toBe('/app/out/preload/index.cjs');
    expect(headerPolicy()).toEqual([CONTENT_SECURITY_POLICY_HEADER]);
  });

  it('under npm run dev loads the dev server with the dev policy and no app://', async () => {
    const { window } = await start({ devUrl: 'http://localhost:5173/' });
    expect(window.loadURL).toHaveBeenCalledWith('http://localhost:5173/');
    expect(fake.module.protocol.handle).not.toHaveBeenCalled();
    expect(headerPolicy()).toEqual([DEV_CONTENT_SECURITY_POLICY]);
    // IPC from the dev server's page is the app's; from elsewhere it is not.
    await expect(fake.module.ipcMain.invoke(wireName('app:version'), fromWindow(window))).resolves.toMatchObject({ ok: true });
    window.webContents.mainFrame.url = 'http://localhost:5174/';
    await expect(fake.module.ipcMain.invoke(wireName('app:version'), fromWindow(window))).resolves.toMatchObject({ ok: false });
  });

  it('gives the core the user data folder and starts it before showing the window', async () => {
    let visibleAtStart: boolean | undefined;
    core.start.mockImplementation(async () => {
      visibleAtStart = fake.windows[0]?.visible;
    });
    const { createCore, window } = await start();
    expect(createCore.mock.calls[0]![0].configDir).toBe('/nonexistent/pulsebar-user-data');
    expect(core.start).toHaveBeenCalledTimes(1);
    expect(visibleAtStart).toBe(false);
    expect(window.visible).toBe(true);
    expect(fake.module.app.setAppUserModelId).toHaveBeenCalledWith('app.pulsebar');
  });

  it('stays in the tray when launched at login (--hidden)', async () => {
    const { window } = await start({ argv: ['pulsebar', '--hidden'] });
    expect(core.start).toHaveBeenCalled();
    expect(window.visible).toBe(false);
  });

  it('DevTools: on from source, off when packaged', async () => {
    expect((await start()).window.options.webPreferences?.devTools).toBe(true);
    fake.module.app.emit('before-quit');
    fake = resetElectronFake();
    fake.module.app.isPackaged = true;
    const { window } = await start();
    expect(window.options.webPreferences).toMatchObject({ devTools: false, contextIsolation: true, sandbox: true, nodeIntegration: false });
  });

  it('a failed start is logged by name only and exits 1', async () => {
    core.start.mockRejectedValue(new Error('key sk_live_123 in a message'));
    await start();
    expect(log).toHaveBeenCalledWith('pulsebar: could not start (Error)');
    expect(log.mock.calls.flat().join('\n')).not.toContain('sk_live_123');
    expect(fake.module.app.exit).toHaveBeenCalledWith(1);
  });

  it('a page that fails to load is logged', async () => {
    fake.loadError.value = new TypeError('net::ERR_FILE_NOT_FOUND');
    await start();
    await vi.waitFor(() => expect(log).toHaveBeenCalledWith('pulsebar: window did not load (TypeError)'));
  });

  it('hardens every webContents: navigation away and new windows refused', async () => {
    const { window } = await start();
    const away = preventable();
    window.webContents.emit('will-navigate', away, 'https://evil.example/');
    expect(away.defaultPrevented()).toBe(true);
    expect(window.webContents.windowOpenHandler?.({ url: 'https://evil.example/' } as never)).toEqual({ action: 'deny' });
  });
});

describe('IPC through the wiring', () => {
  it('answers the window showing the app page and refuses it after it navigated', async () => {
    const { window } = await start();
    await expect(fake.module.ipcMain.invoke(wireName('app:version'), fromWindow(window))).resolves.toEqual({
      ok: true,
      value: 'answer of app:version',
    });
    window.webContents.mainFrame.url = 'https://evil.example/';
    await expect(fake.module.ipcMain.invoke(wireName('app:version'), fromWindow(window))).resolves.toMatchObject({ ok: false });
    expect(core.spies['app:version']).toHaveBeenCalledTimes(1);
  });
});

describe('tray, window and notifications', () => {
  it('the core updates the tray and a menu click reaches core.trayAction', async () => {
    await start();
    const [tray] = fake.trays;
    ports.tray.update({ icon: 'alert', tooltip: 'Pulsebar — spike', title: '99', menu: [{ id: 'pause-alerts', label: 'Pause alerts for 1 hour', command: { type: 'pause-alerts' } }] });
    expect(tray!.setToolTip).toHaveBeenLastCalledWith('Pulsebar — spike');
    expect(tray!.setImage).toHaveBeenCalledTimes(1);
    tray!.menu()[0]!.click!({} as never, undefined, {} as never);
    expect(core.trayAction).toHaveBeenCalledWith({ type: 'pause-alerts' });
  });

  it('a click on the tray icon toggles the panel beside it', async () => {
    const { window } = await start({ argv: ['pulsebar', '--hidden'] });
    fake.trays[0]!.emit('click');
    expect(window.visible).toBe(true);
    expect(window.setPosition).toHaveBeenCalled();
    fake.trays[0]!.emit('click');
    expect(window.visible).toBe(false);
  });

  it("a notification click shows the window on the alert's target", async () => {
    const { window } = await start({ argv: ['pulsebar', '--hidden'] });
    // The core's own alert notifier (src/main/alerts/notifications.ts) over the Electron notifier,
    // clicking through to what the core's navigate() does: show the window, push `navigate`.
    const alerts = createAlertNotifier({
      notifier: ports.notifier,
      enabled: () => true,
      onClick: (target) => {
        ports.window.show(target);
        if (target) core.emit('navigate', target);
      },
    });
    alerts.notify([
      {
        id: 'e1',
        ruleId: 'r1',
        kind: 'rise',
        scope: { type: 'target', accountId: 'acc-1', targetId: 'script-7' },
        subject: 'Hub Alpha (LuaProt main)',
        at: 0,
        value: 82,
        reference: 50,
        message: 'Users rose 64 % (+32) to 82 in 10 min',
        silenced: false,
      },
    ]);
    const [shown] = fake.notifications;
    expect(shown?.options.title).toBe('Hub Alpha (LuaProt main)');
    expect(window.visible).toBe(false);
    shown!.emit('click');
    expect(window.visible).toBe(true);
    expect(window.webContents.send).toHaveBeenCalledWith(wireName('navigate'), { accountId: 'acc-1', targetId: 'script-7' });
  });

  it('the window port hides and detaches the panel', async () => {
    const { window } = await start();
    ports.window.setDetached(true);
    expect(window.setResizable).toHaveBeenLastCalledWith(true);
    ports.window.hide();
    expect(window.visible).toBe(false);
  });

  it('the window port detaches the window to the saved bounds, and its settled moves reach core.windowMoved', async () => {
    const { window } = await start();
    vi.useFakeTimers();
    const left = { x: 300, y: 200, width: 900, height: 700 };
    ports.window.setDetached(true, left);
    expect(window.bounds).toEqual(left);
    window.setBounds({ x: 320 });
    vi.advanceTimersByTime(BOUNDS_SETTLE_MS);
    expect(core.windowMoved).toHaveBeenCalledTimes(1);
    expect(core.windowMoved).toHaveBeenCalledWith({ ...left, x: 320 });
  });

  it('the global shortcut shows the panel', async () => {
    const { window } = await start({ argv: ['pulsebar', '--hidden'] });
    expect(ports.system.setGlobalShortcut('Alt+P')).toBe(true);
    const callback = fake.module.globalShortcut.register.mock.calls[0]![1];
    callback();
    expect(window.visible).toBe(true);
  });

  it('a second instance shows the panel of the first', async () => {
    const { window } = await start({ argv: ['pulsebar', '--hidden'] });
    fake.module.app.emit('second-instance', preventable(), ['pulsebar'], '/');
    expect(window.visible).toBe(true);
  });

  it('closing the last window does not quit the tray app', async () => {
    await start();
    expect(fake.module.app.listenerCount('window-all-closed')).toBe(1);
    fake.module.app.emit('window-all-closed');
    expect(fake.module.app.quit).not.toHaveBeenCalled();
  });
});

describe('system signals', () => {
  it('suspend and resume reach the core', async () => {
    await start();
    fake.module.powerMonitor.emit('suspend');
    fake.module.powerMonitor.emit('resume');
    expect(core.signal.mock.calls).toEqual([['suspend'], ['resume']]);
  });

  it('going offline and online is noticed on the next check and reported once', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    await start();
    vi.advanceTimersByTime(ONLINE_CHECK_MS * 2);
    expect(core.signal).not.toHaveBeenCalled();
    fake.network.online = false;
    vi.advanceTimersByTime(ONLINE_CHECK_MS);
    vi.advanceTimersByTime(ONLINE_CHECK_MS);
    expect(core.signal.mock.calls).toEqual([['offline']]);
    fake.network.online = true;
    vi.advanceTimersByTime(ONLINE_CHECK_MS);
    expect(core.signal.mock.calls).toEqual([['offline'], ['online']]);
    // After quitting, no more checks.
    fake.module.app.emit('before-quit');
    fake.network.online = false;
    vi.advanceTimersByTime(ONLINE_CHECK_MS * 3);
    expect(core.signal).toHaveBeenCalledTimes(2);
  });
});

describe('quit', () => {
  it('before-quit destroys the windows (their close handler would only hide them)', async () => {
    const { window } = await start();
    fake.module.app.emit('before-quit');
    expect(window.destroy).toHaveBeenCalled();
  });

  it('will-quit waits for core.stop() before app.exit(0), and removes the IPC handlers', async () => {
    let finishStop!: () => void;
    core.stop.mockImplementation(() => new Promise<void>((resolve) => (finishStop = resolve)));
    await start();
    const event = preventable();
    fake.module.app.emit('will-quit', event);
    expect(event.defaultPrevented()).toBe(true);
    expect(core.stop).toHaveBeenCalledTimes(1);
    expect(fake.module.ipcMain.channels()).toEqual([]);
    await Promise.resolve();
    expect(fake.module.app.exit).not.toHaveBeenCalled();
    // A second quit while saving waits for the same stop.
    const again = preventable();
    fake.module.app.emit('will-quit', again);
    expect(again.defaultPrevented()).toBe(true);
    expect(core.stop).toHaveBeenCalledTimes(1);
    finishStop();
    await vi.waitFor(() => expect(fake.module.app.exit).toHaveBeenCalledWith(0));
    expect(fake.module.app.exit).toHaveBeenCalledTimes(1);
  });

  it('a failed save on quit is logged by name and exits 1', async () => {
    core.stop.mockRejectedValue(new RangeError('disk full'));
    await start();
    fake.module.app.emit('will-quit', preventable());
    await vi.waitFor(() => expect(fake.module.app.exit).toHaveBeenCalledWith(1));
    expect(log).toHaveBeenCalledWith('pulsebar: could not save on quit (RangeError)');
  });
});
