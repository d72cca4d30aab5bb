import { describe, expect, it } from 'vitest';
import type { AccountConfig, ProviderId } from '../../shared/model';
import { createClient } from '../providers';
import type { ClientOptions, ProviderClient } from '../providers/types';
import { ProviderError } from '../providers/errors';
import { MemorySecretStore } from '../secrets';
import { defaultSettings } from '../settings/settings-schema';
import type { Settings } from '../settings';
import { AccountsService, type ClientFactory } from './accounts';

/* accounts:add either adds an account completely (saved, key stored, announced) or leaves nothing. */

function service(createClientFn: ClientFactory = createClient as ClientFactory) {
  let settings: Settings = defaultSettings();
  const secrets = new MemorySecretStore();
  const changes: string[] = [];
  const accounts = new AccountsService({
    settings: {
      get: () => settings,
      update: async (change) => {
        // The add path only ever passes a function of the current settings.
        if (typeof change !== 'function') throw new Error('unexpected settings patch');
        settings = change(settings);
        return settings;
      },
    },
    secrets,
    createClient: createClientFn,
    onChange: (c) => changes.push(`${c.type}:${c.accountId}`),
  });
  const saved = (): AccountConfig[] => settings.accounts;
  return { accounts, saved, secrets, changes };
}

describe('accounts:add', () => {
  it('refuses a target id with a lone surrogate before saving anything (was: saved, then "internal error: URIError")', async () => {
    const { accounts, saved, changes } = service();
    await expect(
      accounts.add({ label: 'Main', provider: 'luaprot', baseUrl: 'http://127.0.0.1:9', key: 'k-123456', targets: [{ kind: 'key', id: 'abc\uD800' }] }),
    ).rejects.toThrow(/target id: holds a broken Unicode character/);
    expect(saved()).toEqual([]);
    expect(changes).toEqual([]);
  });

  it('refuses an unusable base URL before saving anything', async () => {
    const { accounts, saved } = service();
    await expect(
      accounts.add({ label: 'Main', provider: 'junkie', baseUrl: 'http://example.com/api', key: 'k-123456', targets: [] }),
    ).rejects.toMatchObject({ info: { kind: 'invalid_input' } });
    expect(saved()).toEqual([]);
  });

  it('takes back the saved account and its key when the test throws instead of answering', async () => {
    let id = '';
    const broken: ClientFactory = (provider: ProviderId, options: ClientOptions) => {
      const real = createClient(provider, options) as ProviderClient;
      return new Proxy(real, {
        get(target, prop, receiver) {
          if (prop === 'liveCounts') {
            return async () => {
              throw new URIError('URI malformed');
            };
          }
          return Reflect.get(target, prop, receiver);
        },
      });
    };
    const { accounts, saved, secrets, changes } = service(broken);
    const before = secrets.set.bind(secrets);
    secrets.set = async (accountId: string, key: string) => {
      id = accountId;
      return before(accountId, key);
    };
    await expect(accounts.add({ label: 'Main', provider: 'junkie', baseUrl: 'http://127.0.0.1:9', key: 'k-123456', targets: [] })).rejects.toThrow(URIError);
    expect(id).not.toBe('');
    expect(saved()).toEqual([]);
    expect(await secrets.get(id)).toBeNull();
    expect(changes).toEqual([]);
    expect(accounts.all()).toEqual([]);
  });

  it('keeps an account whose test is refused by the provider, and announces it', async () => {
    const { accounts, saved, changes } = service();
    // Nothing listens on port 9: a network failure is a test result, not a throw.
    const added = await accounts.add({ label: 'Main', provider: 'junkie', baseUrl: 'http://127.0.0.1:9', key: 'k-123456', targets: [] });
    expect(added.test.ok).toBe(false);
    expect(saved().map((a) => a.id)).toEqual([added.account.id]);
    expect(changes).toEqual([`added:${added.account.id}`]);
  });
});

describe('accounts:add with keyMustWork (the window, until "Add anyway")', () => {
  const rejecting: ClientFactory = (provider: ProviderId, options: ClientOptions) => {
    const real = createClient(provider, options) as ProviderClient;
    return new Proxy(real, {
      get(target, prop, receiver) {
        if (prop === 'liveCounts') {
          return async () => {
            throw new ProviderError({ kind: 'unauthorized', provider, status: 401, message: 'Invalid API key' });
          };
        }
        return Reflect.get(target, prop, receiver);
      },
    });
  };

  it('refuses a rejected key at the key field and saves nothing (no key stored, nothing announced)', async () => {
    const { accounts, saved, secrets, changes } = service(rejecting);
    const stored: string[] = [];
    const before = secrets.set.bind(secrets);
    secrets.set = async (accountId: string, key: string) => (stored.push(accountId), before(accountId, key));
    await expect(
      accounts.add({ label: 'Main', provider: 'junkie', baseUrl: 'http://127.0.0.1:9', key: 'k-123456', targets: [], keyMustWork: true }),
    ).rejects.toMatchObject({ kind: 'unauthorized', message: expect.stringMatching(/^key: Junkie rejected the API key\..*Nothing was added\.$/) });
    expect(saved()).toEqual([]);
    expect(stored).toEqual([]);
    expect(changes).toEqual([]);
  });

  it('still adds when the key could not be tested (offline, outage): only a rejection refuses', async () => {
    const { accounts, saved } = service();
    // Nothing listens on port 9: a network failure.
    const added = await accounts.add({ label: 'Main', provider: 'junkie', baseUrl: 'http://127.0.0.1:9', key: 'k-123456', targets: [], keyMustWork: true });
    expect(added.test).toMatchObject({ ok: false, error: { kind: 'network' } });
    expect(saved().map((a) => a.id)).toEqual([added.account.id]);
  });

  it('without it a rejected key is a failed test on a saved account (the CLI contract)', async () => {
    const { accounts, saved } = service(rejecting);
    const added = await accounts.add({ label: 'Main', provider: 'junkie', baseUrl: 'http://127.0.0.1:9', key: 'k-123456', targets: [] });
    expect(added.test).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    expect(saved()).toHaveLength(1);
  });
});
