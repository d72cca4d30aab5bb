import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountConfig } from '../../shared/model';
import { accountAssumptionsRequestSchema } from './account-assumptions-schema';
import { SETTINGS_VERSION } from './settings-schema';
import { SettingsStore } from './settings-store';

/* An account's overrides of provider assumptions (rate limits, bulk message route) in settings.json. */

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pulsebar-settings-assumptions-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const account = (id: string, extra: Partial<AccountConfig> = {}): AccountConfig => ({
  id,
  label: `Label ${id}`,
  provider: 'luaauth',
  baseUrl: 'https://api.luaauth.com',
  targets: [{ kind: 'script', id: `${id}-script` }],
  ...extra,
});

const store = () => new SettingsStore({ dir, now: () => Date.UTC(2026, 4, 6) });
const write = (content: unknown) => writeFile(path.join(dir, 'settings.json'), JSON.stringify(content));

describe('account assumption settings', () => {
  it('round-trip: saved overrides load back as they were; an account without any stays without', async () => {
    const first = store();
    await first.load();
    const overridden = account('a', {
      assumptions: { rateLimits: [{ max: 20, windowSeconds: 1 }, { max: 600, windowSeconds: 60 }], bulkMessageRoute: '/sessions/broadcast' },
    });
    await first.update((s) => ({ ...s, accounts: [overridden, account('b')] }));
    const onDisk = JSON.parse(await readFile(path.join(dir, 'settings.json'), 'utf8')) as { accounts: AccountConfig[] };
    expect(onDisk.accounts[0]!.assumptions).toEqual(overridden.assumptions);
    expect('assumptions' in onDisk.accounts[1]!).toBe(false);
    const { settings, notice } = await store().load();
    expect(notice).toBeNull();
    expect(settings.accounts).toEqual([overridden, account('b')]);
  });

  it('salvage: a bad rate limit falls back to the default alone; the route and the account stay; named without the value', async () => {
    await write({
      version: SETTINGS_VERSION,
      accounts: [
        account('a', { assumptions: { rateLimits: [{ max: 0, windowSeconds: 1 }], bulkMessageRoute: '/sessions/broadcast' } }),
        account('b', { assumptions: { bulkMessageRoute: '//evil.example/steal' } as never }),
        account('c', { assumptions: 'fast' as never }),
      ],
    });
    const { settings, notice } = await store().load();
    expect(settings.accounts.map((a) => a.id)).toEqual(['a', 'b', 'c']);
    expect(settings.accounts[0]!.assumptions).toEqual({ bulkMessageRoute: '/sessions/broadcast' });
    expect(settings.accounts[1]!.assumptions).toBeUndefined();
    expect(settings.accounts[2]!.assumptions).toBeUndefined();
    expect(notice?.message).toMatch(/account "Label a": assumptions\.rateLimits: .*Requests must be a whole number from 1 to 10000.* — the default is used/);
    expect(notice?.message).toMatch(/account "Label b": assumptions\.bulkMessageRoute: .* — the default is used/);
    expect(notice?.message).toContain('account "Label c": assumptions: not an object — defaults are used');
    expect(notice?.message).not.toContain('evil.example');
  });

  it('the IPC form refuses fields it does not know and values the window field would refuse', () => {
    expect(accountAssumptionsRequestSchema.safeParse({ rateLimits: [{ max: 5, windowSeconds: 10 }] }).success).toBe(true);
    expect(accountAssumptionsRequestSchema.safeParse({ pageCap: 50 }).success).toBe(false);
    expect(accountAssumptionsRequestSchema.safeParse({ rateLimits: [] }).success).toBe(false);
    expect(accountAssumptionsRequestSchema.safeParse({ rateLimits: [{ max: 5, windowSeconds: 3601 }] }).success).toBe(false);
    expect(accountAssumptionsRequestSchema.safeParse({ rateLimits: [{ max: 1.5, windowSeconds: 10 }] }).success).toBe(false);
    expect(accountAssumptionsRequestSchema.safeParse({ bulkMessageRoute: '/sessions/message?x=1' }).success).toBe(false);
  });
});
