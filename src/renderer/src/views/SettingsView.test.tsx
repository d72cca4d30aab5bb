import { cleanup, render, screen, waitFor } from '@testing-library/react';
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
  useSettings.setState({ ...initial.settings, pollDrafts: {} }, true);
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

  it('ties the bound to the box, and keeps an unsaved entry when the view is left and opened again', async () => {
    const { user, bridge } = setup();
    const box = screen.getByRole('spinbutton', { name: 'LuaProt poll interval in seconds' });
    await user.clear(box);
    await user.type(box, '5');
    expect(box).toHaveAccessibleDescription('Between 10 and 3600 seconds.');
    cleanup();
    render(<SettingsView />);
    const again = screen.getByRole('spinbutton', { name: 'LuaProt poll interval in seconds' });
    expect(again).toHaveValue(5);
    expect(again).toHaveAttribute('aria-invalid', 'true');
    await user.clear(again);
    await user.type(again, '60');
    expect(again).toHaveAccessibleDescription('LuaProt allows 60 requests a minute, one per watched hub.');
    expect(useSettings.getState().pollDrafts).toEqual({});
    expect(bridge.callsTo('settings:update')).toEqual([]);
  });

  it('a refused interval is said at its box in words, and cleared once changed', async () => {
    const { user, bridge } = setup();
    bridge.handle('settings:update', { fail: { kind: 'invalid_request', message: 'LuaProt is at its limit.' } });
    const box = screen.getByRole('spinbutton', { name: 'LuaProt poll interval in seconds' });
    await user.clear(box);
    await user.type(box, '20{Enter}');
    await waitFor(() => expect(box).toHaveAccessibleDescription('LuaProt is at its limit.'));
    expect(box).toHaveAttribute('aria-invalid', 'true');
    await user.type(box, '0');
    expect(box).toHaveAttribute('aria-invalid', 'false');
  });
});

describe('SettingsView shortcut recorder', () => {
  const recorder = () => screen.getByRole('button', { name: /^Global shortcut / });

  it('records the keys pressed and saves the accelerator', async () => {
    const { user, bridge } = setup();
    expect(recorder()).toHaveAccessibleName('Global shortcut None');
    await user.click(recorder());
    expect(recorder()).toHaveAccessibleName('Global shortcut Press the keys…');
    await user.keyboard('{Control>}{Shift>}P{/Shift}{/Control}');
    expect(bridge.callsTo('settings:update')).toEqual([{ globalShortcut: 'CommandOrControl+Shift+P' }]);
    await waitFor(() => expect(recorder()).toHaveAccessibleName('Global shortcut Ctrl+Shift+P'));
    expect(useUi.getState().notices.at(-1)).toMatchObject({ text: 'Shortcut set to Ctrl+Shift+P.' });
  });

  it('while recording, the hint names only this platform’s keys (jsdom reads as Linux)', async () => {
    const { user } = setup();
    await user.click(recorder());
    expect(recorder()).toHaveAccessibleDescription(/Hold Ctrl, Alt or Super and press a key/);
    expect(recorder()).not.toHaveAccessibleDescription(/⌘|Windows/);
    await user.keyboard('{Control>}{Alt>}');
    expect(recorder()).toHaveAccessibleName('Global shortcut Ctrl+Alt+…');
  });

  it('refuses a key without a modifier with the reason at the field; Esc cancels; Backspace removes', async () => {
    const { user, bridge } = setup();
    useSettings.getState().set({ ...prefs, globalShortcut: 'Alt+K' });
    await user.click(recorder());
    await user.keyboard('p');
    expect(recorder()).toHaveAccessibleDescription(/^P alone would take that key from every other app/);
    expect(bridge.callsTo('settings:update')).toEqual([]);
    await user.keyboard('{Escape}');
    expect(recorder()).toHaveAccessibleName('Global shortcut Alt+K');
    expect(recorder()).not.toHaveAccessibleDescription(/alone/);
    await user.click(recorder());
    await user.keyboard('{Backspace}');
    expect(bridge.callsTo('settings:update')).toEqual([{ globalShortcut: null }]);
  });

  it('a refused shortcut is said at the field in words, and the old value stays', async () => {
    const { user, bridge } = setup();
    bridge.handle('settings:update', { fail: { kind: 'invalid_request', message: 'The shortcut is taken by another app.' } });
    await user.click(recorder());
    await user.keyboard('{Control>}q{/Control}');
    expect(bridge.callsTo('settings:update')).toEqual([{ globalShortcut: 'CommandOrControl+Q' }]);
    await waitFor(() => expect(recorder()).toHaveAccessibleDescription(/^The shortcut is taken by another app\./));
    expect(useSettings.getState().prefs?.globalShortcut).toBeNull();
    expect(recorder()).toHaveAccessibleName('Global shortcut None');
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
    expect(screen.getByRole('button', { name: /^Global shortcut / })).toHaveAccessibleDescription(new RegExp(`Opens the panel from anywhere.*${note.source}`));
  });

  it('says nothing of the kind in the desktop app', () => {
    setup();
    expect(screen.queryByText(note)).toBeNull();
    expect(screen.getByRole('checkbox', { name: 'Launch at login' })).not.toHaveAccessibleDescription(note);
  });
});
