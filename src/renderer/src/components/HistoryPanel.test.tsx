import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { historyCsv } from '../../../shared/history-ranges';
import { seriesIdentity, targetSeries, TOTAL_SERIES } from '../../../shared/series-ref';
import { installFakeBridge } from '../test-support/fake-bridge';
import { HistoryPanel } from './HistoryPanel';

vi.mock('./TimeChart', () => ({
  TimeChart: ({ label, points }: { label: string; points: unknown[] }) => <figure aria-label={`${label}: ${points.length} points`} />,
}));

const alpha = targetSeries('a:1', 'h:1');
const options = [
  { series: TOTAL_SERIES, key: seriesIdentity(TOTAL_SERIES), label: 'All accounts' },
  { series: alpha, key: seriesIdentity(alpha), label: 'Alpha hub · Main' },
];
const hourly = [
  { t: Date.UTC(2026, 10, 1, 0), v: 12.5, min: 10, max: 15 },
  { t: Date.UTC(2026, 10, 1, 1), v: 14, min: 14, max: 14 },
];

afterEach(() => vi.restoreAllMocks());

describe('HistoryPanel', () => {
  it('offers 30 and 90 days, and exports the series and range shown as the CLI CSV', async () => {
    const bridge = installFakeBridge({ 'monitor:history': (r) => (r.range === '90d' ? hourly : []) });
    const blobs: Blob[] = [];
    const create = vi.fn((b: Blob) => (blobs.push(b), 'blob:fake'));
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: vi.fn() });
    const clicked: Array<{ download: string; href: string }> = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.href });
    });
    const user = userEvent.setup();
    render(<HistoryPanel options={options} seriesKey={seriesIdentity(alpha)} />);
    expect(screen.queryByRole('combobox', { name: 'Chart series' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeDisabled();
    await user.click(screen.getByRole('radio', { name: 'Last 30 d' }));
    await user.click(screen.getByRole('radio', { name: 'Last 90 d' }));
    await screen.findByRole('figure', { name: 'Alpha hub · Main over 90d: 2 points' });
    expect(bridge.callsTo('monitor:history').map((r) => r.range)).toEqual(['1h', '30d', '90d']);
    expect(bridge.callsTo('monitor:history').every((r) => JSON.stringify(r.series) === JSON.stringify(alpha))).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(clicked[0]!.download).toMatch(/^pulsebar-alpha-hub-main-90d-[\d-]+\.csv$/);
    const text = await blobs[0]!.text();
    expect(text).toBe(historyCsv(hourly));
    expect(text.split('\n')[0]).toBe('time,users,min,max');
  });

  it('has its own series picker when the parent does not choose one', async () => {
    const bridge = installFakeBridge({ 'monitor:history': [] });
    const user = userEvent.setup();
    render(<HistoryPanel options={options} />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Chart series' }), 'Alpha hub · Main');
    await waitFor(() => expect(bridge.callsTo('monitor:history').at(-1)).toEqual({ series: { type: 'target', accountId: 'a:1', targetId: 'h:1' }, range: '1h' }));
  });
});
