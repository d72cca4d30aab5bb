import { describe, expect, it } from 'vitest';
import type { Session } from '../../shared/model';
import { startTestCore, useCleanups, value } from './core-test-support';

/*
 * LuaProt has no search and answers an empty hub with an error ("No active sessions found."):
 * Pulsebar filters locally and reads that answer as zero. Driven through the core's IPC against
 * the simulator, so these hold whichever module does the work.
 */

const cleanup = useCleanups();

async function setup() {
  const t = await startTestCore({ cleanup, dirPrefix: 'pulsebar-luaprot-', sim: { seed: 23, baseSessions: 30, luaprot: { hubs: 2 } } });
  const [hub, emptyHub] = t.sim.control.targets().luaprot.hubIds as [string, string];
  t.sim.control.setPopulation('luaprot', emptyHub, 0);
  const id = value<{ account: { id: string } }>(
    await t.call('accounts:add', {
      label: 'LP',
      provider: 'luaprot',
      baseUrl: t.sim.urls.luaprot,
      key: t.sim.keys.luaprot,
      targets: [{ kind: 'hub', id: hub }],
    }),
  ).account.id;
  return { ...t, id, hub, emptyHub };
}

describe('LuaProt sessions', () => {
  it('are searched locally by username or job id: only matching rows come back, and all of them', async () => {
    const t = await setup();
    const all = value<{ sessions: Session[]; total: number }>(await t.call('sessions:list', { accountId: t.id, targetId: t.hub }));
    expect(all.sessions.length).toBeGreaterThan(5);
    const someone = all.sessions[3]!;
    const needle = someone.username!.slice(0, Math.max(3, someone.username!.length - 1)).toUpperCase();
    const expected = all.sessions.filter(
      (s) => s.username?.toLowerCase().includes(needle.toLowerCase()) || s.jobId?.toLowerCase().includes(needle.toLowerCase()),
    );
    const found = value<{ sessions: Session[]; total: number }>(await t.call('sessions:list', { accountId: t.id, targetId: t.hub, search: needle }));
    expect(found.sessions.map((s) => s.id).sort()).toEqual(expected.map((s) => s.id).sort());
    expect(found.sessions.length).toBeLessThan(all.sessions.length);
    expect(found.total).toBe(found.sessions.length);

    const byJob = value<{ sessions: Session[] }>(await t.call('sessions:list', { accountId: t.id, targetId: t.hub, search: someone.jobId! }));
    expect(byJob.sessions.map((s) => s.id)).toContain(someone.id);
    expect(byJob.sessions.every((s) => s.jobId === someone.jobId || s.username?.includes(someone.jobId!))).toBe(true);

    const none = value<{ sessions: Session[]; total: number }>(await t.call('sessions:list', { accountId: t.id, targetId: t.hub, search: 'no-such-player-anywhere' }));
    expect(none).toMatchObject({ sessions: [], total: 0 });
  });

  it('of an empty hub read as zero: the key test succeeds with a count of 0 instead of failing', async () => {
    const t = await setup();
    const added = value<{ account: { id: string }; test: { ok: boolean; found: Array<{ id: string; count?: number }> } }>(
      await t.call('accounts:add', { label: 'Empty', provider: 'luaprot', baseUrl: t.sim.urls.luaprot, key: t.sim.keys.luaprot, targets: [{ kind: 'hub', id: t.emptyHub }] }),
    );
    const test = added.test;
    expect(test.ok).toBe(true);
    expect(test.found).toEqual([expect.objectContaining({ id: t.emptyHub, count: 0 })]);
    const list = value<{ sessions: Session[]; total: number }>(await t.call('sessions:list', { accountId: added.account.id, targetId: t.emptyHub }));
    expect(list).toMatchObject({ sessions: [], total: 0 });
    // And the existing account's own Test button says the same.
    const again = value<{ ok: boolean; found: Array<{ count?: number }> }>(await t.call('accounts:test', { provider: 'luaprot', accountId: added.account.id }));
    expect(again).toMatchObject({ ok: true, found: [{ count: 0 }] });
  });

  it('of an empty hub answered with "No active sessions found." (a provider straying) still read as zero: key test, list and count', async () => {
    const t = await setup();
    t.sim.control.setStrays('luaprot', ['empty_as_error']);
    const added = value<{ account: { id: string }; test: { ok: boolean; found: Array<{ id: string; count?: number }> } }>(
      await t.call('accounts:add', { label: 'Empty', provider: 'luaprot', baseUrl: t.sim.urls.luaprot, key: t.sim.keys.luaprot, targets: [{ kind: 'hub', id: t.emptyHub }] }),
    );
    expect(added.test).toMatchObject({ ok: true, found: [{ id: t.emptyHub, count: 0 }] });
    expect(value<{ ok: boolean; found: Array<{ count?: number }> }>(await t.call('accounts:test', { provider: 'luaprot', accountId: added.account.id }))).toMatchObject({
      ok: true,
      found: [{ count: 0 }],
    });
    expect(value(await t.call('sessions:list', { accountId: added.account.id, targetId: t.emptyHub }))).toMatchObject({ sessions: [], total: 0 });
    await t.run(2 * 60_000);
    const row = t.core.snapshot().accounts.find((a) => a.account.id === added.account.id)!;
    expect(row.total).toBe(0);
    expect(row.status.state).toBe('ok');
  });
});
