import type { MessageResult, Session, SessionPage } from '../../../shared/model';
import type { CallOptions } from '../types';
import type { DisconnectOutcome } from './bulk';

export type { DisconnectOutcome } from './bulk';

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

