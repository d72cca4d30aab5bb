import type { ProviderId } from './model';

/**
 * Poll intervals, in seconds: the one source for the settings file, the IPC check, the Settings view
 * and the CLI's --interval. Plain data (no zod), so the window can import it.
 */

/** Main accepts any whole number of seconds in this range, for every provider. */
export const POLL_INTERVAL_MIN_SECONDS = 5;
/** An hour: longer and an account looks stale (3 × its interval) only after most of a working day. */
export const POLL_INTERVAL_MAX_SECONDS = 3600;

export const DEFAULT_POLL_INTERVAL_SECONDS: Readonly<Record<ProviderId, number>> = Object.freeze({
  junkie: 30,
  // LuaProt allows only 60 requests a minute for the whole account.
  luaprot: 60,
  luaauth: 30,
});

/**
 * The lowest interval the Settings view offers per provider, and why. LuaProt's 60 requests a minute
 * are shared by every watched hub, so less than 10 s only spends the budget on back-off; main still
 * accepts down to POLL_INTERVAL_MIN_SECONDS (a settings file or the CLI may ask for it).
 */
export const POLL_INTERVAL_OFFERED: Readonly<Record<ProviderId, { min: number; max: number; why: string }>> = Object.freeze({
  junkie: { min: POLL_INTERVAL_MIN_SECONDS, max: POLL_INTERVAL_MAX_SECONDS, why: 'Junkie counts every script in one call.' },
  luaprot: { min: 10, max: POLL_INTERVAL_MAX_SECONDS, why: 'LuaProt allows 60 requests a minute, one per watched hub.' },
  luaauth: { min: POLL_INTERVAL_MIN_SECONDS, max: POLL_INTERVAL_MAX_SECONDS, why: 'LuaAuth needs one call per watched script.' },
});

/** An interval brought into the accepted range (the CLI's --interval). */
export function clampPollInterval(seconds: number): number {
  return Math.max(POLL_INTERVAL_MIN_SECONDS, Math.min(POLL_INTERVAL_MAX_SECONDS, seconds));
}
