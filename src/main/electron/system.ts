import { app, globalShortcut } from 'electron';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { SystemPort } from '../app/ports';

/** Linux has no login-item API in Electron: the XDG autostart entry is the standard way. */
function setLinuxAutostart(enabled: boolean): void {
  const dir = join(process.env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), 'autostart');
  const file = join(dir, 'pulsebar.desktop');
  if (!enabled) {
    rmSync(file, { force: true });
    return;
  }
  const exec = process.env['APPIMAGE'] ?? process.execPath;
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    file,
    ['[Desktop Entry]', 'Type=Application', 'Name=Pulsebar', `Exec="${exec}" --hidden`, 'X-GNOME-Autostart-enabled=true', ''].join('\n'),
  );
}

export function createSystemPort(onShortcut: () => void): SystemPort {
  let shortcut: string | null = null;
  return {
    setLaunchAtLogin(enabled) {
      if (process.platform === 'linux') setLinuxAutostart(enabled);
      else app.setLoginItemSettings({ openAtLogin: enabled, openAsHidden: true });
    },
    setGlobalShortcut(accelerator) {
      if (shortcut) globalShortcut.unregister(shortcut);
      shortcut = null;
      if (!accelerator) return true;
      try {
        if (!globalShortcut.register(accelerator, onShortcut)) return false;
      } catch {
        return false; // invalid accelerator string
      }
      shortcut = accelerator;
      return true;
    },
    quit() {
      // app.quit (not exit) runs will-quit, where the core saves history and settings before exiting.
      app.quit();
    },
    appVersion() {
      return app.getVersion();
    },
  };
}
