/**
 * The normalized domain model shared by main, preload, renderer and CLI.
 * Plain data only (structured-clone safe); no Node, DOM or Electron imports.
 * Provider-specific fields stay reachable through `extra` so the session
 * detail and provider actions never lose information.
 */

import type { AccountAssumptionSettings } from './provider-assumptions';

export const PROVIDERS = ['junkie', 'luaprot', 'luaauth'] as const;
export type ProviderId = (typeof PROVIDERS)[number];

export const PROVIDER_NAMES: Record<ProviderId, string> = {
  junkie: 'Junkie',
  luaprot: 'LuaProt',
  luaauth: 'LuaAuth',
};

/** What a target is at its provider: Junkie scripts, LuaProt hubs or keys, LuaAuth scripts or projects. */
export type TargetKind = 'script' | 'hub' | 'key' | 'project';

/** A thing the user asked to watch. `label` is a local name, since providers don't always give one. */
export interface TargetConfig {
  kind: TargetKind;
  id: string;
  label?: string;
}

/** An account as persisted in settings. The API key is never here: it lives in the OS keychain. */
export interface AccountConfig {
  id: string;
  label: string;
  provider: ProviderId;
  baseUrl: string;
  targets: TargetConfig[];
  /** Junkie: watch every script in the live counts even when `targets` is empty. */
  autoTargets?: boolean;
  /** Overrides of what Pulsebar assumes about the provider (rate limits, routes); absent: the defaults. */
  assumptions?: AccountAssumptionSettings;
}

export const DEFAULT_BASE_URLS: Record<ProviderId, string> = {
  junkie: 'https://api.jnkie.com/api/v2',
  luaprot: 'https://luaprot.net',
  luaauth: 'https://api.luaauth.com',
};

/**
 * One live session, normalized. Only `provider` and `id` are always there; `id` is "" when the
 * provider sent none (the session is still counted and listed, but cannot be acted on).
 * Timestamps are epoch milliseconds whatever the provider sends. */
export interface Session {
  provider: ProviderId;
  id: string;
  /** Roblox username (Junkie, LuaProt); LuaAuth gives none. */
  username?: string;
  /** Roblox user id (LuaAuth `roblox_id`), as its digits: sent as a number or a string, never rounded. */
  robloxUserId?: string;
  jobId?: string;
  /** Roblox place id as a string (Junkie sends a string, LuaAuth a number). */
  placeId?: string;
  /** Roblox universe id (LuaProt). */
  universeId?: string;
  hwid?: string;
  beatCount?: number;
  /** The user's key (LuaAuth `user_key`, LuaProt session info `key`). */
  userKey?: string;
  /** Script the session runs (LuaAuth `script_id`). */
  scriptId?: string;
  /** Undefined when the provider did not send a readable start time (shown as unknown). */
  createdAt?: number;
  lastBeatAt?: number;
  /** Everything the provider sent, as sent (original units), for the detail view. */
  extra: Record<string, unknown>;
}

/** A page of sessions with the paging facts each provider really gives. */
export interface SessionPage {
  sessions: Session[];
  /** Known total (Junkie); undefined where the provider gives none (LuaAuth offset paging). */
  total?: number;
  page?: number;
  limit?: number;
  totalPages?: number;
  /** Offset paging (LuaAuth): the `from` of this page and whether another page may follow. */
  from?: number;
  hasMore?: boolean;
}

export type AccountState = 'ok' | 'degraded' | 'rate_limited' | 'unauthorized' | 'offline' | 'paused' | 'idle';

/** LuaAuth answers a message with processed/response or processed/reason; that is a result, not an error. */
export interface MessageResult {
  processed: boolean;
  response?: unknown;
  reason?: string;
  sessionId?: string;
}
