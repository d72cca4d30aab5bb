import type { ProviderId } from '../../shared/model';
import { createJunkieClient } from './junkie/client';
import { defaultProviderRegistry } from './registry';
import { createLuaAuthClient } from './luaauth/client';
import { createLuaProtClient } from './luaprot/client';
import type { ClientOptions, JunkieClient, LuaAuthClient, LuaProtClient, ProviderClient } from './types';

export function createClient(provider: 'junkie', options: ClientOptions): JunkieClient;
export function createClient(provider: 'luaprot', options: ClientOptions): LuaProtClient;
export function createClient(provider: 'luaauth', options: ClientOptions): LuaAuthClient;
export function createClient(provider: ProviderId, options: ClientOptions): ProviderClient;
export function createClient(provider: ProviderId, options: ClientOptions): ProviderClient {
  return defaultProviderRegistry.get(provider).createClient(options) as ProviderClient;
}

export { createJunkieClient, createLuaProtClient, createLuaAuthClient };
export { ProviderError, isProviderError } from './errors';
export type { AnyClient } from './module';
export type * from './types';
