import type { Rectangle } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { preventable, resetElectronFake, type ElectronFake, type FakeBrowserWindow } from './electron-fake';
import { BOUNDS_SETTLE_MS, createPanelWindow } from './window';

vi.mock('electron', () => import('./electron-fake').then((m) => m.electronModule));

let fake: ElectronFake;
beforeEach(() => {
  fake = resetElectronFake();
});

function panel(overrides: Partial<Parameters<typeof createPanelWindow>[0]> = {}) {
  const onLoadFailed = vi.fn();
  const onBoundsChanged = vi.fn<(bounds: Rectangle) => void>();
  const created = createPanelWindow({ preloadPath: '/out/preload/index.cjs', url: 'app://pulsebar/index.html', onLoadFailed, onBoundsChanged, devTools: false, ...overrides });
  return { created, window: created.window as unknown as FakeBrowserWindow, onLoadFailed, onBoundsChanged };
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

describe('the detached window remembers where it was left', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  const left = { x: 300, y: 200, width: 900, height: 700 };

  it('reports its bounds once a move or resize has settled, once per settling', () => {
    vi.useFakeTimers();
    const { created, window, onBoundsChanged } = panel();
    created.setDetached(true);
    window.setBounds({ x: 100, y: 100 });
    vi.advanceTimersByTime(BOUNDS_SETTLE_MS - 1);
    window.setBounds({ x: 150, y: 120 });
    window.setBounds({ width: 900, height: 700 });
    window.setBounds(left);
    vi.advanceTimersByTime(BOUNDS_SETTLE_MS - 1);
    expect(onBoundsChanged).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onBoundsChanged).toHaveBeenCalledTimes(1);
    expect(onBoundsChanged).toHaveBeenCalledWith(left);
    vi.advanceTimersByTime(10 * BOUNDS_SETTLE_MS);
    expect(onBoundsChanged).toHaveBeenCalledTimes(1);
  });

  it('reports the unmaximized bounds of a maximized window', () => {
    vi.useFakeTimers();
    const { created, window, onBoundsChanged } = panel();
    created.setDetached(true);
    window.normalBounds = left;
    window.setBounds({ x: 0, y: 0, width: 1920, height: 1080 });
    vi.advanceTimersByTime(BOUNDS_SETTLE_MS);
    expect(onBoundsChanged).toHaveBeenCalledWith(left);
  });

  it('as the panel it never reports, and attaching brings back the fixed 420×640', () => {
    vi.useFakeTimers();
    const { created, window, onBoundsChanged } = panel();
    created.setDetached(false);
    created.toggleBeside({ x: 1800, y: 0, width: 24, height: 24 });
    window.setBounds({ x: 5, y: 5 });
    vi.advanceTimersByTime(10 * BOUNDS_SETTLE_MS);
    expect(onBoundsChanged).not.toHaveBeenCalled();

    created.setDetached(true, left);
    expect(window.bounds).toEqual(left);
    vi.advanceTimersByTime(BOUNDS_SETTLE_MS); // it reports where it was put (the core keeps only a change)
    onBoundsChanged.mockClear();
    created.setDetached(false);
    expect(window.bounds).toMatchObject({ width: 420, height: 640 });
    vi.advanceTimersByTime(10 * BOUNDS_SETTLE_MS);
    expect(onBoundsChanged).not.toHaveBeenCalled();
  });

  it('a move not yet reported goes out when it is attached, before it takes the panel size', () => {
    vi.useFakeTimers();
    const { created, window, onBoundsChanged } = panel();
    created.setDetached(true, left);
    window.setBounds({ x: 640, y: 360 });
    created.setDetached(false);
    expect(onBoundsChanged).toHaveBeenCalledTimes(1);
    expect(onBoundsChanged).toHaveBeenCalledWith({ ...left, x: 640, y: 360 });
    vi.advanceTimersByTime(10 * BOUNDS_SETTLE_MS);
    expect(onBoundsChanged).toHaveBeenCalledTimes(1);
  });

  it('a move not yet reported goes out when the window is destroyed on quit', () => {
    vi.useFakeTimers();
    const { created, window, onBoundsChanged } = panel();
    created.setDetached(true);
    window.setBounds(left);
    window.destroy();
    expect(onBoundsChanged).toHaveBeenCalledWith(left);
    vi.advanceTimersByTime(10 * BOUNDS_SETTLE_MS);
    expect(onBoundsChanged).toHaveBeenCalledTimes(1);
  });

  it('detaching puts it where it was left, kept on a display that is still there', () => {
    const { created, window } = panel();
    fake.displays.workAreas = [{ x: 0, y: 0, width: 1920, height: 1080 }, { x: 1920, y: 0, width: 2560, height: 1440 }];
    created.setDetached(true, { x: 2400, y: 300, width: 1000, height: 800 });
    expect(window.bounds).toEqual({ x: 2400, y: 300, width: 1000, height: 800 });

    created.setDetached(false);
    fake.displays.workAreas = [{ x: 0, y: 0, width: 1920, height: 1080 }]; // the second monitor was unplugged
    created.setDetached(true, { x: 2400, y: 300, width: 1000, height: 800 });
    expect(window.bounds).toEqual({ x: 920, y: 280, width: 1000, height: 800 });
  });

  it('detaching with nothing saved leaves it where it is', () => {
    const { created, window } = panel();
    created.setDetached(true);
    expect(window.setBounds).not.toHaveBeenCalled();
    expect(window.bounds).toMatchObject({ width: 420, height: 640 });
  });
});
