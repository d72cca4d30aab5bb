import { keyRedactor } from '../providers/key-redaction';
import {
  assertAccountId,
  assertSecret,
  KeychainUnavailableError,
  SecretStoreError,
  type SecretStore,
} from './secret-store';

/** The part of keytar we use; injectable so tests can stand in a broken or leaky native module. */
export interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export interface KeytarSecretStoreOptions {
  /** Keychain service name; tests use a unique one (Pulsebar-test-<random>) and clean up after. */
  service?: string;
  /** Loads keytar; defaults to a lazy `import('keytar')`. */
  loadKeytar?: () => Promise<KeytarApi>;
}

export const DEFAULT_KEYCHAIN_SERVICE = 'Pulsebar';

// Failures that mean "no usable keychain here" rather than "this one call went wrong".
const UNAVAILABLE_PATTERN =
  /d-?bus|could not connect|secret ?service|org\.freedesktop|autolaunch|no such (interface|object|name)|not provided by any \.service|\.so\b|cannot open shared object|libsecret|keyring|was compiled against a different node\.js|module did not self-register|cannot find module/i;

async function importKeytar(): Promise<KeytarApi> {
  // keytar is CommonJS: its functions arrive on `default` (named exports are not all detected).
  const mod = (await import('keytar')) as unknown as { default?: KeytarApi } & Partial<KeytarApi>;
  const api = mod.default ?? (mod as KeytarApi);
  if (typeof api.getPassword !== 'function') throw new Error('keytar loaded without getPassword()');
  return api;
}

/** The message of an unknown error with every occurrence of `secret` removed. */
function describe(error: unknown, secret?: string): string {
  let text = error instanceof Error ? error.message : String(error);
  // Whole (any length), then its encodings, cases and 8+ character pieces.
  if (secret) text = keyRedactor(secret)(text.split(secret).join('[redacted]'));
  // Trailing dots dropped by hand: /\.+$/ backtracks quadratically on a long run of dots.
  text = text.trim();
  let end = text.length;
  while (end > 0 && text[end - 1] === '.') end--;
  return text.slice(0, end) || 'unknown error';
}

/**
 * API keys in the OS keychain (macOS Keychain, Windows Credential Manager, Secret Service on Linux).
 * keytar is loaded on first use, not at import, so a missing native module or keychain becomes
 * a KeychainUnavailableError the UI can explain instead of a crash when main starts.
 */
export class KeytarSecretStore implements SecretStore {
  readonly kind = 'keychain' as const;
  readonly service: string;
  readonly #loadKeytar: () => Promise<KeytarApi>;
  #keytar: Promise<KeytarApi> | undefined;

  constructor(options: KeytarSecretStoreOptions = {}) {
    this.service = options.service ?? DEFAULT_KEYCHAIN_SERVICE;
    if (this.service.trim() === '') throw new SecretStoreError('The keychain service name must not be empty.');
    this.#loadKeytar = options.loadKeytar ?? importKeytar;
  }

  async get(accountId: string): Promise<string | null> {
    assertAccountId(accountId);
    return this.#call('read', accountId, undefined, (k) => k.getPassword(this.service, accountId));
  }

  async set(accountId: string, secret: string): Promise<void> {
    assertAccountId(accountId);
    assertSecret(accountId, secret);
    await this.#call('store', accountId, secret, (k) => k.setPassword(this.service, accountId, secret));
  }

  async delete(accountId: string): Promise<boolean> {
    assertAccountId(accountId);
    return this.#call('delete', accountId, undefined, (k) => k.deletePassword(this.service, accountId));
  }

  /** Resolves when the keychain answers a harmless lookup; throws KeychainUnavailableError otherwise. */
  async probe(): Promise<void> {
    await this.#call('read', '__pulsebar_probe__', undefined, (k) => k.getPassword(this.service, '__pulsebar_probe__'));
  }

  #load(): Promise<KeytarApi> {
    if (!this.#keytar) {
      this.#keytar = this.#loadKeytar().catch((error: unknown) => {
        // Forget the failure so a later call can succeed once the keychain is installed/started.
        this.#keytar = undefined;
        throw new KeychainUnavailableError(`the keytar native module could not be loaded (${describe(error)})`, {
          cause: error,
        });
      });
    }
    return this.#keytar;
  }

  async #call<T>(
    verb: 'read' | 'store' | 'delete',
    accountId: string,
    secret: string | undefined,
    run: (keytar: KeytarApi) => Promise<T>,
  ): Promise<T> {
    const keytar = await this.#load();
    try {
      return await run(keytar);
    } catch (error) {
      // The cause is not attached: a native error could echo the key, and causes get logged.
      const reason = describe(error, secret);
      if (UNAVAILABLE_PATTERN.test(reason)) throw new KeychainUnavailableError(reason);
      throw new SecretStoreError(
        `Could not ${verb} the API key of account "${accountId}" in the OS keychain (service "${this.service}"): ${reason}.`,
      );
    }
  }
}
