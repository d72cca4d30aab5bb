import { describe, expect, it } from 'vitest';
import { displayAccelerator, keyName, record, recordingHint, type KeyPress } from './accelerator';

const press = (code: string, key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  code,
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('record', () => {
  it('makes an Electron accelerator from modifiers and a key, Ctrl (Cmd on macOS) as CommandOrControl', () => {
    expect(record(press('KeyP', 'P', { ctrlKey: true, shiftKey: true }), 'windows')).toEqual({ kind: 'done', accelerator: 'CommandOrControl+Shift+P' });
    expect(record(press('KeyP', 'p', { metaKey: true, altKey: true }), 'mac')).toEqual({ kind: 'done', accelerator: 'CommandOrControl+Alt+P' });
    expect(record(press('F5', 'F5', { metaKey: true }), 'windows')).toEqual({ kind: 'done', accelerator: 'Super+F5' });
    expect(record(press('Comma', ',', { ctrlKey: true }), 'windows')).toEqual({ kind: 'done', accelerator: 'CommandOrControl+,' });
    // By position: an AZERTY "a" on the Q key is still Q.
    expect(record(press('KeyQ', 'a', { ctrlKey: true }), 'windows')).toEqual({ kind: 'done', accelerator: 'CommandOrControl+Q' });
  });

  it('shows the modifiers held so far, cancels on Esc and clears on Backspace', () => {
    expect(record(press('ShiftLeft', 'Shift', { ctrlKey: true, shiftKey: true }), 'windows')).toEqual({ kind: 'partial', modifiers: 'CommandOrControl+Shift' });
    expect(record(press('Escape', 'Escape'), 'windows')).toEqual({ kind: 'cancel' });
    expect(record(press('Backspace', 'Backspace'), 'windows')).toEqual({ kind: 'clear' });
    expect(record(press('Backspace', 'Backspace', { altKey: true }), 'windows')).toEqual({ kind: 'done', accelerator: 'Alt+Backspace' });
  });

  it('refuses a key without a modifier, or with Shift only, saying why', () => {
    expect(record(press('KeyP', 'p'), 'windows')).toEqual({
      kind: 'refused',
      reason: 'P alone would take that key from every other app: hold Ctrl, Alt or the Windows key as well.',
    });
    expect(record(press('KeyP', 'P', { shiftKey: true }), 'mac')).toEqual({
      kind: 'refused',
      reason: 'Shift+P alone would take that key from every other app: hold Cmd, Ctrl or Option as well.',
    });
    expect(record(press('CapsLock', 'CapsLock', { ctrlKey: true }), 'windows').kind).toBe('refused');
  });

  it('names keys the way main accepts them', () => {
    const accepted = /^[A-Za-z0-9]+$|^[^\s+]$/;
    for (const code of ['KeyA', 'Digit0', 'Numpad7', 'F24', 'ArrowUp', 'Space', 'Slash', 'NumpadAdd']) expect(keyName(code)).toMatch(accepted);
  });
});

describe('displayAccelerator', () => {
  it('writes a shortcut as the platform does: Ctrl+Alt+P on Linux and Windows, ⌘⌥P on macOS', () => {
    expect(displayAccelerator('CommandOrControl+Alt+P', 'linux')).toBe('Ctrl+Alt+P');
    expect(displayAccelerator('CommandOrControl+Alt+P', 'windows')).toBe('Ctrl+Alt+P');
    expect(displayAccelerator('CommandOrControl+Alt+P', 'mac')).toBe('⌘⌥P');
    expect(displayAccelerator('Control+Shift+F5', 'mac')).toBe('⌃⇧F5');
    expect(displayAccelerator('Super+F5', 'windows')).toBe('Win+F5');
    expect(displayAccelerator('Super+F5', 'linux')).toBe('Super+F5');
    // The plus key itself is not a separator.
    expect(displayAccelerator('CommandOrControl++', 'linux')).toBe('Ctrl++');
  });
});

describe('recordingHint', () => {
  it('names only the keys the platform has', () => {
    expect(recordingHint('linux')).toMatch(/^Hold Ctrl, Alt or Super and press a key\./);
    expect(recordingHint('windows')).toMatch(/Ctrl, Alt or the Windows key/);
    expect(recordingHint('mac')).toMatch(/Cmd, Ctrl or Option/);
    for (const p of ['linux', 'windows'] as const) expect(recordingHint(p)).not.toContain('⌘');
    expect(recordingHint('linux')).not.toMatch(/Windows/);
  });

  it('the refusal on Linux names Super, not the Windows key', () => {
    expect(record(press('KeyP', 'p'), 'linux')).toMatchObject({ reason: expect.stringContaining('hold Ctrl, Alt or Super as well') });
  });
});
