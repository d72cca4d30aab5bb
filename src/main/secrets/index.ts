export type { SecretStore } from './secret-store';
export { SecretStoreError } from './secret-store';
export { KeytarSecretStore } from './keytar-secret-store';
export { MemorySecretStore } from './memory-secret-store';
