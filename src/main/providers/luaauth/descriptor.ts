import { DEFAULT_BASE_URLS, PROVIDER_NAMES } from '../../../shared/model';
import type { ProviderDescriptor } from '../../../shared/provider-descriptor';

/** What the window, tray and CLI know of LuaAuth (providers/luaauth.md). */
export const LUAAUTH_DESCRIPTOR: ProviderDescriptor = Object.freeze({
  id: 'luaauth',
  label: PROVIDER_NAMES.luaauth,
  // The documented (Junkie) or assumed (LuaProt, LuaAuth: their docs give routes, not a host) server.
  defaultBaseUrl: DEFAULT_BASE_URLS.luaauth,
  capabilities: {
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
  targetKinds: [
    { kind: 'script', noun: 'Script', label: 'Script ids (optional)', hint: 'Comma separated', cliEnv: 'PULSEBAR_LUAAUTH_SCRIPTS' },
    { kind: 'project', noun: 'Project', label: 'Project ids', hint: 'Scripts are found through the project', cliEnv: 'PULSEBAR_LUAAUTH_PROJECTS' },
  ],
  autoTargets: false,
  missingActionWhy: ' in its API.',
  gameIdKind: 'place',
  sessionKeys: true,
  forbidden: null,
  quotesReplies: false,
  disconnectLingerMs: null,
  // Its sessions carry no username.
  messageVariables: ['userId', 'placeId', 'jobId'],
}) as ProviderDescriptor;
