import { describe, expect, it } from 'vitest';
import type { MonitorSnapshot } from '../../shared/ipc-contract';
import type { SessionPage } from '../../shared/model';
import { startTestCore, useCleanups, value } from './core-test-support';

const cleanup = useCleanups();

/*
 * Junkie's poll reads only counts, so what its session items lack shows up when a list is read:
 * that list's notes go into the account's status too (snapshot → the account row), and leave it
 * when a later list is clean.
 */
describe('core: read notes of a session list reach the account status', () => {
  it('a Junkie list with robloxUsername null is shown whole, and the snapshot names what it lacked', async () => {
    const t = await startTestCore({ cleanup, dirPrefix: 'pulsebar-notes-', sim: { seed: 5, baseSessions: 8 } });
    const sim = t.sim;
    const account = value<{ account: { id: string } }>(
      await t.call('accounts:add', { label: 'J', provider: 'junkie', baseUrl: sim.urls.junkie, key: sim.keys.junkie, targets: [] }),
    ).account.id;
    await t.run(1_000);
    const scriptId = sim.control.targets().junkie.scriptIds[0]!;
    const statusOf = async () => value<MonitorSnapshot>(await t.call('app:snapshot')).accounts.find((a) => a.account.id === account)!.status;
    expect((await statusOf()).diagnostics).toBeUndefined();

    sim.control.setStrays('junkie', ['null_fields']);
    const page = value<SessionPage>(await t.call('sessions:list', { accountId: account, targetId: scriptId, limit: 50 }));
    expect(page.sessions).toHaveLength(sim.control.population('junkie', scriptId));
    expect(page.sessions.some((s) => s.username === undefined)).toBe(true);
    const lines = (await statusOf()).diagnostics ?? [];
    expect(lines.some((l) => /^Junkie: \d+ sessions? lacked robloxUsername$/.test(l))).toBe(true);

    sim.control.setStrays('junkie', []);
    await t.call('sessions:list', { accountId: account, targetId: scriptId, limit: 50 });
    expect((await statusOf()).diagnostics).toBeUndefined();
  });
});
