import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetElectronFake, type ElectronFake } from './electron-fake';
import { createSystemPort, launchedHidden, type HostEnvironment } from './system';

vi.mock('electron', () => import('./electron-fake').then((m) => m.electronModule));

let fake: ElectronFake;
let home: string;
beforeEach(() => {
  fake = resetElectronFake();
  home = mkdtempSync(join(tmpdir(), 'pulsebar-system-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const host = (over: Partial<HostEnvironment> = {}): HostEnvironment => ({
  platform: 'linux',
  env: {},
  homedir: home,
  execPath: '/opt/Pulsebar/pulsebar',
  ...over,
});

describe('launch at login', () => {
  it('Linux: writes an XDG autostart entry that starts hidden, and removes it', () => {
    const file = join(home, '.config', 'autostart', 'pulsebar.desktop');
    const port = createSystemPort(() => {}, host());
    port.setLaunchAtLogin(true);
    expect(readFileSync(file, 'utf8')).toBe(
      '[Desktop Entry]\nType=Application\nName=Pulsebar\nExec="/opt/Pulsebar/pulsebar" --hidden\nX-GNOME-Autostart-enabled=true\n',
    );
    port.setLaunchAtLogin(false);
    expect(existsSync(file)).toBe(false);
    port.setLaunchAtLogin(false); // already gone: no error
    expect(fake.module.app.setLoginItemSettings).not.toHaveBeenCalled();
  });

  it('Linux: honours XDG_CONFIG_HOME and starts the AppImage, not its mount', () => {
    const config = join(home, 'xdg');
    createSystemPort(() => {}, host({ env: { XDG_CONFIG_HOME: config, APPIMAGE: '/home/u/Pulsebar.AppImage' } })).setLaunchAtLogin(true);
    expect(readFileSync(join(config, 'autostart', 'pulsebar.desktop'), 'utf8')).toContain('Exec="/home/u/Pulsebar.AppImage" --hidden\n');
  });

  it('Windows: a login item that passes --hidden', () => {
    const port = createSystemPort(() => {}, host({ platform: 'win32' }));
    port.setLaunchAtLogin(true);
    port.setLaunchAtLogin(false);
    expect(fake.module.app.setLoginItemSettings.mock.calls).toEqual([
      [{ openAtLogin: true, args: ['--hidden'] }],
      [{ openAtLogin: false, args: ['--hidden'] }],
    ]);
  });

  it('macOS: a login item; the launch is hidden when it was opened at login', () => {
    createSystemPort(() => {}, host({ platform: 'darwin' })).setLaunchAtLogin(true);
    expect(fake.module.app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true });
    expect(launchedHidden(['/Applications/Pulsebar.app'], 'darwin')).toBe(false);
    fake.module.app.wasOpenedAtLogin = true;
    expect(launchedHidden(['/Applications/Pulsebar.app'], 'darwin')).toBe(true);
    expect(launchedHidden(['pulsebar'], 'linux')).toBe(false);
    expect(launchedHidden(['pulsebar', '--hidden'], 'linux')).toBe(true);
  });
});

describe('global shortcut', () => {
  it('registers the accelerator with the callback and replaces the previous one', () => {
    const onShortcut = vi.fn();
    const port = createSystemPort(onShortcut, host());
    expect(port.setGlobalShortcut('CommandOrControl+Shift+P')).toBe(true);
    expect(fake.module.globalShortcut.register).toHaveBeenCalledWith('CommandOrControl+Shift+P', onShortcut);
    expect(port.setGlobalShortcut('Alt+P')).toBe(true);
    expect(fake.module.globalShortcut.unregister).toHaveBeenCalledWith('CommandOrControl+Shift+P');
    expect(port.setGlobalShortcut(null)).toBe(true);
    expect(fake.module.globalShortcut.unregister).toHaveBeenLastCalledWith('Alt+P');
    expect(fake.module.globalShortcut.register).toHaveBeenCalledTimes(2);
  });

  it('returns false when the accelerator is taken by another app', () => {
    const port = createSystemPort(() => {}, host());
    fake.module.globalShortcut.register.mockReturnValueOnce(false);
    expect(port.setGlobalShortcut('Alt+Space')).toBe(false);
    port.setGlobalShortcut(null);
    expect(fake.module.globalShortcut.unregister).not.toHaveBeenCalled(); // nothing was held
  });

  it('returns false for an invalid accelerator (Electron throws)', () => {
    const port = createSystemPort(() => {}, host());
    fake.module.globalShortcut.register.mockImplementationOnce(() => {
      throw new TypeError('Error processing argument at index 0, conversion failure from Ctrl+Nope');
    });
    expect(port.setGlobalShortcut('Ctrl+Nope')).toBe(false);
  });
});

describe('quit and version', () => {
  it('quit() asks Electron to quit (so will-quit saves), not to exit', () => {
    createSystemPort(() => {}, host()).quit();
    expect(fake.module.app.quit).toHaveBeenCalledTimes(1);
    expect(fake.module.app.exit).not.toHaveBeenCalled();
  });

  it('appVersion() is the app version', () => {
    expect(createSystemPort(() => {}, host()).appVersion()).toBe('0.1.0');
  });
});
