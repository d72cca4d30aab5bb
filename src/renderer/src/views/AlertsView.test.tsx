import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AlertRule } from '../../../shared/alerts';
import type { AlertSettings } from '../../../shared/ipc-contract';
import { useAlerts } from '../stores/alerts-store';
import { useChannels } from '../stores/channels-store';
import { useMonitor } from '../stores/monitor-store';
import { useUi } from '../stores/ui-store';
import { installFakeBridge } from '../test-support/fake-bridge';
import { AlertsView } from './AlertsView';

const initial = { alerts: useAlerts.getState(), channels: useChannels.getState(), ui: useUi.getState(), monitor: useMonitor.getState() };
beforeEach(() => {
  useAlerts.setState(initial.alerts, true);
  useChannels.setState(initial.channels, true);
  useUi.setState(initial.ui, true);
  useMonitor.setState(initial.monitor, true);
});

const rise: AlertRule = { id: 'r1', scope: { type: 'total' }, spec: { kind: 'rise', percent: 50, minUsers: 20, windowMinutes: 10 }, enabled: true, cooldownMinutes: 30 };
const high: AlertRule = { id: 'r2', scope: { type: 'total' }, spec: { kind: 'all_time_high', minUsers: 10 }, enabled: true, cooldownMinutes: 30 };
const settings = (rules: AlertRule[]): AlertSettings => ({ rules, quietHours: { enabled: false, start: '22:00', end: '07:00' }, pausedUntil: null });

let view: ReturnType<typeof render>;
function setup() {
  const bridge = installFakeBridge({ 'alerts:get': settings([rise, high]), 'alerts:log': [], 'channels:list': [] });
  view = render(<AlertsView />);
  return { bridge, user: userEvent.setup() };
}

