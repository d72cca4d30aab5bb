import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { KeytarSecretStore } from './keytar-secret-store';

/*
 * Integration test against the REAL OS keychain (Secret Service via libsecret on Linux).
 * It never skips: without a reachable keychain every test here fails with the reason.
 * `npm run test:unit` provides one through scripts/with-keyring.sh (private D-Bus + gnome-keyring).
 */
const service = `Pulsebar-test-${randomBytes(6).toString('hex')}`;
const store = new KeytarSecretStore({ service });
const touched = new Set<string>();

function account(name: string): string {
  touched.add(name);
  return name;
}

afterAll(async () => {
  const keytar = (await import('keytar')).default;
  for (const id of touched) await keytar.deletePassword(service, id).catch(() => false);
  // Nothing of this run may stay behind in the keychain.
  expect(await keytar.findCredentials(service).catch(() => [])).toEqual([]);
});

describe(`KeytarSecretStore on the real keychain (service ${service})`, () => {
  it('reaches the keychain', async () => {
    try {
      await store.probe();
    } catch (error) {
      throw new Error(
        'The keychain integration test needs a reachable Secret Service. Run it through ' +
          '"bash scripts/with-keyring.sh vitest run" (npm run test:unit does this). Cause: ' +
          (error instanceof Error ? error.message : String(error)),
      );
    }
  });

  it('sets and gets a key', async () => {
    const id = account('junkie-main');
    await store.set(id, 'jk_live_0123456789abcdef');
    expect(await store.get(id)).toBe('jk_live_0123456789abcdef');
  });

  it('overwrites a key', async () => {
    const id = account('luaprot-main');
    await store.set(id, 'first-key');
    await store.set(id, 'second-key');
    expect(await store.get(id)).toBe('second-key');
  });

  it('deletes a key; get after delete is null and a second delete reports nothing removed', async () => {
    const id = account('luaauth-main');
    await store.set(id, 'la-key');
    expect(await store.delete(id)).toBe(true);
    expect(await store.get(id)).toBeNull();
    expect(await store.delete(id)).toBe(false);
  });

  it('returns null for an account that never had a key', async () => {
    expect(await store.get(account('never-stored'))).toBeNull();
  });

  it('keeps unicode account ids and keys intact', async () => {
    const id = account('аккаунт-帳號-🔑');
    const key = 'ключ-密钥-🔐-ünïcödé-\u00a0-\u200d';
    await store.set(id, key);
    expect(await store.get(id)).toBe(key);
  });

  it('keeps a long key intact', async () => {
    const id = account('long-key');
    const key = randomBytes(2048).toString('base64');
    await store.set(id, key);
    expect(await store.get(id)).toBe(key);
  });

  it('isolates two accounts', async () => {
    const a = account('account-a');
    const b = account('account-b');
    await store.set(a, 'key-of-a');
    await store.set(b, 'key-of-b');
    expect(await store.get(a)).toBe('key-of-a');
    expect(await store.get(b)).toBe('key-of-b');
    await store.delete(a);
    expect(await store.get(a)).toBeNull();
    expect(await store.get(b)).toBe('key-of-b');
  });

  it('isolates services: another service name does not see these keys', async () => {
    const id = account('shared-id');
    await store.set(id, 'only-in-test-service');
    const other = new KeytarSecretStore({ service: `${service}-other` });
    expect(await other.get(id)).toBeNull();
  });
});
