/**
 * Turns a key press into an Electron accelerator ("CommandOrControl+Shift+P") for the shortcut recorder.
 * Keys are read by position (`KeyboardEvent.code`), so the accelerator is the same whatever the keyboard
 * layout types; modifiers follow Electron's names: Ctrl (Cmd on macOS) is CommandOrControl, so one setting
 * works on every OS; on macOS Ctrl is "Control", elsewhere the Windows/Super key is "Super". The user reads
 * them the platform's way (displayAccelerator).
 */
export interface KeyPress {
  code: string;
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export type Recorded =
  /** Only modifiers so far: "CommandOrControl+Shift+…" is shown while the user goes on. */
  | { kind: 'partial'; modifiers: string }
  | { kind: 'done'; accelerator: string }
  | { kind: 'refused'; reason: string }
  | { kind: 'cancel' }
  | { kind: 'clear' };

const PUNCTUATION: Record<string, string> = {
  Minus: '-',
  Equal: '=',
  BracketLeft: '[',
  BracketRight: ']',
  Backslash: '\\',
  Semicolon: ';',
  Quote: "'",
  Comma: ',',
  Period: '.',
  Slash: '/',
  Backquote: '`',
};

const NAMED: Record<string, string> = {
  Space: 'Space',
  Enter: 'Enter',
  Tab: 'Tab',
  Backspace: 'Backspace',
  Delete: 'Delete',
  Insert: 'Insert',
  Home: 'Home',
  End: 'End',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Escape: 'Escape',
  NumpadAdd: 'numadd',
  NumpadSubtract: 'numsub',
  NumpadMultiply: 'nummult',
  NumpadDivide: 'numdiv',
  NumpadDecimal: 'numdec',
};

const MODIFIER_CODES = /^(Control|Shift|Alt|Meta|OS)(Left|Right)?$|^AltGraph$/;

/** The accelerator name of the key itself, or null for a key Electron cannot take. */
export function keyName(code: string): string | null {
  const letter = /^Key([A-Z])$/.exec(code);
  if (letter) return letter[1]!;
  const digit = /^Digit([0-9])$/.exec(code);
  if (digit) return digit[1]!;
  const numpad = /^Numpad([0-9])$/.exec(code);
  if (numpad) return `num${numpad[1]}`;
  if (/^F([1-9]|1[0-9]|2[0-4])$/.test(code)) return code;
  return PUNCTUATION[code] ?? NAMED[code] ?? null;
}

/** The OS the window runs on, for the modifier the user holds and how shortcuts are written there. */
export type Platform = 'mac' | 'windows' | 'linux';

export function modifierNames(e: KeyPress, platform: Platform): string[] {
  const mac = platform === 'mac';
  const out: string[] = [];
  if (mac ? e.metaKey : e.ctrlKey) out.push('CommandOrControl');
  if (mac && e.ctrlKey) out.push('Control');
  if (!mac && e.metaKey) out.push('Super');
  if (e.altKey) out.push('Alt');
  if (e.shiftKey) out.push('Shift');
  return out;
}

export function record(e: KeyPress, platform: Platform): Recorded {
  const modifiers = modifierNames(e, platform);
  if (MODIFIER_CODES.test(e.code) || ['Control', 'Shift', 'Alt', 'Meta', 'OS', 'AltGraph'].includes(e.key))
    return { kind: 'partial', modifiers: modifiers.join('+') };
  if (modifiers.length === 0 && e.code === 'Escape') return { kind: 'cancel' };
  if (modifiers.length === 0 && (e.code === 'Backspace' || e.code === 'Delete')) return { kind: 'clear' };
  const key = keyName(e.code);
  if (!key) return { kind: 'refused', reason: `Pulsebar cannot use the “${e.key}” key in a shortcut. Try a letter, a digit or F1–F24.` };
  // A shortcut without Ctrl/Cmd, Alt or Super would take that key (or its capital) from every other app.
  if (!modifiers.some((m) => m !== 'Shift')) {
    const hold = HOLD[platform];
    return {
      kind: 'refused',
      reason: `${modifiers.length > 0 ? 'Shift+' : ''}${key} alone would take that key from every other app: hold ${hold} as well.`,
    };
  }
  return { kind: 'done', accelerator: [...modifiers, key].join('+') };
}

/** The modifiers a shortcut can use, named as the platform's keyboards label them. */
const HOLD: Record<Platform, string> = {
  mac: 'Cmd, Ctrl or Option',
  windows: 'Ctrl, Alt or the Windows key',
  linux: 'Ctrl, Alt or Super',
};

/** The hint while recording: only the keys this platform has. */
export const recordingHint = (platform: Platform): string => `Hold ${HOLD[platform]} and press a key. Esc cancels, Backspace removes the shortcut.`;

const MAC_SYMBOLS: Record<string, string> = { CommandOrControl: '⌘', Control: '⌃', Alt: '⌥', Shift: '⇧' };
const PC_NAMES: Record<Platform, Record<string, string>> = {
  mac: {},
  windows: { CommandOrControl: 'Ctrl', Super: 'Win' },
  linux: { CommandOrControl: 'Ctrl' },
};

/**
 * An accelerator (or the modifiers held so far) as the platform writes it: "Ctrl+Alt+P" on Linux and
 * Windows, "⌘⌥P" on macOS. Settings keep Electron's form; this is only for what the user reads.
 */
export function displayAccelerator(accelerator: string, platform: Platform): string {
  // "CommandOrControl++" is Ctrl and the plus key: split on the "+" that joins, not the key itself.
  const parts = accelerator.split(/\+(?=.)/);
  if (platform === 'mac') return parts.map((p) => MAC_SYMBOLS[p] ?? p).join('');
  return parts.map((p) => PC_NAMES[platform][p] ?? p).join('+');
}

/** The platform the window runs on (macOS: Cmd is the main modifier). */
export function currentPlatform(): Platform {
  const id = navigator.platform || navigator.userAgent;
  if (/Mac|iPhone|iPad/.test(id)) return 'mac';
  return /Win/.test(id) ? 'windows' : 'linux';
}
