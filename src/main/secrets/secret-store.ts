/**
 * Where API keys live. Keys are stored per account id and never leave main:
 * settings hold only account metadata, and nothing here logs or echoes a key.
 */
export interface SecretStore {
  /** 'keychain' for the OS keychain; 'memory' for CLI (keys from the environment) and demo mode. */
  readonly kind: 'keychain' | 'memory';
  /** The account's key, or null when none is stored. */
  get(accountId: string): Promise<string | null>;
  /** Stores or replaces the account's key. */
  set(accountId: string, secret: string): Promise<void>;
  /** Removes the account's key; false when there was none. */
  delete(accountId: string): Promise<boolean>;
}

/** Any failure of a secret store. Messages name the account and operation, never the key. */
export class SecretStoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SecretStoreError';
  }
}

/** The OS keychain cannot be used at all (native module missing, no Secret Service, no D-Bus...). */
export class KeychainUnavailableError extends SecretStoreError {
  readonly reason: string;
  constructor(reason: string, options?: { cause?: unknown }) {
    super(
      `The OS keychain is not available: ${reason}. ` +
        'On Linux install gnome-keyring (or another Secret Service) and libsecret ' +
        '(Debian/Ubuntu: apt-get install gnome-keyring libsecret-1-0) and run Pulsebar inside a desktop ' +
        'session with D-Bus; on macOS the login Keychain and on Windows the Credential Manager are used.',
      options,
    );
    this.name = 'KeychainUnavailableError';
    this.reason = reason;
  }
}

export function assertAccountId(accountId: string): void {
  if (typeof accountId !== 'string' || accountId.trim() === '') {
    throw new SecretStoreError('An account id is required to look up its API key.');
  }
}

export function assertSecret(accountId: string, secret: string): void {
  if (typeof secret !== 'string' || secret.length === 0) {
    throw new SecretStoreError(`The API key for account "${accountId}" is empty; nothing was stored.`);
  }
}
