import { describe, expect, it } from 'vitest';
import type { AlertEvent } from '../../shared/alerts';
import type { HistoryPoint, MonitorSnapshot } from '../../shared/ipc-contract';
import { createClient } from '../providers';
import { startTestCore, useCleanups, value } from './core-test-support';

/*
 * A LuaAuth project target through the whole core against the simulator: its scripts come out as
 * children of the project in the snapshot (named by the provider, the user's own label first), each
 * with its own history series and alerts, and the account total counts every script once.
 */

const cleanup = useCleanups();

describe('LuaAuth project → its scripts in the snapshot', () => {
  it('shows each script under its project, counted once, with its own series that an alert rule can watch', async () => {
    const t = await startTestCore({ cleanup, dirPrefix: 'pulsebar-la-project-', now: Date.UTC(2026, 0, 5, 12, 0, 0), sim: { seed: 11 }, timeoutMs: 2_000 });
    const { projectIds, scriptIds } = t.sim.control.targets().luaauth;
    const projectScripts = scriptIds.slice(0, 2);
    const accountId = value<{ account: { id: string } }>(
      await t.call('accounts:add', {
        label: 'LA',
        provider: 'luaauth',
        baseUrl: t.sim.urls.luaauth,
        key: t.sim.keys.luaauth,
        // The first script is also watched on its own, with the user's label: it must count once.
        targets: [
          { kind: 'project', id: projectIds[0]! },
          { kind: 'script', id: projectScripts[0]!, label: 'Main' },
        ],
      }),
    ).account.id;
    const client = createClient('luaauth', { baseUrl: t.sim.urls.luaauth, apiKey: t.sim.keys.luaauth });
    const names = await Promise.all(projectScripts.map(async (id) => (await client.script(id)).name));
    const second = projectScripts[1]!;
    // A threshold well above the second script's count (the simulated world churns a little).
    await t.run(60_000);
    const start = t.sim.control.population('luaauth', second);
    value(
      await t.call('alerts:setRules', {
        rules: [
          {
            id: 'child',
            scope: { type: 'target', accountId, targetId: second },
            spec: { kind: 'threshold', value: start + 500, hysteresis: 1, direction: 'up' },
            enabled: true,
            cooldownMinutes: 30,
          },
        ],
      }),
    );
    await t.run(60_000);

    const snap = value<MonitorSnapshot>(await t.call('app:snapshot'));
    const account = snap.accounts.find((a) => a.account.id === accountId)!;
    const project = account.targets.find((x) => x.kind === 'project')!;
    const ids = project.children!.map((c) => c.id);
    expect(ids).toEqual(t.sim.control.targets().luaauth.scriptIds.filter((id) => ids.includes(id)));
    expect(ids).toEqual(expect.arrayContaining(projectScripts));
    const byId = new Map(project.children!.map((c) => [c.id, c]));
    expect(byId.get(projectScripts[0]!)!.label).toBe('Main');
    expect(byId.get(second)!.label).toBe(names[1]);
    expect(byId.get(second)!.label).not.toMatch(/^Script /);
    for (const c of project.children!) {
      expect(c.kind).toBe('script');
      expect(c.count).toBe(t.sim.control.population('luaauth', c.id));
      expect(c.sparkline.length).toBeGreaterThan(0);
    }
    const sum = project.children!.reduce((n, c) => n + c.count!, 0);
    expect(project.count).toBe(sum);
    // The script watched on its own and through the project counts once, in the account and grand totals.
    expect(account.total).toBe(sum);
    expect(snap.total).toBe(sum);

    // A project's script opens like any script: its sessions, its switch.
    const page = value<{ sessions: Array<{ id: string }> }>(await t.call('sessions:list', { accountId, targetId: second }));
    expect(page.sessions.length).toBe(Math.min(50, t.sim.control.population('luaauth', second)));
    const before = value<{ enabled: boolean }>(await t.call('scripts:get', { accountId, scriptId: second }));
    expect(value<{ enabled: boolean }>(await t.call('scripts:toggle', { accountId, scriptId: second, enabled: !before.enabled })).enabled).toBe(!before.enabled);
    value(await t.call('scripts:toggle', { accountId, scriptId: second, enabled: before.enabled }));
    // The project itself still has no list of its own, and says which to pick.
    expect(await t.call('sessions:list', { accountId, targetId: projectIds[0]! })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/pick one of its scripts/) } });

    const series = value<HistoryPoint[]>(await t.call('monitor:history', { series: { type: 'target', accountId, targetId: second }, range: '1h' }));
    expect(series.length).toBeGreaterThan(0);
    // One sample a round for the script watched twice: no second series point at the same time.
    const twice = value<HistoryPoint[]>(await t.call('monitor:history', { series: { type: 'target', accountId, targetId: projectScripts[0] }, range: '1h', every: true }));
    expect(new Set(twice.map((p) => p.t)).size).toBe(twice.length);

    // The rule on a project's script fires when that script's count crosses it.
    expect(value<AlertEvent[]>(await t.call('alerts:log')).filter((e) => e.ruleId === 'child')).toEqual([]);
    t.sim.control.setPopulation('luaauth', second, start + 1_000);
    value(await t.call('monitor:refresh', {}));
    await t.run(60_000);
    const log = value<AlertEvent[]>(await t.call('alerts:log'));
    const event = log.find((e) => e.ruleId === 'child');
    expect(event).toBeDefined();
    expect(event!.subject).toBe(`${names[1]} (LA)`);
  });
});
