import { windowBoundsSchema, type SettingsStore } from '../settings';

/**
 * Stores where the user left the detached window (`window.bounds`), as the host reports it once a move
 * or resize settles. Only well-formed bounds are kept (integers, a positive size), and only a change is
 * written: applying the saved bounds makes the window report them back.
 */
export function rememberWindowBounds(store: SettingsStore, reported: unknown, log: (message: string) => void): void {
  const parsed = windowBoundsSchema.safeParse(reported);
  if (!parsed.success) {
    log('window bounds ignored: not whole numbers with a positive size');
    return;
  }
  const bounds = parsed.data;
  // Not in the caller's turn: the window reports its last bounds while it is told to attach, which is
  // inside the store's notification of that change.
  queueMicrotask(() => {
    const saved = store.get().window.bounds;
    if (saved && (Object.keys(bounds) as Array<keyof typeof bounds>).every((key) => saved[key] === bounds[key])) return;
    store.update({ window: { bounds } }).catch((error: unknown) => log(`window bounds not saved (${error instanceof Error ? error.name : typeof error})`));
  });
}
