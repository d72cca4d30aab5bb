import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HistoryPoint } from '../../shared/ipc-contract';
import type { SeriesRef } from '../../shared/series-ref';
import { startTestCore, useCleanups, value } from './core-test-support';
import type { TrayMenuItem, TrayModel } from './ports';

const cleanup = useCleanups();

/** Ids an older version never generated but settings.json may hold: colons, and one id a prefix of the other plus "/". */
const MAIN = 'team:main';
const SECOND = 'team:main/2';

describe('series are typed references end to end', () => {
  it('an account id with ":" (and one that looks like another account\'s target) is charted, shown in the tray, alerted on and forgotten alone', async () => {
    const trays: TrayModel[] = [];
    const shown: unknown[] = [];
    const t = await startTestCore({
      cleanup,
      dirPrefix: 'pulsebar-series-refs-',
      sim: { seed: 11 },
      ports: {
        notifier: { notify: () => undefined },
        tray: { update: (model) => trays.push(model) },
        window: { show: (target) => shown.push(target), hide: () => undefined, setDetached: () => undefined },
      },
      beforeStart: async ({ configDir, secrets, sim }) => {
        writeFileSync(
          path.join(configDir, 'settings.json'),
          JSON.stringify({
            version: 2,
            accounts: [MAIN, SECOND].map((id) => ({ id, label: id, provider: 'junkie', baseUrl: sim.urls.junkie, targets: [] })),
          }),
        );
        for (const id of [MAIN, SECOND]) await secrets.set(id, sim.keys.junkie);
      },
    });
    await t.run(5 * 60_000);
    const main = t.core.snapshot().accounts.find((a) => a.account.id === MAIN)!;
    expect(main.total).toBeGreaterThan(0);
    const target = main.targets[0]!;
    const history = async (series: SeriesRef) => value<HistoryPoint[]>(await t.call('monitor:history', { series, range: '1h' }));

    // History by reference: the account, its target and the other account each have their own series.
    expect((await history({ type: 'account', accountId: MAIN })).length).toBeGreaterThan(0);
    expect((await history({ type: 'target', accountId: MAIN, targetId: target.id })).length).toBeGreaterThan(0);
    expect((await history({ type: 'account', accountId: SECOND })).length).toBeGreaterThan(0);
    expect((await history({ type: 'total' })).length).toBeGreaterThan(0);
    // "team:main/2" as an account is not a target "2" of "team:main".
    expect(await history({ type: 'target', accountId: MAIN, targetId: '2' })).toEqual([]);
    expect(value(await t.call('monitor:insights', { series: { type: 'account', accountId: MAIN } }))).toBeTruthy();

    // The tray's items carry the reference; a click opens the window on it.
    const items = trays.at(-1)!.menu.flatMap((i): TrayMenuItem[] => [i, ...(i.submenu ?? [])]);
    const accountItem = items.find((i) => i.command?.type === 'show' && i.command.series.accountId === MAIN && i.command.series.type === 'account')!;
    const targetItem = items.find((i) => i.command?.type === 'show' && i.command.series.accountId === MAIN && i.command.series.type === 'target')!;
    t.core.trayAction(accountItem.command!);
    t.core.trayAction(targetItem.command!);
    expect(shown).toEqual([{ accountId: MAIN }, { accountId: MAIN, targetId: target.id }]);

    // An alert rule on the account is accepted and kept as given.
    const rule = { id: 'r1', scope: { type: 'account', accountId: MAIN }, spec: { kind: 'threshold', value: 1, hysteresis: 0, direction: 'up' }, enabled: true, cooldownMinutes: 5 };
    const saved = value<{ rules: Array<{ id: string; scope: unknown }> }>(await t.call('alerts:setRules', { rules: [rule] }));
    expect(saved.rules.find((r) => r.id === 'r1')?.scope).toEqual({ type: 'account', accountId: MAIN });

    // Removing one account forgets its series only.
    value(await t.call('accounts:remove', { id: MAIN }));
    expect(await history({ type: 'account', accountId: MAIN })).toEqual([]);
    expect(await history({ type: 'target', accountId: MAIN, targetId: target.id })).toEqual([]);
    expect((await history({ type: 'account', accountId: SECOND })).length).toBeGreaterThan(0);
  });
});
