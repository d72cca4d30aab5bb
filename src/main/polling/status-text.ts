/** An account's status in words: its error (and which targets it is about) and its read notes. */
import { explainError, type ProviderErrorInfo } from '../../shared/errors';
import type { AccountStatus } from '../../shared/ipc-contract';
import type { AccountRuntime } from './poll-types';

/** The poll's and the last list's read notes, each line once; nothing when there are none. */
export function diagnosticsOf(runtime: AccountRuntime): { diagnostics?: string[] } {
  const lines = [...new Set([...(runtime.diagnostics ?? []), ...(runtime.listDiagnostics ?? [])])];
  return lines.length > 0 ? { diagnostics: lines } : {};
}

/** The error in words, saying which target failed when it is about targets (not the whole account). */
export function explainStatus(error: ProviderErrorInfo, about: AccountRuntime['errorTargets']): { title: string; advice: string } {
  // No "Retrying in 3 s" here: the text is built once and would go stale; the window counts down to
  // status.retry.at instead.
  const words = explainError(error.kind === 'rate_limited' ? { ...error, retryAfterMs: undefined } : error);
  if (!about) return words;
  const who = about.more > 0 ? `${about.label} (and ${about.more} more target${about.more > 1 ? 's' : ''})` : about.label;
  const left = about.permanent
    ? `${about.more > 0 ? 'They are' : 'It is'} left out of the account total until ${about.more > 0 ? 'they answer' : 'it answers'} again.`
    : 'The account total waits for it a few rounds, then goes on without it.';
  return { title: `${who}: ${words.title}`, advice: `${words.advice} ${left}` };
}

/** An account's status as the window, tray and CLI see it. */
export function statusOf(runtime: AccountRuntime, now: number, pausedAll: boolean): AccountStatus {
  const nextPollAt = pausedAll || runtime.halted ? null : runtime.cycle ? now : runtime.nextCycleAt;
  return {
    accountId: runtime.config.id,
    state: runtime.state,
    lastSuccessAt: runtime.lastSuccessAt,
    lastAttemptAt: runtime.lastAttemptAt,
    nextPollAt,
    error: runtime.error,
    explanation: runtime.error ? explainStatus(runtime.error, runtime.errorTargets) : null,
    ...(runtime.state === 'rate_limited' && runtime.retry ? { retry: runtime.retry } : {}),
    ...diagnosticsOf(runtime),
  };
}
