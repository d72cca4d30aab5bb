/** When an account's last total stops counting as live (shown marked, left out of the grand total). */
import type { AccountState } from '../../shared/model';

/** An account whose last successful poll is older than this many of its poll intervals is stale... */
export const STALE_INTERVALS = 3;
/** ...and never sooner than this after it. */
export const STALE_MIN_MS = 5 * 60_000;

/** How long after its last successful poll an account polled every `intervalMs` becomes stale. */
export function staleAfterMs(intervalMs: number | null): number {
  return Math.max(STALE_INTERVALS * (intervalMs ?? 0), STALE_MIN_MS);
}

/**
 * The one definition of a stale account, whose last total is shown (marked) but is no longer live:
 * its key was rejected or access refused (polling halted) and no count came through since, or its
 * last successful poll is older than staleAfterMs(its effective poll interval).
 */
export function isStale(input: {
  state: AccountState;
  /** A rejected key or refused access was seen and no count came through since (the key may have been replaced meanwhile). */
  rejected: boolean;
  /** Last successful poll (status), or when the total was last counted when the status has none. */
  lastSuccessAt: number | null;
  intervalMs: number | null;
  now: number;
}): boolean {
  if (input.state === 'unauthorized' || input.rejected) return true;
  return input.lastSuccessAt !== null && input.now - input.lastSuccessAt > staleAfterMs(input.intervalMs);
}
