import { useSyncExternalStore } from 'react';

/**
 * The detached window's shape starts here (issue 12: "the detached window (≥ 1000 px)"); the tray
 * panel is 420 px. Below it the views stay in their panel shape.
 */
export const WIDE_QUERY = '(min-width: 1000px)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia?.(WIDE_QUERY);
  if (!query?.addEventListener) return () => undefined;
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** True while the window is wide; follows resizing. */
export function useWideWindow(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia?.(WIDE_QUERY).matches ?? false);
}
