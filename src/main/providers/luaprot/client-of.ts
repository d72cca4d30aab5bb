import type { AnyClient } from '../module';
import type { LuaProtClient } from './types';

/** The LuaProt client behind a module call (the registry only hands a module its own clients). */
export function asLuaProt(client: AnyClient): LuaProtClient {
  if (client.provider !== 'luaprot') throw new Error(`a ${client.provider} client was handed to the LuaProt module`);
  return client as LuaProtClient;
}
