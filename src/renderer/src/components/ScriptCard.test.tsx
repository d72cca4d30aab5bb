import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ScriptView } from '../../../shared/ipc-contract';
import { useMonitor } from '../stores/monitor-store';
import { useScripts } from '../stores/scripts-store';
import { sampleAccountLive, sampleSnapshot } from '../test-support/sample-data';
import { useUi } from '../stores/ui-store';
import { installFakeBridge, type FakeHandlers } from '../test-support/fake-bridge';
import { ScriptCard, executionDay } from './ScriptCard';

// The executions chart draws on a canvas with uPlot, which jsdom cannot render; the card's logic is tested here,
// the chart in the e2e specs (Chromium).
vi.mock('./TimeChart', () => ({ TimeChart: ({ label }: { label: string }) => <figure aria-label={label} /> }));

const initial = { scripts: useScripts.getState(), ui: useUi.getState(), monitor: useMonitor.getState() };
beforeEach(() => {
  useMonitor.setState(initial.monitor, true);
  useScripts.setState(initial.scripts, true);
  useUi.setState(initial.ui, true);
});

describe('executionDay', () => {
  const now = Date.UTC(2026, 5, 15, 12);
  it('reads LuaAuth’s "MM/DD" keys in the current year, at UTC midnight', () => {
    expect(executionDay('06/14', now)).toBe(Date.UTC(2026, 5, 14));
    expect(executionDay('6/1', now)).toBe(Date.UTC(2026, 5, 1));
  });
  it('puts a day that would be in the future into last year (early January shows late December)', () => {
    const jan2 = Date.UTC(2027, 0, 2, 8);
    expect(executionDay('12/31', jan2)).toBe(Date.UTC(2026, 11, 31));
    expect(executionDay('01/01', jan2)).toBe(Date.UTC(2027, 0, 1));
  });
  it('reads epoch seconds and milliseconds, ISO dates, and gives NaN for anything else', () => {
    expect(executionDay('1781481600', now)).toBe(1_781_481_600_000);
    expect(executionDay('1781481600000', now)).toBe(1_781_481_600_000);
    expect(executionDay('2026-06-10', now)).toBe(Date.UTC(2026, 5, 10));
    expect(executionDay('yesterday', now)).toBeNaN();
  });
});

const script = (over: Partial<ScriptView> = {}): ScriptView => ({
  id: 'sc1',
  projectId: 'p1',
  name: 'Auto Farm',
  enabled: true,
  freeForAll: false,
  useHeartbeat: true,
  kickOutdated: false,
  requireSessions: false,
  totalExecutions: 1200,
  totalSessions: 30,
  totalInstances: 31,
  executions: {},
  ...over,
});

function renderCard(handlers: FakeHandlers) {
  const bridge = installFakeBridge({ 'scripts:get': script(), ...handlers });
  render(
    <ul>
      <ScriptCard accountId="acc" scriptId="sc1" label="Script sc1" />
    </ul>,
  );
  return { bridge, user: userEvent.setup() };
}

