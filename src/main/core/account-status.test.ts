import { describe, expect, it } from 'vitest';
import type { MonitorSnapshot } from '../../shared/ipc-contract';
import { startTestCore, useCleanups, value } from './core-test-support';

const cleanup = useCleanups();

/*
 * Account status reaches the monitor one way (the poller → AccountStatuses → MonitorService.setStatus),
 * never with a poll result: every finished cycle still publishes its times, and they land in the
 * same committed snapshot as its counts. Simulator on a ManualClock.
 */
describe('core: account status through AccountStatuses only', () => {
  it('a cycle whose state did not change still moves lastSuccessAt, in the snapshot that shows its counts', async () => {
    const t = await startTestCore({ cleanup, dirPrefix: 'pulsebar-status-', sim: { seed: 5, baseSessions: 8 } });
    const pushed: MonitorSnapshot[] = [];
    t.core.subscribe((event, payload) => {
      if (event === 'monitor:update') pushed.push(payload as MonitorSnapshot);
    });
    const id = value<{ account: { id: string } }>(
      await t.call('accounts:add', { label: 'J', provider: 'junkie', baseUrl: t.sim.urls.junkie, key: t.sim.keys.junkie, targets: [] }),
    ).account.id;
    const row = (s: MonitorSnapshot) => s.accounts.find((a) => a.account.id === id)!;

    await t.run(1_000);
    const first = row(t.core.snapshot());
    expect(first.status.state).toBe('ok');
    expect(first.total).not.toBeNull();
    const firstAt = first.status.lastSuccessAt!;
    expect(firstAt).not.toBeNull();
    // The snapshot that first showed the counts showed the cycle's status with them.
    const counted = pushed.find((s) => row(s).total !== null)!;
    expect(row(counted).status).toMatchObject({ state: 'ok', lastSuccessAt: firstAt, lastAttemptAt: firstAt });

    const nextAt = first.status.nextPollAt!;
    expect(nextAt).toBeGreaterThan(firstAt);
    await t.run(nextAt - t.clock.now() + 1_000);
    const second = row(t.core.snapshot());
    expect(second.status.state).toBe('ok');
    expect(second.status.lastSuccessAt).toBeGreaterThanOrEqual(nextAt);
    expect(second.status.lastAttemptAt).toBe(second.status.lastSuccessAt);
    expect(second.status.nextPollAt).toBeGreaterThan(second.status.lastSuccessAt!);
    expect(row(pushed.at(-1)!).status).toEqual(second.status);
  });
});
