/**
 * An account's state in a few words, following its error and not only its state: polling halts on a
 * rejected key and on refused access (an IP whitelist, a missing permission) alike, and only the first
 * is about the key. Used by the window, the tray and anything else that names an account's state.
 */
import type { ProviderErrorInfo } from './errors';
import type { AccountState } from './model';
import { providerDescriptor } from './provider-descriptor';

type StatusLike = { state: AccountState; error: Pick<ProviderErrorInfo, 'kind'> | null };

/** The state alone, for every state but a halt (whose words depend on the error: haltWords). */
const STATE_WORDS: Record<AccountState, string> = {
  ok: 'Live',
  degraded: 'Having trouble',
  rate_limited: 'Rate limited',
  unauthorized: 'Key rejected',
  offline: 'Offline',
  paused: 'Paused',
  idle: 'Waiting for first poll',
};

/** The key itself was rejected: only then does replacing it help. A halt without an error is taken as the key. */
export function isKeyRejected(status: StatusLike): boolean {
  return status.error?.kind === 'unauthorized' || (status.state === 'unauthorized' && status.error === null);
}

/**
 * Why polling halted, lower case for the middle of a sentence: "key rejected", the provider's own
 * short word for a refusal ("IP not whitelisted"), else "access refused".
 */
export function haltWords(status: StatusLike, provider: string): string {
  if (isKeyRejected(status)) return 'key rejected';
  return providerDescriptor(provider)?.forbidden?.short ?? 'access refused';
}

/** "Live", "Rate limited", "Key rejected", "IP not whitelisted"… as a status line starts. */
export function stateWords(status: StatusLike, provider: string): string {
  if (status.state !== 'unauthorized') return STATE_WORDS[status.state];
  const words = haltWords(status, provider);
  return words.charAt(0).toUpperCase() + words.slice(1);
}
