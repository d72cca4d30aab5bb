export {
  SETTINGS_VERSION,
  DEFAULT_POLL_INTERVAL_SECONDS,
  settingsSchema,
  defaultSettings,
  migrateSettings,
} from './settings-schema';
export type { Settings } from './settings-schema';
export { SettingsStore, SettingsValidationError, SETTINGS_FILE_NAME } from './settings-store';
export type { SettingsLoadResult, SettingsNotice, SettingsPatch, SettingsListener, SettingsStoreOptions } from './settings-store';
export { resolveConfigDir, APP_DIR_NAME } from './config-dir';
export { asidePath, type AsideReason } from './set-aside';
export { removeStaleTempFiles, STALE_TEMP_MS } from './stale-temp-files';
