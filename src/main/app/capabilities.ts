import type { ProviderCapabilities } from '../../shared/ipc-contract';
import type { ProviderId } from '../../shared/model';
import { LUAPROT_MESSAGE_MAX, LUAPROT_MESSAGE_MIN } from '../../shared/luaprot-message';

/** What each provider's API really offers (providers/README.md); the window disables the rest and says why. */
export const PROVIDER_CAPABILITIES: Readonly<Record<ProviderId, ProviderCapabilities>> = Object.freeze({
  junkie: {
    message: false,
    disconnect: false,
    bulk: false,
    scripts: false,
    search: 'server',
    paging: 'pages',
    sessionInfo: false,
    reason: 'Junkie’s API lists sessions and live counts only: it has no message, disconnect or script actions.',
  },
  luaprot: {
    message: 'text',
    disconnect: true,
    bulk: 'scope',
    scripts: false,
    search: 'local',
    paging: 'none',
    reason:
      `LuaProt lists a hub’s or key’s sessions in one page (searched here, not by LuaProt); messages are ${LUAPROT_MESSAGE_MIN}–${LUAPROT_MESSAGE_MAX} characters; ` +
      'bulk actions apply to a whole hub or key; scripts cannot be switched through its API.',
  },
  luaauth: {
    message: 'command',
    disconnect: true,
    bulk: 'ids',
    scripts: true,
    search: 'filters',
    paging: 'offset',
    reason:
      'LuaAuth sessions carry no username (filter by key, Roblox user id, place or job id); messages are commands to a ' +
      'handler in the running script and may wait up to 60 s.',
  },
});

/** Why an action is missing, in words, for a provider refusing it. */
export function missingAction(provider: ProviderId, action: string): string {
  switch (provider) {
    case 'junkie':
      return `Junkie has no ${action} action: its API only lists sessions and live counts.`;
    case 'luaprot':
      return `LuaProt has no ${action} action in its API.`;
    case 'luaauth':
      return `LuaAuth has no ${action} action in its API.`;
  }
}
