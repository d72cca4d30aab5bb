import type { AccountConfig } from '../../shared/model';
import type { ProviderAssumptionsView } from '../../shared/provider-assumptions';
import type { RateWindow } from '../monitor/rate-budget';
import { toRateWindows } from './assumption-defaults';
import type { ProviderModule } from './module';
import type { ProviderRegistry } from './registry';
import type { ClientOptions } from './types';

/**
 * Every registered provider's assumptions (each module's <id>/assumptions.ts), for the window
 * (providers:assumptions) and the README table; read through the registry, never by a provider's name.
 */
export function providerAssumptions(registry: ProviderRegistry): Record<string, ProviderAssumptionsView> {
  return Object.fromEntries(registry.ids().map((id) => [id, structuredClone(registry.get(id).assumptions)]));
}

/** The limits an account's budget counts in: its own setting, else its provider module's default. */
export function rateWindowsOf(account: Pick<AccountConfig, 'assumptions'>, module: Pick<ProviderModule, 'rateWindows'>): readonly RateWindow[] {
  const own = account.assumptions?.rateLimits;
  return own && own.length > 0 ? toRateWindows(own) : module.rateWindows;
}

/** Same limits: a budget may keep what it has counted. */
export function sameRateWindows(a: readonly RateWindow[], b: readonly RateWindow[]): boolean {
  return a.length === b.length && a.every((w, i) => w.max === b[i]!.max && w.windowMs === b[i]!.windowMs);
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
