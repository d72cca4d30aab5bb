import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountLive, TargetLive } from '../../../shared/ipc-contract';
import { accountSeries, seriesIdentity, targetSeries, TOTAL_SERIES } from '../../../shared/series-ref';
import { allTargets, chooseSessionTarget, sessionTargets, useMonitor } from '../stores/monitor-store';
import { useUi } from '../stores/ui-store';
import { sampleAccountLive, sampleSnapshot } from '../test-support/sample-data';
import { OverviewView } from './OverviewView';

// The history chart needs a canvas jsdom lacks: the panel shows the series it is offered instead.
vi.mock('../components/HistoryPanel', () => ({
  HistoryPanel: ({ options }: { options: Array<{ key: string; label: string }> }) => (
    <ul aria-label="Series">
      {options.map((o) => (
        <li key={o.key}>{`${o.key}=${o.label}`}</li>
      ))}
    </ul>
  ),
}));

/* A LuaAuth project with its scripts (TargetLive.children): cards under the project, pickers offering the scripts. */

const initial = { monitor: useMonitor.getState(), ui: useUi.getState() };
beforeEach(() => {
  useMonitor.setState(initial.monitor, true);
  useUi.setState(initial.ui, true);
});

const script = (id: string, label: string, count: number): TargetLive => ({ kind: 'script', id, label, count, trend: null, sparkline: [] });

function projectAccount(): AccountLive {
  const live = sampleAccountLive({
    account: {
      id: 'la',
      label: 'LA main',
      provider: 'luaauth',
      targets: [
        { kind: 'project', id: 'p1', label: 'Games' },
        { kind: 'script', id: 's1', label: 'Mine' },
      ],
    },
    total: 12,
  });
  live.targets[0] = { ...live.targets[0]!, count: 12, children: [script('s1', 'Mine', 9), script('s2', 'Tower Defense', 3)] };
  live.targets[1] = { ...live.targets[1]!, count: 9 };
  return live;
}

describe('LuaAuth project scripts in the window', () => {
  it('lists each script once, after its project, and offers scripts instead of the project for sessions', () => {
    const snapshot = sampleSnapshot([projectAccount()]);
    expect(allTargets(snapshot).map((t) => `${t.kind}:${t.targetId}=${t.label}${t.parent ? ` in ${t.parent.label}` : ''}`)).toEqual([
      'project:p1=Games',
      'script:s2=Tower Defense in Games',
      'script:s1=Mine',
    ]);
    const sessions = sessionTargets(allTargets(snapshot));
    expect(sessions.map((t) => t.targetId)).toEqual(['s2', 's1']);
    // Opening the project (its card, an alert's click) shows its first script, here the one also
    // watched on its own (listed as itself).
    expect(chooseSessionTarget(sessions, { accountId: 'la', targetId: 'p1' }, allTargets(snapshot))?.targetId).toBe('s1');
    expect(chooseSessionTarget(sessions, { accountId: 'la', targetId: 's1' })?.targetId).toBe('s1');
  });

  it('shows the project’s scripts as cards under it, each opening its own sessions', async () => {
    useMonitor.setState({ snapshot: sampleSnapshot([projectAccount()]) });
    render(<OverviewView />);
    const grid = document.querySelector('.target-grid')!;
    const labels = [...grid.querySelectorAll('.target-label')].map((n) => n.textContent);
    expect(labels).toEqual(['Games', 'Mine', 'Tower Defense', 'Mine']);
    const part = screen.getByRole('button', { name: 'Tower Defense: 3 live, open sessions' });
    expect(part.closest('li')!.className).toContain('target-card-part');
    expect(within(part.closest('li')!).getByText('Script in Games · LA main')).toBeTruthy();
    // Each script's own series can be charted (the one also watched on its own is offered once).
    expect(within(screen.getByRole('list', { name: 'Series' })).getAllByRole('listitem').map((n) => n.textContent)).toEqual([
      `${seriesIdentity(TOTAL_SERIES)}=All accounts`,
      `${seriesIdentity(accountSeries('la'))}=LA main (total)`,
      `${seriesIdentity(targetSeries('la', 'p1'))}=Games · LA main`,
      `${seriesIdentity(targetSeries('la', 's2'))}=Tower Defense in Games · LA main`,
      `${seriesIdentity(targetSeries('la', 's1'))}=Mine · LA main`,
    ]);
    await userEvent.click(part);
    expect(useUi.getState().target).toEqual({ accountId: 'la', targetId: 's2' });
  });
});
