import type { ProviderId } from './model';
import { providerDescriptor, providerLabel } from './provider-descriptor';
import { ASSUMPTION_SETTING_LABELS, type AssumptionRef } from './provider-assumptions';

/**
 * Every way a provider call can fail, as a kind the UI and CLI can explain.
 * `provider_refused` covers an explicit refusal that fits no other kind
 * (e.g. LuaProt "No active sessions found.", LuaAuth "account expired").
 */
export type ProviderErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'rate_limited'
  | 'unavailable'
  | 'invalid_input'
  | 'provider_refused'
  | 'timeout'
  | 'network'
  | 'malformed';

/** Serializable description of a provider failure. Never carries an API key. */
export interface ProviderErrorInfo {
  kind: ProviderErrorKind;
  provider: ProviderId;
  /** HTTP status when a response arrived. */
  status?: number;
  /** The provider's own words when it gave any, else ours. */
  message: string;
  /** Milliseconds to wait before retrying, when the provider said (Retry-After). */
  retryAfterMs?: number;
  /** LuaAuth error code (-1 generic, 0.. per endpoint). */
  code?: number;
  /** LuaAuth `failed` details (field errors or authorization problems). */
  failed?: unknown;
  /** Which request failed, e.g. "GET /live-users" — ids may appear, keys never. */
  request?: string;
  /** The failure may come from something Pulsebar assumes about the provider (not in its docs). */
  assumption?: AssumptionRef;
}

/** One sentence saying what happened and one saying what to do, for the UI, tray and CLI. */
export function explainError(info: ProviderErrorInfo): { title: string; advice: string } {
  const explained = explainKind(info);
  return info.assumption ? { ...explained, advice: `${explained.advice} ${adviceOnAssumption(info.provider, info.assumption)}` } : explained;
}

/** Names the assumption and, where there is one, the setting that corrects it. */
function adviceOnAssumption(provider: ProviderId, assumption: AssumptionRef): string {
  const name = providerLabel(provider);
  const assumed = `Pulsebar assumes this (it is not in ${name}'s docs): ${assumption.topic} — ${assumption.assumed}.`;
  if (!assumption.setting) return `${assumed} If ${name} works differently, please report it.`;
  return `${assumed} If ${name} works differently, change "${ASSUMPTION_SETTING_LABELS[assumption.setting]}" in the account's Provider details (Accounts → Edit).`;
}

/** What to do about a rejected key; inside an account form the key is "above", not "in Accounts". */
export function keyAdvice(where: 'in Accounts' | 'above'): string {
  return `Check the key ${where} and replace it if it was revoked or lacks the needed scope.`;
}

function explainKind(info: ProviderErrorInfo): { title: string; advice: string } {
  const name = providerLabel(info.provider);
  const said = info.message ? ` ${name} said: "${info.message}"` : '';
  switch (info.kind) {
    case 'unauthorized':
      return {
        title: `${name} rejected the API key.${said}`,
        advice: keyAdvice('in Accounts'),
      };
    case 'forbidden':
      return {
        title: `${name} refused access.${said}`,
        advice: providerDescriptor(info.provider)?.forbidden?.advice ?? 'Check that this key may manage this resource.',
      };
    case 'not_found':
      return {
        title: `${name} could not find it, or it is not yours.${said}`,
        advice: 'Check the id; sessions end, and scripts or hubs may have been removed.',
      };
    case 'rate_limited': {
      const wait = info.retryAfterMs ? ` Retrying in ${Math.ceil(info.retryAfterMs / 1000)} s.` : '';
      return {
        title: `${name} is rate limiting requests.${wait}`,
        advice: 'Pulsebar slows down on its own; lengthen the poll interval if this keeps happening.',
      };
    }
    case 'unavailable':
      return {
        title: `${name} is unavailable (HTTP ${info.status ?? '5xx'}).${said}`,
        advice: 'This is on the provider side; Pulsebar retries with back-off.',
      };
    case 'invalid_input':
      return { title: `Not sent: ${info.message}`, advice: 'Correct the input and try again.' };
    case 'provider_refused':
      return { title: `${name} refused the request.${said}`, advice: 'Read the provider message above.' };
    case 'timeout':
      return {
        title: `${name} did not answer in time.`,
        advice: 'Pulsebar retries; check your connection if it persists.',
      };
    case 'network':
      return {
        title: `Could not reach ${name}.${info.message ? ` (${info.message})` : ''}`,
        advice: 'Check your internet connection and the account base URL.',
      };
    case 'malformed':
      return {
        title: `${name} sent a response Pulsebar could not read.`,
        advice: 'Usually temporary; Pulsebar retries. If it persists the provider may have changed its API.',
      };
  }
}
