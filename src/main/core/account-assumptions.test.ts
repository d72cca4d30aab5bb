import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AccountView } from '../../shared/ipc-contract';
import type { ProviderAssumptionsView } from '../../shared/provider-assumptions';
import { seededRandom } from '../monitor/seeded-random';
import { startTestCore, useCleanups, value } from './core-test-support';

/*
 * Assumptions through the whole core (issue 9 item 6): the window reads every provider's assumptions,
 * changes an account's overrides over IPC, and a failure on an assumed route says which setting to change.
 */

const cleanup = useCleanups();

async function setup() {
  return startTestCore({
    cleanup,
    dirPrefix: 'pulsebar-assumptions-',
    now: Date.UTC(2026, 0, 5, 12, 0, 0),
    // A LuaAuth whose bulk message route is not the one Pulsebar assumes.
    sim: { seed: 11, luaauth: { replyDelayMs: 1, messageWaitMs: 100, bulkMessageRoute: 'sessions/broadcast' } },
    timeoutMs: 2_000,
    random: seededRandom(5),
  });
}

describe('provider assumptions in the app', () => {
  it('providers:assumptions lists documented and assumed facts per provider, with the defaults of what can change', async () => {
    const t = await setup();
    const all = value<Record<string, ProviderAssumptionsView>>(await t.call('providers:assumptions'));
    expect(Object.keys(all).sort()).toEqual(['junkie', 'luaauth', 'luaprot']);
    expect(all.luaprot!.defaults.rateLimits).toEqual([{ max: 20, windowSeconds: 10 }, { max: 60, windowSeconds: 60 }]);
    expect(all.luaauth!.defaults.bulkMessageRoute).toBe('/sessions/message');
    expect(all.junkie!.defaults.bulkMessageRoute).toBeUndefined();
    for (const view of Object.values(all)) {
      expect(view.assumptions.some((a) => a.basis === 'assumed' && a.setting === 'rateLimits')).toBe(true);
      expect(view.assumptions.some((a) => a.setting === 'baseUrl')).toBe(true);
    }
    expect(all.junkie!.assumptions.find((a) => a.setting === 'baseUrl')!.basis).toBe('documented');
    expect(all.luaauth!.assumptions.find((a) => a.setting === 'bulkMessageRoute')!.basis).toBe('assumed');
  });

  it('a bulk message on the missing assumed route names the setting; after changing it over IPC the message goes through', async () => {
    const t = await setup();
    const scriptId = t.sim.control.targets().luaauth.scriptIds[0]!;
    const { account } = value<{ account: AccountView }>(
      await t.call('accounts:add', { label: 'LA', provider: 'luaauth', baseUrl: t.sim.urls.luaauth, key: t.sim.keys.luaauth, targets: [{ kind: 'script', id: scriptId }] }),
    );
    const page = value<{ sessions: Array<{ id: string }> }>(await t.call('sessions:list', { accountId: account.id, targetId: scriptId, from: 0 }));
    const sessionIds = page.sessions.slice(0, 2).map((s) => s.id);
    const refused = await t.call('sessions:messageMany', { accountId: account.id, sessionIds, command: 'notify' });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.explanation?.advice).toContain('change "Bulk message route" in the account\'s Provider details');

    const updated = value<AccountView>(await t.call('accounts:update', { id: account.id, assumptions: { bulkMessageRoute: '/sessions/broadcast' } }));
    expect(updated.assumptions).toEqual({ bulkMessageRoute: '/sessions/broadcast' });
    const saved = JSON.parse(readFileSync(path.join(t.configDir, 'settings.json'), 'utf8')) as { accounts: Array<{ assumptions?: unknown }> };
    expect(saved.accounts[0]!.assumptions).toEqual({ bulkMessageRoute: '/sessions/broadcast' });
    const sent = value<{ results: Array<{ processed: boolean }> }>(await t.call('sessions:messageMany', { accountId: account.id, sessionIds, command: 'notify' }));
    expect(sent.results.map((r) => r.processed)).toEqual([true, true]);

    // An empty object goes back to every default.
    const reset = value<AccountView>(await t.call('accounts:update', { id: account.id, assumptions: {} }));
    expect(reset.assumptions).toBeUndefined();
  });

  it('refuses a bulk route for a provider without one, and a rate limit the field would refuse', async () => {
    const t = await setup();
    const { account } = value<{ account: AccountView }>(
      await t.call('accounts:add', { label: 'LP', provider: 'luaprot', baseUrl: t.sim.urls.luaprot, key: t.sim.keys.luaprot, targets: [] }),
    );
    const route = await t.call('accounts:update', { id: account.id, assumptions: { bulkMessageRoute: '/x' } });
    expect(route.ok ? null : route.error.message).toContain('LuaProt accounts have no bulk message route to change');
    const limit = await t.call('accounts:update', { id: account.id, assumptions: { rateLimits: [{ max: 0, windowSeconds: 10 }] } });
    expect(limit.ok ? null : limit.error.kind).toBe('invalid_request');
    const ok = value<AccountView>(await t.call('accounts:update', { id: account.id, assumptions: { rateLimits: [{ max: 10, windowSeconds: 10 }] } }));
    expect(ok.assumptions).toEqual({ rateLimits: [{ max: 10, windowSeconds: 10 }] });
  });
});
