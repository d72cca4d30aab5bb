import type { MonitorSnapshot } from '../../shared/ipc-contract';

/**
 * Where keys are, in words, from the snapshot's `keyStore` (main's SecretStore.kind). Until the first
 * snapshot arrives nothing is claimed: "stored in your system keychain" is said only when it is true.
 */
export type KeyStore = MonitorSnapshot['keyStore'] | null;

/** The add form's promise about a new key. */
export function newKeyWords(store: KeyStore): string {
  if (store === 'keychain') return 'The key is stored in your system keychain and is never shown again.';
  if (store === 'memory') return 'The key is kept in memory only until Pulsebar stops (no system keychain here), and is never shown again.';
  return 'The key is never shown again.';
}

/** An account's key, in the account list. */
export function storedKeyWords(store: KeyStore): string {
  return store === 'keychain' ? 'key stored in keychain' : store === 'memory' ? 'key kept in memory only' : 'key stored';
}

/** The replace-key field's placeholder. */
export function replaceKeyPlaceholder(store: KeyStore): string {
  return store === 'keychain' ? 'Stored in keychain — type to replace' : store === 'memory' ? 'Kept in memory — type to replace' : 'Stored — type to replace';
}

/** What removing an account does to its key. */
export function removedKeyWords(store: KeyStore): string {
  return store === 'keychain' ? 'Its key is deleted from the keychain' : 'Its key is forgotten';
}
