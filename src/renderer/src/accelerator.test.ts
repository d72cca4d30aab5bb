import { describe, expect, it } from 'vitest';
import { keyName, record, type KeyPress } from './accelerator';

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
    expect(record(press('KeyP', 'P', { ctrlKey: true, shiftKey: true }), false)).toEqual({ kind: 'done', accelerator: 'CommandOrControl+Shift+P' });
    expect(record(press('KeyP', 'p', { metaKey: true, altKey: true }), true)).toEqual({ kind: 'done', accelerator: 'CommandOrControl+Alt+P' });
    expect(record(press('F5', 'F5', { metaKey: true }), false)).toEqual({ kind: 'done', accelerator: 'Super+F5' });
    expect(record(press('Comma', ',', { ctrlKey: true }), false)).toEqual({ kind: 'done', accelerator: 'CommandOrControl+,' });
    // By position: an AZERTY "a" on the Q key is still Q.
    expect(record(press('KeyQ', 'a', { ctrlKey: true }), false)).toEqual({ kind: 'done', accelerator: 'CommandOrControl+Q' });
  });

  it('shows the modifiers held so far, cancels on Esc and clears on Backspace', () => {
    expect(record(press('ShiftLeft', 'Shift', { ctrlKey: true, shiftKey: true }), false)).toEqual({ kind: 'partial', modifiers: 'CommandOrControl+Shift' });
    expect(record(press('Escape', 'Escape'), false)).toEqual({ kind: 'cancel' });
    expect(record(press('Backspace', 'Backspace'), false)).toEqual({ kind: 'clear' });
    expect(record(press('Backspace', 'Backspace', { altKey: true }), false)).toEqual({ kind: 'done', accelerator: 'Alt+Backspace' });
  });

  it('refuses a key without a modifier, or with Shift only, saying why', () => {
    expect(record(press('KeyP', 'p'), false)).toEqual({
      kind: 'refused',
      reason: 'P alone would take that key from every other app: hold Ctrl, Alt or the Windows key as well.',
    });
    expect(record(press('KeyP', 'P', { shiftKey: true }), true)).toEqual({
      kind: 'refused',
      reason: 'Shift+P alone would take that key from every other app: hold Cmd, Ctrl or Option as well.',
    });
    expect(record(press('CapsLock', 'CapsLock', { ctrlKey: true }), false).kind).toBe('refused');
  });

  it('names keys the way main accepts them', () => {
    const accepted = /^[A-Za-z0-9]+$|^[^\s+]$/;
    for (const code of ['KeyA', 'Digit0', 'Numpad7', 'F24', 'ArrowUp', 'Space', 'Slash', 'NumpadAdd']) expect(keyName(code)).toMatch(accepted);
  });
});
