import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Insights } from '../../../shared/insights';
import { heatShare } from '../components/InsightsHeatmap';
import { percentChange, useInsights } from '../stores/insights-store';
import { useMonitor } from '../stores/monitor-store';
import { installFakeBridge } from '../test-support/fake-bridge';
import { sampleAccountLive, sampleSnapshot } from '../test-support/sample-data';
import { InsightsView } from './InsightsView';

vi.mock('../components/TimeChart', () => ({ TimeChart: ({ label }: { label: string }) => <figure aria-label={label} /> }));

const initialInsights = useInsights.getState();
const initialMonitor = useMonitor.getState();
beforeEach(() => {
  useInsights.setState(initialInsights, true);
  useMonitor.setState(initialMonitor, true);
});

const AT = new Date(2026, 10, 30, 14, 0).getTime();
const insights = (over: Partial<Insights> = {}): Insights => ({
  peak: { today: { value: 120, at: AT }, '7d': { value: 340, at: AT - 86_400_000 }, '30d': { value: 340, at: AT - 86_400_000 }, '90d': null },
  average7d: 80.4,
  lastHour: 110,
  sameHourYesterday: 100,
  sameHourLastWeek: 125,
  heatmap: Array.from({ length: 7 }, (_, d) => Array.from({ length: 24 }, (_, h) => (d === 6 && h === 23 ? null : d * 24 + h))),
  ...over,
});

describe('InsightsView', () => {
  it('shows peaks with their time, same-hour changes and a 7 × 24 heatmap with each cell in words', async () => {
    const bridge = installFakeBridge({ 'monitor:insights': insights(), 'monitor:history': [] });
    useMonitor.setState({ snapshot: sampleSnapshot([sampleAccountLive()]) });
    render(<InsightsView />);
    const today = await screen.findByRole('listitem', { name: 'Peak today' });
    expect(today).toHaveTextContent('120');
    expect(today).toHaveTextContent(new Date(AT).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }));
    expect(screen.getByRole('listitem', { name: 'Peak 90 days' })).toHaveTextContent('no data');
    expect(screen.getByRole('group', { name: 'Same hour yesterday' })).toHaveTextContent('this hour +10 %');
    expect(screen.getByRole('group', { name: 'Same hour last week' })).toHaveTextContent('this hour −12 %');

    const table = screen.getByRole('table');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(8); // the hour header and 7 days
    expect(within(rows[1]!).getAllByRole('cell')).toHaveLength(24);
    expect(within(rows[1]!).getByRole('rowheader')).toHaveAccessibleName(new Date(2024, 0, 1).toLocaleDateString(undefined, { weekday: 'short' }));
    const monday = new Date(2024, 0, 1).toLocaleDateString(undefined, { weekday: 'long' });
    expect(within(rows[1]!).getAllByRole('cell')[5]).toHaveTextContent(new RegExp(`^${monday} .*: 5 users on average$`));
    expect(within(rows[7]!).getAllByRole('cell')[23]).toHaveTextContent(/: no data$/);
    expect(bridge.callsTo('monitor:insights')).toEqual([{ series: { type: 'total' } }]);
  });

  it('says a peak only an hourly bucket holds to the hour', async () => {
    const HOUR_AT = new Date(2026, 10, 28, 12, 0).getTime();
    installFakeBridge({ 'monitor:insights': insights({ peak: { today: null, '7d': null, '30d': { value: 650, at: HOUR_AT, hour: true }, '90d': { value: 650, at: HOUR_AT, hour: true } } }), 'monitor:history': [] });
    useMonitor.setState({ snapshot: sampleSnapshot([sampleAccountLive()]) });
    render(<InsightsView />);
    const peak = await screen.findByRole('listitem', { name: 'Peak 30 days' });
    const words = new Date(HOUR_AT).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: 'numeric' });
    expect(peak.lastElementChild).toHaveTextContent(new RegExp(`^${words}$`));
    expect(peak).not.toHaveTextContent(new Date(HOUR_AT).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }));
  });

  it('asks main again for the series picked, by its real name', async () => {
    const bridge = installFakeBridge({ 'monitor:insights': insights(), 'monitor:history': [] });
    const live = sampleAccountLive();
    useMonitor.setState({ snapshot: sampleSnapshot([live]) });
    const user = userEvent.setup();
    render(<InsightsView />);
    await screen.findByRole('table');
    const target = live.targets[0]!;
    await user.selectOptions(screen.getByRole('combobox', { name: 'Series' }), `${target.label} · ${live.account.label}`);
    await screen.findByRole('table');
    expect(bridge.callsTo('monitor:insights').at(-1)).toEqual({ series: { type: 'target', accountId: live.account.id, targetId: target.id } });
  });

  it('says in words when insights cannot be computed', async () => {
    installFakeBridge({ 'monitor:insights': { fail: { kind: 'invalid_request', message: 'key: no history series "total"' } }, 'monitor:history': [] });
    render(<InsightsView />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Insights could not be computed: key: no history series "total"');
  });
});

describe('percentChange and heatShare', () => {
  it('says a change with its sign, and nothing without a reference', () => {
    expect(percentChange(110, 100)).toBe('+10 %');
    expect(percentChange(90, 100)).toBe('−10 %');
    expect(percentChange(100, 100)).toBe('±0 %');
    expect(percentChange(100, 0)).toBeNull();
    expect(percentChange(null, 100)).toBeNull();
  });
  it('scales from a visible tint to the full colour', () => {
    expect(heatShare(0, 50)).toBe(12);
    expect(heatShare(50, 50)).toBe(100);
    expect(heatShare(5, 0)).toBe(12);
  });
});
