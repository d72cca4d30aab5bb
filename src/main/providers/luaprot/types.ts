import type { Session } from '../../../shared/model';
import type { CallOptions } from '../types';

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

