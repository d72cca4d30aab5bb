import type { ProviderId } from '../../shared/model';
import { createJunkieClient } from './junkie';
import { createLuaAuthClient } from './luaauth';
import { createLuaProtClient } from './luaprot';
import type { ClientOptions, JunkieClient, LuaAuthClient, LuaProtClient, ProviderClient } from './types';

export function createClient(provider: 'junkie', options: ClientOptions): JunkieClient;
export function createClient(provider: 'luaprot', options: ClientOptions): LuaProtClient;
export function createClient(provider: 'luaauth', options: ClientOptions): LuaAuthClient;
export function createClient(provider: ProviderId, options: ClientOptions): ProviderClient;
export function createClient(provider: ProviderId, options: ClientOptions): ProviderClient {
  switch (provider) {
    case 'junkie':
      return createJunkieClient(options);
    case 'luaprot':
      return createLuaProtClient(options);
    case 'luaauth':
      return createLuaAuthClient(options);
  }
}

export { createJunkieClient, createLuaProtClient, createLuaAuthClient };
export { ProviderError, isProviderError, isAbortError } from './errors';
export { parseRetryAfter } from './retry-after';
export { encodePathSegment } from './paths';
export { describeDisconnects } from './luaauth-bulk';
export { DEFAULT_TIMEOUT_MS, DEFAULT_LONG_TIMEOUT_MS } from './http';
export type * from './types';
