import { DEFAULT_BASE_URLS, PROVIDER_NAMES } from '../../../shared/model';
import type { ProviderDescriptor } from '../../../shared/provider-descriptor';

/** What the window, tray and CLI know of Junkie (providers/junkie.md). */
export const JUNKIE_DESCRIPTOR: ProviderDescriptor = Object.freeze({
  id: 'junkie',
  label: PROVIDER_NAMES.junkie,
  // The documented (Junkie) or assumed (LuaProt, LuaAuth: their docs give routes, not a host) server.
  defaultBaseUrl: DEFAULT_BASE_URLS.junkie,
  capabilities: {
    message: false,
    disconnect: false,
    bulk: false,
    scripts: false,
    search: 'server',
    paging: 'pages',
    sessionInfo: false,
    reason: 'Junkie’s API lists sessions and live counts only: it has no message, disconnect or script actions.',
  },
  targetKinds: [
    { kind: 'script', noun: 'Script', label: 'Script ids (optional)', hint: 'Comma separated. Leave empty with “Watch every script” to watch them all.' },
  ],
  autoTargets: true,
  missingActionWhy: ': its API only lists sessions and live counts.',
  gameIdKind: 'place',
  sessionKeys: false,
  forbidden: null,
  quotesReplies: false,
  // No message action.
  messageVariables: [],
  disconnectLingerMs: null,
}) as ProviderDescriptor;
