import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { KeytarSecretStore, type KeytarApi } from './keytar-secret-store';
import { KeychainUnavailableError, SecretStoreError } from './secret-store';

const KEY = 'sk_live_DO_NOT_LEAK_8f3a91';

function fakeKeytar(overrides: Partial<KeytarApi> = {}): KeytarApi {
  return {
    getPassword: async () => null,
    setPassword: async () => undefined,
    deletePassword: async () => false,
    ...overrides,
  };
}

async function caught(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('KeytarSecretStore failures', () => {
  it('loads keytar lazily: constructing the store touches nothing', () => {
    const load = vi.fn(async () => fakeKeytar());
    new KeytarSecretStore({ loadKeytar: load });
    expect(load).not.toHaveBeenCalled();
  });

  it('turns a keytar that fails to load into a clear KeychainUnavailableError', async () => {
    const store = new KeytarSecretStore({
      loadKeytar: async () => {
        throw new Error('libsecret-1.so.0: cannot open shared object file');
      },
    });
    const error = await caught(store.get('acc'));
    expect(error).toBeInstanceOf(KeychainUnavailableError);
    expect(error.message).toMatch(/^The OS keychain is not available: .*libsecret-1\.so\.0/);
    expect(error.message).toContain('On Linux install gnome-keyring (or another Secret Service) and libsecret');
  });

  it('retries loading after a failed load', async () => {
    let attempts = 0;
    const store = new KeytarSecretStore({
      loadKeytar: async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('not yet');
        return fakeKeytar({ getPassword: async () => 'k' });
      },
    });
    await expect(store.get('acc')).rejects.toBeInstanceOf(KeychainUnavailableError);
    await expect(store.get('acc')).resolves.toBe('k');
  });

  it('never puts the key in an error, even when the native layer echoes it', async () => {
    const store = new KeytarSecretStore({
      loadKeytar: async () =>
        fakeKeytar({
          setPassword: async (_service, _account, password) => {
            throw new Error(`write refused for value ${password}`);
          },
        }),
    });
    const error = await caught(store.set('acc-1', KEY));
    expect(error).toBeInstanceOf(SecretStoreError);
    expect(error.message).toContain('acc-1');
    expect(error.message).toContain('[redacted]');
    expect(error.message).not.toContain(KEY);
    expect(String(error.stack)).not.toContain(KEY);
    expect(inspect(error, { depth: 10 })).not.toContain(KEY);
    expect(JSON.stringify(error)).not.toContain(KEY);
  });

  it('rejects an empty key or account id without calling the keychain', async () => {
    const setPassword = vi.fn(async () => undefined);
    const store = new KeytarSecretStore({ loadKeytar: async () => fakeKeytar({ setPassword }) });
    await expect(store.set('acc', '')).rejects.toBeInstanceOf(SecretStoreError);
    await expect(store.set('', 'k')).rejects.toBeInstanceOf(SecretStoreError);
    expect(setPassword).not.toHaveBeenCalled();
  });

  it('reports an unreachable Secret Service (real keytar, broken D-Bus address) without the key', () => {
    // A child process: libsecret keeps its bus connection per process, so this cannot run in-process.
    const modulePath = fileURLToPath(new URL('./keytar-secret-store.ts', import.meta.url));
    const script = `
      import { KeytarSecretStore } from ${JSON.stringify(modulePath)};
      const store = new KeytarSecretStore({ service: 'Pulsebar-test-unreachable' });
      try { await store.set('acc', ${JSON.stringify(KEY)}); console.log(JSON.stringify({ ok: true })); }
      catch (e) { console.log(JSON.stringify({ name: e.name, message: e.message, stack: e.stack })); }
    `;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/pulsebar-no-bus', DISPLAY: '' },
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(child.status, child.stderr).toBe(0);
    const lastLine = child.stdout.trim().split('\n').at(-1) ?? '';
    const result = JSON.parse(lastLine) as { ok?: true; name?: string; message?: string };
    expect(result.name).toBe('KeychainUnavailableError');
    expect(result.message).toMatch(/^The OS keychain is not available: /);
    expect(child.stdout).not.toContain(KEY);
    expect(child.stderr).not.toContain(KEY);
  });
});
