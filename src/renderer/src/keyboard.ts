import { useEffect, useRef } from 'react';

/**
 * Esc closes the topmost open drawer or dialog; with nothing open it asks main to hide the panel.
 * Open overlays register here in mount order, so the last one opened closes first.
 */
const escapeStack: Array<() => void> = [];

export function useEscape(onEscape: () => void, active = true): void {
  const latest = useRef(onEscape);
  latest.current = onEscape;
  useEffect(() => {
    if (!active) return;
    const entry = () => latest.current();
    escapeStack.push(entry);
    return () => {
      const i = escapeStack.lastIndexOf(entry);
      if (i >= 0) escapeStack.splice(i, 1);
    };
  }, [active]);
}

/** Returns true when an overlay took the Esc. */
export function closeTopOverlay(): boolean {
  const top = escapeStack[escapeStack.length - 1];
  if (!top) return false;
  top();
  return true;
}

/** Views mark their search box with data-search; Ctrl/Cmd+F focuses the one on screen. */
export function focusSearch(): boolean {
  const box = document.querySelector<HTMLInputElement>('[data-search]');
  if (!box) return false;
  box.focus();
  box.select();
  return true;
}
