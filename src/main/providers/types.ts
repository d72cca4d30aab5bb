import type { ProviderId } from '../../shared/model';
import type { JunkieClient } from './junkie/types';
import type { LuaAuthClient } from './luaauth/types';
import type { LuaProtClient } from './luaprot/types';
import type { ReadNotesListener } from './read-notes';

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

export type * from './junkie/types';
export type * from './luaprot/types';
export type * from './luaauth/types';

export type ProviderClient = JunkieClient | LuaProtClient | LuaAuthClient;