describe('ScriptCard', () => {
  it('shows LuaAuth’s name and totals once loaded', async () => {
    renderCard({});
    const card = await screen.findByRole('listitem', { name: 'Script Auto Farm' });
    expect(card).toHaveTextContent('30 sessions');
    expect(within(card).getByRole('switch', { name: 'Auto Farm enabled' })).toHaveAttribute('aria-checked', 'true');
  });

  it('a refused toggle flips back and raises an error notice naming the script', async () => {
    const { user } = renderCard({ 'scripts:toggle': { fail: { kind: 'unavailable', message: 'LuaAuth is unavailable (HTTP 500).' } } });
    const toggle = await screen.findByRole('switch', { name: 'Auto Farm enabled' });
    await user.click(toggle);
    await user.click(screen.getByRole('button', { name: 'Disable' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('LuaAuth is unavailable (HTTP 500).');
    expect(toggle).toHaveAttribute('aria-checked', 'true');
    expect(useUi.getState().notices).toEqual([
      expect.objectContaining({ tone: 'error', text: 'Auto Farm was not disabled: LuaAuth is unavailable (HTTP 500).' }),
    ]);
  });

  it('settings: sends only what changed, with the name trimmed', async () => {
    const { user, bridge } = renderCard({ 'scripts:edit': (r) => script({ name: r.patch.name ?? 'Auto Farm', freeForAll: r.patch.free_for_all ?? false }) });
    await user.click(await screen.findByRole('button', { name: 'Edit settings of Auto Farm' }));
    const form = screen.getByRole('form', { name: 'Settings of Auto Farm' });
    await user.clear(within(form).getByRole('textbox', { name: 'Name' }));
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), '  Arena Pro ');
    await user.click(within(form).getByRole('checkbox', { name: 'Free for all' }));
    await user.click(within(form).getByRole('button', { name: 'Save settings' }));
    expect(bridge.callsTo('scripts:edit')).toEqual([{ accountId: 'acc', scriptId: 'sc1', patch: { name: 'Arena Pro', free_for_all: true } }]);
    expect(useUi.getState().notices.at(-1)).toMatchObject({ tone: 'info', text: 'Saved Arena Pro.' });
  });

  it('disabling asks first with how many users are live on the script, then names what changed', async () => {
    const account = { id: 'acc', provider: 'luaauth' as const, targets: [{ kind: 'script' as const, id: 'sc1', label: 'Auto Farm' }] };
    const targets = [{ kind: 'script' as const, id: 'sc1', label: 'Auto Farm', count: 34, trend: null, sparkline: [] }];
    useMonitor.setState({ snapshot: sampleSnapshot([sampleAccountLive({ account, total: 34, targets })]) });
    const { user, bridge } = renderCard({ 'scripts:toggle': (r) => script({ enabled: r.enabled }) });
    const toggle = await screen.findByRole('switch', { name: 'Auto Farm enabled' });
    await user.click(toggle);
    const ask = screen.getByRole('alertdialog', { name: 'Disable Auto Farm?' });
    expect(ask).toHaveTextContent('34 users are live on it right now (last poll); they are affected.');
    expect(bridge.callsTo('scripts:toggle')).toEqual([]);
    await user.click(within(ask).getByRole('button', { name: 'Cancel' }));
    expect(bridge.callsTo('scripts:toggle')).toEqual([]);
    expect(toggle).toHaveAttribute('aria-checked', 'true');

    await user.click(toggle);
    await user.click(screen.getByRole('button', { name: 'Disable' }));
    expect(bridge.callsTo('scripts:toggle')).toEqual([{ accountId: 'acc', scriptId: 'sc1', enabled: false }]);
    expect(toggle).toHaveAttribute('aria-checked', 'false');
    expect(useUi.getState().notices.at(-1)).toMatchObject({ tone: 'info', text: 'Auto Farm is now disabled.' });

    // Turning it back on is harmless: at once, no question.
    await user.click(toggle);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(bridge.callsTo('scripts:toggle').at(-1)).toEqual({ accountId: 'acc', scriptId: 'sc1', enabled: true });
    expect(useUi.getState().notices.at(-1)).toMatchObject({ text: 'Auto Farm is now enabled.' });
  });

  it('a script watched through its project is confirmed with the count the project gives it', async () => {
    const account = { id: 'acc', provider: 'luaauth' as const, targets: [{ kind: 'project' as const, id: 'p1', label: 'Games' }] };
    const child = { kind: 'script' as const, id: 'sc1', label: 'Auto Farm', count: 38, trend: null, sparkline: [] };
    const targets = [{ kind: 'project' as const, id: 'p1', label: 'Games', count: 40, trend: null, sparkline: [], children: [child] }];
    useMonitor.setState({ snapshot: sampleSnapshot([sampleAccountLive({ account, total: 40, targets })]) });
    const { user } = renderCard({});
    await user.click(await screen.findByRole('switch', { name: 'Auto Farm enabled' }));
    const ask = screen.getByRole('alertdialog', { name: 'Disable Auto Farm?' });
    expect(ask).toHaveTextContent('38 users are live on it right now (last poll); they are affected.');
    expect(ask).not.toHaveTextContent('not known');
  });

  it('settings: an emptied name is refused at the field, not saved as "Nothing changed."', async () => {
    const { user, bridge } = renderCard({});
    await user.click(await screen.findByRole('button', { name: 'Edit settings of Auto Farm' }));
    const field = screen.getByRole('textbox', { name: 'Name' });
    await user.clear(field);
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(screen.getByRole('alert')).toHaveTextContent('A name is required.');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription('A name is required.');
    expect(bridge.callsTo('scripts:edit')).toEqual([]);
    expect(useUi.getState().notices).toEqual([]);
    await user.type(field, 'A');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(field).toHaveAttribute('aria-invalid', 'false');
  });

  it('settings: saving with nothing changed calls nothing and says so', async () => {
    const { user, bridge } = renderCard({});
    await user.click(await screen.findByRole('button', { name: 'Edit settings of Auto Farm' }));
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(bridge.callsTo('scripts:edit')).toEqual([]);
    expect(useUi.getState().notices.at(-1)).toMatchObject({ text: 'Nothing changed.' });
  });
});
