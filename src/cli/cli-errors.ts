import { explainError, type ProviderErrorInfo } from '../shared/errors';
import { PROVIDER_NAMES } from '../shared/model';
import { SHORT_RETRY_AFTER_MS } from './commands';

/**
 * Refused by the client before any request left (bad input): exit 2, "not sent". A provider's own
 * refusal of a field (LuaAuth `failed: [{field, errors}]`) also has kind invalid_input, but it came
 * with an HTTP status: it was sent, so it is a provider error (exit 1).
 */
export function refusedBeforeSending(info: ProviderErrorInfo): boolean {
  return info.kind === 'invalid_input' && info.status === undefined;
}

/**
 * The error in words for a command that ends now. The app's wording promises what the app does
 * next ("Retrying in 30 s", "Pulsebar slows down on its own"); the CLI exits instead, so it says
 * what the user can do. `about` is the poller's wording, which names the failing target.
 */
export function explainForCli(info: ProviderErrorInfo, about?: { title: string; advice: string } | null): { title: string; advice: string } {
  const name = PROVIDER_NAMES[info.provider];
  if (info.kind === 'rate_limited') {
    const wait = info.retryAfterMs !== undefined ? ` (it asked to wait ${Math.ceil(info.retryAfterMs / 1000)} s)` : '';
    return {
      title: `${name} is rate limiting requests${wait}.`,
      advice: `Wait that long, then run the command again; the command line waits out only a wait of ${SHORT_RETRY_AFTER_MS / 1000} s or less.`,
    };
  }
  if (info.kind === 'invalid_input' && !refusedBeforeSending(info)) {
    return {
      title: `${name} refused the request's input: ${info.message}`,
      advice: 'Correct what it names and run the command again.',
    };
  }
  return about ?? explainError(info);
}
