import { LUAPROT_DISCONNECT_LINGER_MS } from '../../../shared/luaprot-linger';
import { LUAPROT_MESSAGE_MAX, LUAPROT_MESSAGE_MIN } from '../../../shared/luaprot-message';
import { DEFAULT_BASE_URLS, PROVIDER_NAMES } from '../../../shared/model';
import type { ProviderDescriptor } from '../../../shared/provider-descriptor';

/** What the window, tray and CLI know of LuaProt (providers/luaprot.md). */
export const LUAPROT_DESCRIPTOR: ProviderDescriptor = Object.freeze({
  id: 'luaprot',
  label: PROVIDER_NAMES.luaprot,
  // The documented (Junkie) or assumed (LuaProt, LuaAuth: their docs give routes, not a host) server.
  defaultBaseUrl: DEFAULT_BASE_URLS.luaprot,
  capabilities: {
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
  targetKinds: [
    {
      kind: 'hub',
      noun: 'Hub',
      label: 'Hub ids',
      hint: 'Comma separated 20-digit hub ids',
      // One example id in the seed (40511091490620200512): a format assumed, not documented (assumptions.ts).
      idDigits: 20,
      cliEnv: 'PULSEBAR_LUAPROT_HUBS',
    },
    { kind: 'key', noun: 'Key', label: 'Keys to watch (optional)', hint: 'Comma separated user keys' },
  ],
  autoTargets: false,
  missingActionWhy: ' in its API.',
  gameIdKind: 'universe',
  sessionKeys: false,
  forbidden: { short: 'IP not whitelisted', advice: "Whitelist this computer's public IP address in the LuaProt dashboard, then refresh." },
  quotesReplies: true,
  // Its sessions carry no Roblox user id; {placeId} is filled with the universe id.
  messageVariables: ['username', 'placeId', 'jobId'],
  disconnectLingerMs: LUAPROT_DISCONNECT_LINGER_MS,
}) as ProviderDescriptor;