describe('AlertsView rules', () => {
  it('lists rules as sentences; no save bar until something changes', async () => {
    setup();
    expect(await screen.findByRole('button', { name: 'Edit rule 1: Tell me when All accounts rises 50 % and 20 users within 10 min; then wait 30 min' })).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Unsaved alert rules' })).toBeNull();
  });

  it('the template menu closes when the focus leaves it', async () => {
    const { user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Add rule' }));
    expect(screen.getByRole('list', { name: 'Rule templates' })).toBeInTheDocument();
    await user.click(screen.getByRole('heading', { name: 'Alert rules' }));
    expect(screen.queryByRole('list', { name: 'Rule templates' })).toBeNull();
  });

  it('adds a rule from a template, opened in place, and saves it with the others', async () => {
    const { user, bridge } = setup();
    bridge.handle('alerts:setRules', (r) => settings(r.rules));
    await user.click(await screen.findByRole('button', { name: 'Add rule' }));
    await user.click(within(screen.getByRole('list', { name: 'Rule templates' })).getByRole('button', { name: /^Collapse/ }));
    expect(screen.getByRole('combobox', { name: 'Rule 3 watches' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.getByRole('button', { name: /^Edit rule 3: Tell me when All accounts falls 60 % within 10 min, from at least 10 users/ })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Save rules' }));
    const saved = bridge.callsTo('alerts:setRules')[0]!.rules;
    expect(saved.map((r) => r.spec.kind)).toEqual(['rise', 'all_time_high', 'drop']);
    expect(useUi.getState().notices.at(-1)).toMatchObject({ text: 'Alert rules saved.' });
  });

  it('removes with Undo, and a refused save is said in the save bar without main\'s prefix', async () => {
    const { user, bridge } = setup();
    bridge.handle('alerts:setRules', { fail: { kind: 'invalid_request', message: 'Invalid alerts:setRules request: rules: at most 1000 rules' } });
    await user.click(await screen.findByRole('button', { name: 'Remove rule 2' }));
    const removed = screen.getByRole('listitem', { name: 'Rule 2 removed' });
    await user.click(within(removed).getByRole('button', { name: 'Undo' }));
    expect(screen.getByRole('listitem', { name: 'Rule 2' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Remove rule 2' }));
    await user.click(screen.getByRole('button', { name: 'Save rules' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Not saved: rules: at most 1000 rules');
    expect(bridge.callsTo('alerts:setRules')).toEqual([{ rules: [rise] }]);
  });
});

describe('AlertsView unsaved edits', () => {
  it('keeps unsaved quiet hours and rule edits when the view is left and opened again', async () => {
    const { user } = setup();
    const form = await screen.findByRole('form', { name: 'Quiet hours' });
    await user.click(within(form).getByRole('checkbox', { name: 'Quiet hours' }));
    await user.click(screen.getByRole('switch', { name: 'Rule 2 on' }));
    view.unmount();
    view = render(<AlertsView />);
    expect(await screen.findByRole('checkbox', { name: 'Quiet hours' })).toBeChecked();
    expect(screen.getByRole('button', { name: 'Save quiet hours' })).toBeEnabled();
    expect(screen.getByRole('switch', { name: 'Rule 2 on' })).toHaveAttribute('aria-checked', 'false');
    expect(screen.getByRole('group', { name: 'Unsaved alert rules' })).toHaveTextContent('Unsaved changes: kept until you save or discard them.');
    await user.click(screen.getByRole('button', { name: 'Discard changes' }));
    expect(screen.getByRole('switch', { name: 'Rule 2 on' })).toHaveAttribute('aria-checked', 'true');
  });
});

describe('AlertsView quiet hours', () => {
  it('says an emptied time at its box and offers no Save until it is fixed', async () => {
    setup();
    const start = await screen.findByLabelText('Quiet hours start');
    await userEvent.setup().click(screen.getByRole('checkbox', { name: 'Quiet hours' }));
    fireEvent.change(start, { target: { value: '' } });
    expect(start).toHaveAttribute('aria-invalid', 'true');
    expect(start).toHaveAccessibleDescription('Enter a time, e.g. 22:00.');
    expect(screen.getByRole('button', { name: 'Save quiet hours' })).toBeDisabled();
    fireEvent.change(start, { target: { value: '23:30' } });
    expect(start).toHaveAttribute('aria-invalid', 'false');
    expect(screen.getByRole('button', { name: 'Save quiet hours' })).toBeEnabled();
  });

  it("puts main's refusal at the time it names, without the request prefix, until that time is edited", async () => {
    const { user, bridge } = setup();
    bridge.handle('alerts:setQuietHours', { fail: { kind: 'invalid_request', message: 'Invalid alerts:setQuietHours request: end: time must be HH:MM (00:00–23:59)' } });
    await user.click(await screen.findByRole('checkbox', { name: 'Quiet hours' }));
    await user.click(screen.getByRole('button', { name: 'Save quiet hours' }));
    const end = screen.getByLabelText('Quiet hours end');
    await waitFor(() => expect(end).toHaveAccessibleDescription('Time must be HH:MM (00:00–23:59)'));
    expect(end).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByText(/Invalid alerts/)).toBeNull();
    fireEvent.change(end, { target: { value: '06:00' } });
    expect(end).toHaveAttribute('aria-invalid', 'false');
  });
});

describe('AlertsView pause', () => {
  it("follows a pause made from the tray: main's pushed alert settings (alerts:changed) update the open view", async () => {
    setup();
    expect(await screen.findByRole('button', { name: 'Pause alerts for 1 hour' })).toBeInTheDocument();
    const until = Date.now() + 60 * 60_000;
    act(() => useAlerts.getState().changed({ ...settings([rise, high]), pausedUntil: until }));
    expect(screen.getByText(/^Paused until /)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Pause alerts for 1 hour' })).toBeNull();
    act(() => useAlerts.getState().changed(settings([rise, high])));
    expect(screen.getByRole('button', { name: 'Pause alerts for 1 hour' })).toBeInTheDocument();
  });
});
