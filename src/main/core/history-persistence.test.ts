import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../ipc/dispatch';
import { createAppCore } from './app-core';
import { startTestCore, useCleanups, value } from './core-test-support';

const cleanup = useCleanups();

describe('history across a restart', () => {
  it('is saved as snapshot + journal on stop and comes back whole in the next run', async () => {
    const t = await startTestCore({ cleanup, dirPrefix: 'pulsebar-history-restart-', now: Date.UTC(2026, 10, 20, 12), sim: { seed: 4 } });
    const id = value<{ account: { id: string } }>(
      await t.call('accounts:add', { label: 'J', provider: 'junkie', baseUrl: t.sim.urls.junkie, key: t.sim.keys.junkie, targets: [] }),
    ).account.id;
    await t.run(20 * 60_000);
    const before = value<unknown[]>(await t.call('monitor:history', { series: { type: 'account', accountId: id }, range: '1h' }));
    expect(before.length).toBeGreaterThan(30);
    await t.core.stop();
    expect((await readdir(t.configDir)).filter((f) => f.startsWith('history'))).toEqual(['history.bin', 'history.journal']);

    const next = createAppCore({ configDir: t.configDir, secrets: t.secrets, clock: t.clock, timers: false, demo: false, ports: { notifier: { notify: () => undefined } } });
    await next.start();
    cleanup(() => next.stop());
    const after = value<unknown[]>(await dispatch(next, 'monitor:history', { series: { type: 'account', accountId: id }, range: '1h' }));
    expect(after).toEqual(before);
  });
});
