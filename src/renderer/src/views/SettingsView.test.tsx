import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AppPreferences } from '../../../shared/ipc-contract';
import { useSettings } from '../stores/settings-store';
import { useUi } from '../stores/ui-store';
import { installFakeBridge } from '../test-support/fake-bridge';
import { POLL_INTERVAL_OFFERED as POLL_BOUNDS } from '../../../shared/poll-intervals';
import { SettingsView } from './SettingsView';

const initial = { settings: useSettings.getState(), ui: useUi.getState() };
beforeEach(() => {
  useSettings.setState(initial.settings, true);
  useUi.setState(initial.ui, true);
});

const prefs: AppPreferences = {
  pollIntervalSeconds: { junkie: 30, luaprot: 60, luaauth: 30 },
  notifications: true,
  launchAtLogin: false,
  theme: 'system',
  globalShortcut: null,
};

function setup() {
  const bridge = installFakeBridge({ 'settings:update': (patch) => ({ ...prefs, ...patch }) });
  useSettings.getState().set(prefs);
  render(<SettingsView />);
  return { bridge, user: userEvent.setup() };
}

describe('SettingsView poll intervals', () => {
  it('has a lower bound per provider budget and one upper bound', () => {
    expect(POLL_BOUNDS.luaprot.min).toBeGreaterThan(POLL_BOUNDS.junkie.min);
    for (const b of Object.values(POLL_BOUNDS)) expect(b.max).toBe(3600);
  });

  it('says the bounds at the field and saves nothing while out of range or not whole', async () => {
    const { user, bridge } = setup();
    const box = screen.getByRole('spinbutton', { name: 'LuaProt poll interval in seconds' });
    await user.clear(box);
    await user.type(box, '9{Enter}');
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Between 10 and 3600 seconds.')).toBeInTheDocument();
    await user.clear(box);
    await user.type(box, '12.5{Enter}');
    expect(box).toHaveAttribute('aria-invalid', 'true');
    await user.tab();
    expect(bridge.callsTo('settings:update')).toEqual([]);
  });

  it('saves a valid interval on Enter with the others unchanged, and says so', async () => {
    const { user, bridge } = setup();
    const box = screen.getByRole('spinbutton', { name: 'LuaProt poll interval in seconds' });
    await user.clear(box);
    await user.type(box, '45{Enter}');
    expect(box).toHaveAttribute('aria-invalid', 'false');
    expect(bridge.callsTo('settings:update')).toEqual([{ pollIntervalSeconds: { junkie: 30, luaprot: 45, luaauth: 30 } }]);
    await screen.findByText('LuaProt allows 60 requests a minute, one per watched hub.');
    expect(useUi.getState().notices.at(-1)).toMatchObject({ text: 'LuaProt polls every 45 s.' });
  });

  it('a refused change is an error notice in words, and the old value stays', async () => {
    const { user, bridge } = setup();
    bridge.handle('settings:update', { fail: { kind: 'invalid_request', message: 'The shortcut is taken by another app.' } });
    await user.type(screen.getByRole('textbox', { name: 'Global shortcut' }), 'Ctrl+Q');
    await user.click(screen.getByRole('button', { name: 'Set shortcut' }));
    expect(bridge.callsTo('settings:update')).toEqual([{ globalShortcut: 'Ctrl+Q' }]);
    await screen.findByRole('textbox', { name: 'Global shortcut' });
    expect(useUi.getState().notices.at(-1)).toMatchObject({ tone: 'error', text: 'The shortcut is taken by another app.' });
    expect(useSettings.getState().prefs?.globalShortcut).toBeNull();
  });
});

describe('SettingsView in the browser build', () => {
  const note = /launch at login and the global shortcut are saved but have no effect/;

  it('says beside launch at login and the shortcut that they do nothing there', () => {
    const bridge = installFakeBridge({ 'settings:update': (patch) => ({ ...prefs, ...patch }) });
    window.pulsebar = { ...bridge.api, host: 'browser' };
    useSettings.getState().set(prefs);
    render(<SettingsView />);
    expect(screen.getByRole('checkbox', { name: 'Launch at login' })).toHaveAccessibleDescription(note);
    expect(screen.getByRole('textbox', { name: 'Global shortcut' })).toHaveAccessibleDescription(new RegExp(`Opens the panel from anywhere.*${note.source}`));
  });

  it('says nothing of the kind in the desktop app', () => {
    setup();
    expect(screen.queryByText(note)).toBeNull();
    expect(screen.getByRole('checkbox', { name: 'Launch at login' })).not.toHaveAccessibleDescription(note);
  });
});
