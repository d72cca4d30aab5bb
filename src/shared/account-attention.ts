/**
 * Which accounts need the user's attention: one rule for the tray icon and tooltip and the window's
 * header mark. A stale account (left out of the totals) or one whose numbers may be wrong: its key or
 * access refused, offline, or rate limited. "Having trouble" (some targets failed, the rest counted)
 * is not enough on its own; it turns stale or offline if it lasts.
 */
import type { AccountLive } from './ipc-contract';
import type { AccountState } from './model';

const ERROR_STATES: ReadonlySet<AccountState> = new Set(['unauthorized', 'offline', 'rate_limited']);

/** In an error state, whether or not it is stale. */
export const inErrorState = (a: Pick<AccountLive, 'status'>): boolean => ERROR_STATES.has(a.status.state);

export const needsAttention = (a: Pick<AccountLive, 'status' | 'stale'>): boolean => a.stale === true || inErrorState(a);
