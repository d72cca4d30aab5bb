export { SETTINGS_VERSION } from './settings-schema';
export type { Settings } from './settings-schema';
export { SettingsStore } from './settings-store';
export { resolveConfigDir } from './config-dir';
export { asidePath } from './set-aside';
export { removeStaleTempFiles } from './stale-temp-files';
