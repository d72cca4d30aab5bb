import { beforeEach, describe, expect, it, vi } from 'vitest';
import { REQUEST_CHANNELS, wireName } from '../../shared/ipc-contract';
import { FakeWebContents, FakeWebFrameMain, resetElectronFake, type ElectronFake, type FakeBrowserWindow } from './electron-fake';
import { createFakeCore, type FakeCore } from './fake-core';
import { registerIpc } from './ipc';

vi.mock('electron', () => import('./electron-fake').then((m) => m.electronModule));

const PAGE = 'app://pulsebar/index.html';
const isAppUrl = (url: string) => url.split('#')[0] === PAGE;

let fake: ElectronFake;
let core: FakeCore;
let window: FakeBrowserWindow;
let unregister: () => void;
beforeEach(() => {
  fake = resetElectronFake();
  core = createFakeCore();
  window = new fake.module.BrowserWindow({});
  void window.loadURL(PAGE);
  unregister = registerIpc(core, () => window as never, isAppUrl);
});

const fromWindow = () => ({ sender: window.webContents, senderFrame: window.webContents.mainFrame });
const refused = { ok: false, error: { kind: 'invalid_request', message: 'Refused: request did not come from the Pulsebar window.' } };

describe('registerIpc', () => {
  it('registers one handler per contract channel, and removes every one', () => {
    expect(fake.module.ipcMain.channels().sort()).toEqual(REQUEST_CHANNELS.map(wireName).sort());
    expect(core.listenerCount()).toBe(1);
    unregister();
    expect(fake.module.ipcMain.channels()).toEqual([]);
    expect(fake.module.ipcMain.removeHandler).toHaveBeenCalledTimes(REQUEST_CHANNELS.length);
    expect(core.listenerCount()).toBe(0);
  });

  it('answers the app window through dispatch (validated) and the core', async () => {
    await expect(fake.module.ipcMain.invoke(wireName('app:version'), fromWindow(), undefined)).resolves.toEqual({
      ok: true,
      value: 'answer of app:version',
    });
    expect(core.spies['app:version']).toHaveBeenCalledTimes(1);
    const bad = (await fake.module.ipcMain.invoke(wireName('app:version'), fromWindow(), { junk: 1 })) as { ok: boolean };
    expect(bad.ok).toBe(false);
    expect(core.spies['app:version']).toHaveBeenCalledTimes(1);
  });

  it('refuses another webContents without calling the core', async () => {
    const other = new FakeWebContents();
    other.mainFrame.url = PAGE;
    await expect(fake.module.ipcMain.invoke(wireName('app:version'), { sender: other, senderFrame: other.mainFrame })).resolves.toEqual(refused);
    // Each check holds on its own: the sender is checked even if the frame looked like the window's.
    await expect(
      fake.module.ipcMain.invoke(wireName('app:version'), { sender: other, senderFrame: window.webContents.mainFrame }),
    ).resolves.toEqual(refused);
    expect(core.handled()).toBe(false);
  });

  it('refuses a subframe of the window, even one showing the app page', async () => {
    const frame = new FakeWebFrameMain(PAGE);
    await expect(
      fake.module.ipcMain.invoke(wireName('accounts:list'), { sender: window.webContents, senderFrame: frame }),
    ).resolves.toEqual(refused);
    await expect(
      fake.module.ipcMain.invoke(wireName('accounts:list'), { sender: window.webContents, senderFrame: null }),
    ).resolves.toEqual(refused);
    expect(core.handled()).toBe(false);
  });

  it('refuses the window once its main frame shows another URL', async () => {
    window.webContents.mainFrame.url = 'https://evil.example/';
    await expect(fake.module.ipcMain.invoke(wireName('settings:get'), fromWindow())).resolves.toEqual(refused);
    expect(core.handled()).toBe(false);
  });

  it('refuses everything when there is no window', async () => {
    const noWindow = resetElectronFake();
    registerIpc(core, () => null, isAppUrl);
    await expect(noWindow.module.ipcMain.invoke(wireName('settings:get'), fromWindow())).resolves.toEqual(refused);
    expect(core.handled()).toBe(false);
  });

  it('pushes core events to the window, not to a destroyed one', () => {
    core.emit('notice', 'hello');
    expect(window.webContents.send).toHaveBeenCalledWith(wireName('notice'), 'hello');
    window.destroy();
    core.emit('notice', 'again');
    expect(window.webContents.send).toHaveBeenCalledTimes(1);
  });
});
