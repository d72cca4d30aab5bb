import type { MessageResult, ProviderId, Session, SessionPage } from '../../shared/model';
import type { ReadNotesListener } from './read-notes';
import type { DisconnectOutcome } from './luaauth-bulk';

export type { DisconnectOutcome } from './luaauth-bulk';

/** What every client is built from. The key stays in main-process memory only. */
export interface ClientOptions {
  baseUrl: string;
  apiKey: string;
  /** Per-request timeout for ordinary calls. Default 15 000 ms. */
  timeoutMs?: number;
  /** Timeout for calls that wait on a game client (LuaAuth message). Default 90 000 ms (> 60 s, < 100 s). */
  longTimeoutMs?: number;
  /** Cancels every in-flight request of this call. */
  signal?: AbortSignal;
  /** LuaAuth: the bulk-message route (an assumption the account may override); default LUAAUTH_BULK_MESSAGE_ROUTE. */
  bulkMessageRoute?: string;
  /** Observes each finished HTTP exchange (for rate budgets and request counting). Never receives the key. */
  onRequest?: (info: { provider: ProviderId; method: string; path: string; status?: number; durationMs: number }) => void;
}

export interface CallOptions {
  signal?: AbortSignal;
  /**
   * Told what was missing or unreadable in the items of this call's answer (it was still read:
   * counted and listed with what is known). Not called when nothing was wrong.
   */
  onReadNotes?: ReadNotesListener;
}

/* ---------------- Junkie ---------------- */
export interface JunkieLiveCounts {
  counts: Record<string, number>;
  total: number;
}
export interface JunkieService {
  /** Documented as an integer (a numeric string is read as one); null when none was readable. */
  id: number | null;
  name: string;
  description: string | null;
  extra: Record<string, unknown>;
}
export interface JunkieClient {
  readonly provider: 'junkie';
  liveCounts(opts?: CallOptions): Promise<JunkieLiveCounts>;
  /** page ≥ 1, limit 1..50 (refused before any request otherwise). */
  sessions(scriptId: string, query?: { page?: number; limit?: number; search?: string }, opts?: CallOptions): Promise<SessionPage>;
  services(opts?: CallOptions): Promise<JunkieService[]>;
}

/* ---------------- LuaProt ---------------- */
export type LuaProtScope = { hubId: string } | { key: string };
export interface LuaProtKeyRecord {
  hubId: string;
  discordId?: string | null;
  key: string;
  /** ms (converted from seconds). */
  expireAt?: number | null;
  note?: string | null;
  createdAt?: number | null;
  activated?: boolean;
  hwid?: string | null;
  blacklisted?: boolean;
  blacklistReason?: string | null;
  executionCount?: number;
  lastExecutionAt?: number | null;
  discordUsername?: string | null;
  extra: Record<string, unknown>;
}
export interface LuaProtHub {
  id: string;
  name: string;
  scripts: Array<{ id: string; name: string }>;
}
export interface LuaProtClient {
  readonly provider: 'luaprot';
  sessions(query: { hubId: string } | { key: string } | { discordId: string }, opts?: CallOptions): Promise<Session[]>;
  /**
   * The count path: how many sessions a hub or key lists, reading nothing else of them; with `ids`,
   * also their ids (to deduplicate targets that overlap, a key inside its hub).
   */
  sessionCount(scope: LuaProtScope, withIds: boolean, opts?: CallOptions): Promise<{ count: number; ids: string[] | null }>;
  sessionInfo(sessionId: string, opts?: CallOptions): Promise<{ session: Session; key: LuaProtKeyRecord }>;
  /** text must be 1..100 characters (refused before any request otherwise). Resolves to the provider's message. */
  message(sessionId: string, text: string, opts?: CallOptions): Promise<string>;
  disconnect(sessionId: string, opts?: CallOptions): Promise<string>;
  messageAll(scope: LuaProtScope, text: string, opts?: CallOptions): Promise<string>;
  disconnectAll(scope: LuaProtScope, opts?: CallOptions): Promise<string>;
  /** Discovery of hub and script names (undocumented route; may fail with not_found). */
  hubs(opts?: CallOptions): Promise<LuaProtHub[]>;
}

/* ---------------- LuaAuth ---------------- */
/** null: LuaAuth did not send that field (or sent it unreadable); shown as unknown. */
export interface LuaAuthScript {
  id: string;
  projectId: string | null;
  name: string;
  freeForAll: boolean | null;
  useHeartbeat: boolean | null;
  kickOutdated: boolean | null;
  requireSessions: boolean | null;
  enabled: boolean | null;
  totalExecutions: number | null;
  totalSessions: number | null;
  totalInstances: number | null;
  extra: Record<string, unknown>;
}
export interface LuaAuthScriptEdit {
  name?: string;
  free_for_all?: boolean;
  use_heartbeat?: boolean;
  kick_outdated?: boolean;
  require_sessions?: boolean;
}
export interface LuaAuthSessionFilter {
  from?: number;
  limit?: number;
  key?: string;
  roblox_id?: string;
  place_id?: string;
  job_id?: string;
}
export interface LuaAuthProject {
  id: string;
  name: string;
  totalExecutions: number | null;
  extra: Record<string, unknown>;
}
export interface LuaAuthProjectExecutions {
  /** Per-day totals, keyed as the provider sends ("01/01"). */
  total: Record<string, number>;
  /** One entry per script, parsed from keys "<name> - <id>" (split on the last " - "). */
  scripts: Array<{ id: string; name: string; days: Record<string, number> }>;
}
export interface LuaAuthClient {
  readonly provider: 'luaauth';
  session(sessionId: string, opts?: CallOptions): Promise<Session>;
  /** Waits up to 60 s for the game client; processed:false is a result, not an error. */
  message(sessionId: string, key: string, data?: unknown, opts?: CallOptions): Promise<MessageResult>;
  disconnect(sessionId: string, opts?: CallOptions): Promise<void>;
  messageMany(sessionIds: string[], key: string, data?: unknown, opts?: CallOptions): Promise<MessageResult[]>;
  /** What LuaAuth said per session: confirmed, refused, or (the documented answer) nothing per session. */
  disconnectMany(sessionIds: string[], opts?: CallOptions): Promise<DisconnectOutcome[]>;
  script(scriptId: string, opts?: CallOptions): Promise<LuaAuthScript>;
  executions(scriptId: string, opts?: CallOptions): Promise<Record<string, number>>;
  edit(scriptId: string, patch: LuaAuthScriptEdit, opts?: CallOptions): Promise<void>;
  toggle(scriptId: string, enabled: boolean, opts?: CallOptions): Promise<void>;
  update(scriptId: string, source: string, opts?: CallOptions): Promise<void>;
  remove(scriptId: string, opts?: CallOptions): Promise<void>;
  sessions(scriptId: string, page: { from: number; limit: number }, opts?: CallOptions): Promise<SessionPage>;
  /** How many sessions the page at `from` holds: the count path, which reads nothing else of them. */
  sessionCount(scriptId: string, page: { from: number; limit: number }, opts?: CallOptions): Promise<number>;
  filterSessions(scriptId: string, filter: LuaAuthSessionFilter, opts?: CallOptions): Promise<SessionPage>;
  project(projectId: string, opts?: CallOptions): Promise<LuaAuthProject>;
  projectExecutions(projectId: string, opts?: CallOptions): Promise<LuaAuthProjectExecutions>;
}

export type ProviderClient = JunkieClient | LuaProtClient | LuaAuthClient;
