/**
 * What MonitorService keeps per account and target between rounds, and how one poll result moves an
 * account's total (held back while a target fails for a transient reason).
 */
import type { AccountStatus, AccountView } from '../../shared/ipc-contract';
import type { TargetKind } from '../../shared/model';
import type { PollResult } from '../polling/poller';

/**
 * Rounds an account total is held back while a target fails for a transient reason (timeout, 5xx...);
 * after that the total moves on without it, so one flaky target cannot freeze the totals for good.
 */
export const MAX_HELD_ROUNDS = 3;

export interface TargetState {
  kind: TargetKind;
  id: string;
  /** What it is shown as (targetLabelOf: user label, provider name, "<Kind> <id>"). */
  label: string;
  /** The user's own label from the account's settings. */
  userLabel?: string;
  /** The name the last poll gave it, when that was the provider's (a LuaAuth script's). */
  polledName?: string;
  count: number | null;
  lastAt: number | null;
  /** A LuaAuth project's scripts, as the last poll listed them. */
  children?: Map<string, TargetState>;
}

export interface AccountLiveState {
  account: AccountView;
  status: AccountStatus;
  total: number | null;
  /** Which configured targets `total` counts (the ones failing for good are left out). */
  composition: string | null;
  /** Consecutive rounds the total was held back because a target failed for a transient reason. */
  heldRounds: number;
  /** When `total` was last counted from a poll. */
  countedAt: number | null;
  /** The key was rejected (or access refused) and no count came through since: stale even once the key is replaced. */
  rejected: boolean;
  targets: Map<string, TargetState>;
}

/**
 * The account total this result gives, and whether it goes to history: a target failing for good
 * (not_found, invalid_input, a refusal) is left out of the total and the total moves on; a transient
 * failure holds the total back, but only for MAX_HELD_ROUNDS rounds. null: leave the total as it is.
 */
export function accountTotal(state: AccountLiveState, result: PollResult): { total: number; composition: string; record: boolean } | null {
  const failed = result.targets.filter((t) => t.count === null);
  const transient = failed.filter((t) => !t.permanent);
  let total = result.total;
  // Every target failing for good: nothing left to count is 0 users counted, not "unknown".
  if (total === null && result.targets.length > 0 && transient.length === 0) total = 0;
  if (total === null) return null;
  const left = new Set(failed.map((t) => t.id));
  const composition = state.account.targets
    .filter((t) => !left.has(t.id))
    .map((t) => `${t.kind}:${t.id}`)
    .join(',');
  if (transient.length === 0) {
    state.heldRounds = 0;
    return { total, composition, record: true };
  }
  state.heldRounds += 1;
  if (state.heldRounds > MAX_HELD_ROUNDS) return { total, composition, record: true };
  // The first count ever is shown even when partial, but not recorded.
  return state.total === null ? { total, composition, record: false } : null;
}
