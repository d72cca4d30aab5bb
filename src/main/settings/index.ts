export { SETTINGS_VERSION, windowBoundsSchema } from './settings-schema';
export type { Settings, WindowBounds } from './settings-schema';
export { SettingsStore } from './settings-store';
export { resolveConfigDir } from './config-dir';
export { asidePath } from './set-aside';
export { removeStaleTempFiles } from './stale-temp-files';
