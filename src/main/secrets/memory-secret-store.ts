import { assertAccountId, assertSecret, type SecretStore } from './secret-store';

/**
 * Keys held in process memory only: the CLI (keys from the environment) and demo mode,
 * where no keychain may exist. The map is an ES private field so that util.inspect,
 * console.log and JSON.stringify of the store never show a key.
 */
export class MemorySecretStore implements SecretStore {
  readonly kind = 'memory' as const;
  readonly #secrets = new Map<string, string>();

  constructor(initial?: Iterable<readonly [string, string]> | Record<string, string>) {
    if (!initial) return;
    const entries = Symbol.iterator in initial ? initial : Object.entries(initial);
    for (const [accountId, secret] of entries) {
      assertAccountId(accountId);
      assertSecret(accountId, secret);
      this.#secrets.set(accountId, secret);
    }
  }

  async get(accountId: string): Promise<string | null> {
    assertAccountId(accountId);
    return this.#secrets.get(accountId) ?? null;
  }

  async set(accountId: string, secret: string): Promise<void> {
    assertAccountId(accountId);
    assertSecret(accountId, secret);
    this.#secrets.set(accountId, secret);
  }

  async delete(accountId: string): Promise<boolean> {
    assertAccountId(accountId);
    return this.#secrets.delete(accountId);
  }

  toJSON(): { kind: 'memory'; accounts: number } {
    return { kind: this.kind, accounts: this.#secrets.size };
  }
}
