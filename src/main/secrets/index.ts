export type { SecretStore } from './secret-store';
export { SecretStoreError, KeychainUnavailableError } from './secret-store';
export { KeytarSecretStore, DEFAULT_KEYCHAIN_SERVICE } from './keytar-secret-store';
export type { KeytarApi, KeytarSecretStoreOptions } from './keytar-secret-store';
export { MemorySecretStore } from './memory-secret-store';
