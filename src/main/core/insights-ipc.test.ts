import { describe, expect, it } from 'vitest';
import type { Insights } from '../../shared/insights';
import { fixedOffsetZone } from '../monitor/insights';
import { startTestCore, useCleanups, value } from './core-test-support';

const cleanup = useCleanups();

describe('monitor:insights', () => {
  it('answers peaks, same-hour comparisons and a 7 × 24 heatmap for a polled account; refuses unknown series in words', async () => {
    const start = Date.UTC(2026, 10, 30, 10); // a Monday, 10:00 UTC
    const t = await startTestCore({
      cleanup,
      dirPrefix: 'pulsebar-insights-',
      now: start,
      sim: { seed: 3, junkie: { scripts: 2 }, baseSessions: 50 },
      insightsZone: fixedOffsetZone(0),
    });
    const id = value<{ account: { id: string } }>(
      await t.call('accounts:add', { label: 'J', provider: 'junkie', baseUrl: t.sim.urls.junkie, key: t.sim.keys.junkie, targets: [] }),
    ).account.id;
    await t.run(3 * 60 * 60_000);
    const insights = value<Insights>(await t.call('monitor:insights', { series: { type: 'account', accountId: id } }));
    const polled = t.core.snapshot().accounts[0]!.total!;
    expect(insights.peak.today!.value).toBeGreaterThanOrEqual(polled);
    expect(insights.peak['90d']).toEqual(insights.peak.today);
    expect(insights.lastHour).toBeGreaterThan(0);
    expect(insights.sameHourYesterday).toBeNull();
    expect(insights.heatmap).toHaveLength(7);
    // Monday 10:00–12:59 has data, the rest of the week none.
    expect(insights.heatmap[0]!.slice(10, 13).every((v) => v !== null && v > 0)).toBe(true);
    expect(insights.heatmap[1]!.every((v) => v === null)).toBe(true);

    expect(await t.call('monitor:insights', { series: { type: 'account', accountId: 'nobody' } })).toMatchObject({ ok: true });
    expect(await t.call('monitor:insights', { series: 'bogus' })).toMatchObject({ ok: false, error: { kind: 'invalid_request' } });
    expect(await t.call('monitor:insights', { key: 'account:nobody' })).toMatchObject({ ok: false, error: { kind: 'invalid_request' } });
  });
});
