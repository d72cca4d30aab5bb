import { app, globalShortcut } from 'electron';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { SystemPort } from '../core/ports';

/** Passed by every launch-at-login entry: start in the tray without showing the panel. */
export const HIDDEN_FLAG = '--hidden';

export interface HostEnvironment {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  homedir: string;
  execPath: string;
}

const currentHost = (): HostEnvironment => ({
  platform: process.platform,
  env: process.env,
  homedir: homedir(),
  execPath: process.execPath,
});

/** Linux has no login-item API in Electron: the XDG autostart entry is the standard way. */
function setLinuxAutostart(enabled: boolean, host: HostEnvironment): void {
  const dir = join(host.env['XDG_CONFIG_HOME'] || join(host.homedir, '.config'), 'autostart');
  const file = join(dir, 'pulsebar.desktop');
  if (!enabled) {
    rmSync(file, { force: true });
    return;
  }
  // An AppImage's own path: process.execPath points into its temporary mount.
  const exec = host.env['APPIMAGE'] ?? host.execPath;
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    file,
    ['[Desktop Entry]', 'Type=Application', 'Name=Pulsebar', `Exec="${exec}" ${HIDDEN_FLAG}`, 'X-GNOME-Autostart-enabled=true', ''].join('\n'),
  );
}

/**
 * Whether this launch should stay in the tray: started by a login entry. Windows and Linux entries
 * pass HIDDEN_FLAG; macOS login items take no arguments (Electron 45 has no openAsHidden), so there
 * the app asks whether it was opened at login.
 */
export function launchedHidden(argv: readonly string[], platform: NodeJS.Platform = process.platform): boolean {
  if (argv.includes(HIDDEN_FLAG)) return true;
  return platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin;
}

export function createSystemPort(onShortcut: () => void, host: HostEnvironment = currentHost()): SystemPort {
  let shortcut: string | null = null;
  return {
    setLaunchAtLogin(enabled) {
      if (host.platform === 'linux') setLinuxAutostart(enabled, host);
      else if (host.platform === 'win32') app.setLoginItemSettings({ openAtLogin: enabled, args: [HIDDEN_FLAG] });
      else app.setLoginItemSettings({ openAtLogin: enabled });
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
