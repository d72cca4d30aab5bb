import type { AnyClient } from '../module';
import type { JunkieClient } from './types';

/** The Junkie client behind a module call (the registry only hands a module its own clients). */
export function asJunkie(client: AnyClient): JunkieClient {
  if (client.provider !== 'junkie') throw new Error(`a ${client.provider} client was handed to the Junkie module`);
  return client as JunkieClient;
}
