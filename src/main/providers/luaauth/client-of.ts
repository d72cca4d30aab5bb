import type { AnyClient } from '../module';
import type { LuaAuthClient } from './types';

/** The LuaAuth client behind a module call (the registry only hands a module its own clients). */
export function asLuaAuth(client: AnyClient): LuaAuthClient {
  if (client.provider !== 'luaauth') throw new Error(`a ${client.provider} client was handed to the LuaAuth module`);
  return client as LuaAuthClient;
}
