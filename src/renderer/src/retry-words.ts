/**
 * When a rate-limited account asks again, counted down from the clock time main sent (status.retry),
 * so the words stay true however long the window shows them; and who chose that time.
 */
import type { AccountStatus } from '../../shared/ipc-contract';

function duration(ms: number): string {
  const s = Math.ceil(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  return s % 60 === 0 ? `${m} min` : `${m} min ${s % 60} s`;
}

const clockTime = (at: number): string => new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

export function retryWords(retry: NonNullable<AccountStatus['retry']>, provider: string, now: number): string {
  const when = retry.at > now ? `Retrying in ${duration(retry.at - now)} (at ${clockTime(retry.at)}).` : 'Retrying now.';
  const why = retry.askedByProvider
    ? `${provider} asked Pulsebar to wait until then.`
    : `${provider} gave no time; Pulsebar waits longer after each refusal in a row.`;
  return `${when} ${why}`;
}
