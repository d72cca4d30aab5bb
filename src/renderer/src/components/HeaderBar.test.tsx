import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountState } from '../../../shared/model';
import { useMonitor } from '../stores/monitor-store';
import { useUi } from '../stores/ui-store';
import { sampleAccountLive, sampleSnapshot } from '../test-support/sample-data';
import { HeaderBar } from './HeaderBar';

const initialMonitor = useMonitor.getState();
const initialUi = useUi.getState();
beforeEach(() => {
  useMonitor.setState(initialMonitor, true);
  useUi.setState(initialUi, true);
});
afterEach(() => vi.useRealTimers());

const NOW = Date.UTC(2026, 11, 2, 10, 0, 0);

const account = (id: string, state: AccountState, stale?: boolean) =>
  sampleAccountLive({ account: { id, label: `Account ${id}` }, status: { ...sampleAccountLive().status, accountId: id, state }, ...(stale ? { stale } : {}) });

describe('HeaderBar marks', () => {
  it('shows no marks when every account is fine and alerts are on', () => {
    useMonitor.setState({ snapshot: sampleSnapshot([account('a', 'ok'), account('b', 'degraded')]) });
    render(<HeaderBar />);
    expect(screen.queryByRole('button', { name: /need.* attention/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /alerts paused/i })).toBeNull();
  });

  it('counts the accounts that need attention by the tray rule, and opens the first one in Overview', () => {
    useUi.setState({ view: 'alerts' });
    useMonitor.setState({
      snapshot: sampleSnapshot([account('a', 'ok'), account('b', 'rate_limited'), account('c', 'unauthorized'), account('d', 'degraded', true), account('e', 'degraded')]),
    });
    render(<HeaderBar />);
    const mark = screen.getByRole('button', { name: '3 accounts need attention' });
    expect(mark).toHaveTextContent('3');
    expect(mark).toHaveAttribute('title', '3 accounts need attention: Account b, Account c, Account d');
    act(() => mark.click());
    expect(useUi.getState().view).toBe('overview');
  });

  it('says one account in the singular', () => {
    useMonitor.setState({ snapshot: sampleSnapshot([account('a', 'offline')]) });
    render(<HeaderBar />);
    expect(screen.getByRole('button', { name: '1 account needs attention' })).toBeInTheDocument();
  });

  it('marks alerts paused while the pause lasts, opens Alerts, and drops the mark when it ends', () => {
    vi.useFakeTimers({ now: NOW });
    useMonitor.setState({ snapshot: sampleSnapshot([account('a', 'ok')], { alertsPausedUntil: NOW + 20_000 }) });
    render(<HeaderBar />);
    const mark = screen.getByRole('button', { name: /^Alerts paused until / });
    act(() => mark.click());
    expect(useUi.getState().view).toBe('alerts');
    act(() => vi.advanceTimersByTime(30_000));
    expect(screen.queryByRole('button', { name: /^Alerts paused until / })).toBeNull();
  });

  it('shows no alerts mark for a pause that already ended', () => {
    vi.useFakeTimers({ now: NOW });
    useMonitor.setState({ snapshot: sampleSnapshot([], { alertsPausedUntil: NOW - 1 }) });
    render(<HeaderBar />);
    expect(screen.queryByRole('button', { name: /alerts paused/i })).toBeNull();
  });
});
