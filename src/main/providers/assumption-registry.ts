import type { AccountConfig, ProviderId } from '../../shared/model';
import type { ProviderAssumptionsView } from '../../shared/provider-assumptions';
import { PROVIDER_RATE_WINDOWS, type RateWindow } from '../monitor/rate-budget';
import { toRateWindows } from './assumption-defaults';
import { JUNKIE_ASSUMPTIONS } from './junkie/assumptions';
import { LUAAUTH_ASSUMPTIONS } from './luaauth/assumptions';
import { LUAPROT_ASSUMPTIONS } from './luaprot/assumptions';
import type { ClientOptions } from './types';

/** Every provider's assumptions, for the window (providers:assumptions) and the README table. */
export const PROVIDER_ASSUMPTIONS: Readonly<Record<ProviderId, ProviderAssumptionsView>> = Object.freeze({
  junkie: JUNKIE_ASSUMPTIONS,
  luaprot: LUAPROT_ASSUMPTIONS,
  luaauth: LUAAUTH_ASSUMPTIONS,
});

/** The limits an account's budget counts in: its own setting, else the provider's default. */
export function rateWindowsOf(account: Pick<AccountConfig, 'provider' | 'assumptions'>): readonly RateWindow[] {
  const own = account.assumptions?.rateLimits;
  return own && own.length > 0 ? toRateWindows(own) : PROVIDER_RATE_WINDOWS[account.provider];
}

/** What of an account's settings a client is built from (besides the key); a change means a new client. */
export function clientSettingsOf(account: Pick<AccountConfig, 'baseUrl' | 'assumptions'>): Pick<ClientOptions, 'baseUrl' | 'bulkMessageRoute'> {
  const route = account.assumptions?.bulkMessageRoute;
  return { baseUrl: account.baseUrl, ...(route ? { bulkMessageRoute: route } : {}) };
}

/** Same client settings: the cached client may stay. */
export function sameClientSettings(a: Pick<AccountConfig, 'baseUrl' | 'assumptions'>, b: Pick<AccountConfig, 'baseUrl' | 'assumptions'>): boolean {
  const x = clientSettingsOf(a);
  const y = clientSettingsOf(b);
  return x.baseUrl === y.baseUrl && x.bulkMessageRoute === y.bulkMessageRoute;
}
