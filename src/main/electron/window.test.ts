import { beforeEach, describe, expect, it, vi } from 'vitest';
import { preventable, resetElectronFake, type ElectronFake, type FakeBrowserWindow } from './electron-fake';
import { createPanelWindow } from './window';

vi.mock('electron', () => import('./electron-fake').then((m) => m.electronModule));

let fake: ElectronFake;
beforeEach(() => {
  fake = resetElectronFake();
});

function panel(overrides: Partial<Parameters<typeof createPanelWindow>[0]> = {}) {
  const onLoadFailed = vi.fn();
  const created = createPanelWindow({ preloadPath: '/out/preload/index.cjs', url: 'app://pulsebar/index.html', onLoadFailed, devTools: false, ...overrides });
  return { created, window: created.window as unknown as FakeBrowserWindow, onLoadFailed };
}

describe('panel window', () => {
  it('is isolated and sandboxed, with no Node and the preload', () => {
    const { window } = panel();
    expect(window.options.show).toBe(false);
    expect(window.options.webPreferences).toMatchObject({
      preload: '/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
  });

  it('has DevTools only when asked (off in packaged builds)', () => {
    expect(panel({ devTools: false }).window.options.webPreferences?.devTools).toBe(false);
    expect(panel({ devTools: true }).window.options.webPreferences?.devTools).toBe(true);
  });

  it('loads the page once and reports a failed load', async () => {
    const { window, onLoadFailed } = panel();
    expect(window.loadURL).toHaveBeenCalledTimes(1);
    expect(window.loadURL).toHaveBeenCalledWith('app://pulsebar/index.html');
    await Promise.resolve();
    expect(onLoadFailed).not.toHaveBeenCalled();

    const failure = new Error('ERR_CONNECTION_REFUSED');
    fake.loadError.value = failure;
    const failing = panel({ url: 'http://localhost:5173/' });
    expect(failing.window.loadURL).toHaveBeenCalledWith('http://localhost:5173/');
    await vi.waitFor(() => expect(failing.onLoadFailed).toHaveBeenCalledWith(failure));
  });

  it('closing hides the window and keeps the app', () => {
    const { created, window } = panel();
    created.show();
    const event = preventable();
    window.emit('close', event);
    expect(event.defaultPrevented()).toBe(true);
    expect(window.hide).toHaveBeenCalled();
    expect(window.destroyed).toBe(false);
  });

  it('as a panel hides on blur; detached it stays, resizable and in the taskbar', () => {
    const { created, window } = panel();
    created.show();
    window.emit('blur');
    expect(window.visible).toBe(false);

    created.setDetached(true);
    expect(window.setResizable).toHaveBeenLastCalledWith(true);
    expect(window.setSkipTaskbar).toHaveBeenLastCalledWith(false);
    expect(window.setAlwaysOnTop).toHaveBeenLastCalledWith(false);
    expect(window.setMinimumSize).toHaveBeenCalledWith(360, 480);
    created.show();
    window.emit('blur');
    expect(window.visible).toBe(true);

    created.setDetached(false);
    expect(window.setResizable).toHaveBeenLastCalledWith(false);
    expect(window.setSkipTaskbar).toHaveBeenLastCalledWith(true);
    expect(window.setAlwaysOnTop).toHaveBeenLastCalledWith(true);
  });

  it('does not hide on blur while DevTools are open', () => {
    const { created, window } = panel({ devTools: true });
    created.show();
    window.webContents.isDevToolsOpened.mockReturnValue(true);
    window.emit('blur');
    expect(window.visible).toBe(true);
  });

  it('the tray click toggles it beside the tray icon', () => {
    const { created, window } = panel();
    created.toggleBeside({ x: 1800, y: 0, width: 24, height: 24 });
    expect(window.visible).toBe(true);
    expect(window.focused).toBe(true);
    expect(fake.module.screen.getDisplayNearestPoint).toHaveBeenCalledWith({ x: 1800, y: 0 });
    expect(window.setPosition).toHaveBeenCalledTimes(1);
    const [x, y] = window.setPosition.mock.calls[0]!;
    expect(x + 420).toBeLessThanOrEqual(1920); // inside the work area
    expect(y).toBeGreaterThanOrEqual(0);
    created.toggleBeside({ x: 1800, y: 0, width: 24, height: 24 });
    expect(window.visible).toBe(false);
  });

  it('show() shows and focuses without moving; hide() hides', () => {
    const { created, window } = panel();
    created.show({ accountId: 'a1' });
    expect(window.visible && window.focused).toBe(true);
    expect(window.setPosition).not.toHaveBeenCalled();
    created.hide();
    expect(window.visible).toBe(false);
  });
});
