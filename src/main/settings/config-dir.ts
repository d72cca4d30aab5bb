import { homedir } from 'node:os';
import path from 'node:path';

/** Folder name under the platform's config root; matches Electron's userData for productName "Pulsebar". */
export const APP_DIR_NAME = 'Pulsebar';

export interface ConfigDirInput {
  env?: Record<string, string | undefined>;
  platform?: NodeJS.Platform;
  home?: string;
}

/**
 * Where the CLI keeps settings when no Electron `userData` is available: PULSEBAR_CONFIG_DIR if set,
 * otherwise the same folder Electron uses, so the CLI and the app share one settings file.
 *   Linux    $XDG_CONFIG_HOME/Pulsebar, else ~/.config/Pulsebar
 *   macOS    ~/Library/Application Support/Pulsebar
 *   Windows  %APPDATA%\Pulsebar, else ~\AppData\Roaming\Pulsebar
 */
export function resolveConfigDir(input: ConfigDirInput = {}): string {
  const env = input.env ?? process.env;
  const platform = input.platform ?? process.platform;
  const home = input.home ?? homedir();
  const paths = platform === 'win32' ? path.win32 : path.posix;

  const override = env.PULSEBAR_CONFIG_DIR?.trim();
  if (override) return paths.resolve(override);

  switch (platform) {
    case 'win32':
      return paths.join(env.APPDATA?.trim() || paths.join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
    case 'darwin':
      return paths.join(home, 'Library', 'Application Support', APP_DIR_NAME);
    default: {
      // XDG says a relative XDG_CONFIG_HOME is invalid and must be ignored.
      const xdg = env.XDG_CONFIG_HOME?.trim();
      const root = xdg && paths.isAbsolute(xdg) ? xdg : paths.join(home, '.config');
      return paths.join(root, APP_DIR_NAME);
    }
  }
}
