/**
 * The one IPC contract between main and the window. Main registers a handler
 * for every request channel (a missing one fails to compile), validates each
 * request at runtime with its zod schema (src/main/ipc/ipc-schemas.ts) — the one
 * definition of each request, whose type this file derives — and the preload
 * exposes exactly these channels as `window.pulsebar`. No API key ever travels back.
 * Type-only for the renderer: importing it adds no code (and no zod) to the page.
 */
import type { ProviderDescriptor } from './provider-descriptor';
import type { AlertEvent, AlertRule, QuietHours } from './alerts';
import type { Insights } from './insights';
import type { ChannelStatus, ChannelView, DeliveryResult } from './alert-channels';
import type { z } from 'zod';
// Types only (erased from every bundle): the request schemas are the one definition of each request.
import type { RequestSchemas } from '../main/ipc/ipc-schemas';
import type { ProviderErrorInfo } from './errors';
import type { ProviderAssumptionsView } from './provider-assumptions';
import type { SessionGroup, SharedKey } from './session-groups';
import type { MessageTemplatesView } from './message-templates';
import type {
  AccountConfig,
  AccountState,
  MessageResult,
  ProviderId,
  SessionPage,
  Session,
  TargetKind,
} from './model';

/* ---------- views: what the window is allowed to know ---------- */

/** An account as the window sees it: no key, only whether one is stored. */
export interface AccountView extends AccountConfig {
  hasKey: boolean;
  demo: boolean;
}

export interface AccountStatus {
  accountId: string;
  state: AccountState;
  lastSuccessAt: number | null;
  lastAttemptAt: number | null;
  nextPollAt: number | null;
  error: ProviderErrorInfo | null;
  /** The error in words: what happened and what to do. */
  explanation: { title: string; advice: string } | null;
  /**
   * While rate limited: when the refused request goes again (a clock time, so the window can count down
   * to it and never shows a relative time that went stale), and whether the provider asked for that time
   * (Retry-After) or Pulsebar's back-off chose it.
   */
  retry?: { at: number; askedByProvider: boolean };
  /**
   * What the last poll's answers lacked or held unreadable, one short line each
   * ("LuaProt: 1 session lacked robloxUsername"). The items were still counted. Absent when none.
   */
  diagnostics?: string[];
}

export interface TargetLive {
  kind: TargetKind;
  id: string;
  /** What to call it: the user's own label, else the provider's name, else "<Kind> <id>". */
  label: string;
  /** The provider's own name for it, when it gave one (shown beside a label of the user's own). */
  providerName?: string;
  /** `label` is the user's own (from the account's settings). Absent means false. */
  ownLabel?: boolean;
  /** null until the first successful poll. */
  count: number | null;
  /** Change over the last 10 minutes, null when unknown. */
  trend: number | null;
  /** Counts of the last hour, oldest first, for the card sparkline. */
  sparkline: number[];
  /**
   * A LuaAuth project's scripts (kind 'script', series "target:<accountId>:<scriptId>"), once the
   * provider listed them. Parts of this target's count: never added to a total again.
   */
  children?: TargetLive[];
}

export interface AccountLive {
  account: AccountView;
  status: AccountStatus;
  /** The last total that came through; when `stale`, it is shown as such but no longer live. */
  total: number | null;
  targets: TargetLive[];
  /**
   * The account is not answering (key rejected, access refused, or no successful poll for
   * max(3 × its poll interval, 5 min)): its `total` is left out of the grand total, `byProvider`
   * and the "All accounts" history until it answers again. Absent means false.
   */
  stale?: boolean;
}

/** A target that moved over the last hour (Glance.changes). */
export interface GlanceChange {
  accountId: string;
  accountLabel: string;
  targetId: string;
  label: string;
  /** A demo account's target: simulated users. */
  demo: boolean;
  /** Its count an hour ago (or the oldest of the hour), and now. */
  before: number;
  now: number;
  delta: number;
}

/** The panel's "at a glance", computed in main with each snapshot. */
export interface Glance {
  /** The start of the hour the changes and alerts cover. */
  since: number;
  /** The targets that moved most (largest change either way first), unchanged ones left out. */
  changes: GlanceChange[];
  /** Alerts raised in the hour, newest first (silenced ones too: raised in quiet hours or a pause). */
  alerts: Array<{ id: string; at: number; subject: string; message: string; silenced: boolean }>;
  /** Demo (simulated) users are part of the grand total... */
  demoInTotal: boolean;
  /** ...and of these provider totals. */
  demoInProvider: Record<ProviderId, boolean>;
}

/** The totals as the tray and window print them (shared/live-totals.ts, called by main's monitor service): null is "nothing live", a dash. */
export interface LiveTotals {
  /** `MonitorSnapshot.total`, or null when every account with a count is stale. */
  total: number | null;
  /** Providers that have accounts only: their `byProvider` total, or null when none of their accounts is live. */
  byProvider: Partial<Record<ProviderId, number | null>>;
}

export interface MonitorSnapshot {
  at: number;
  /**
   * Grows with every snapshot main makes (not the clock, which may step back). A request's answer and a
   * push may arrive in either order; the window keeps the newer one.
   */
  seq: number;
  /** Sum of the accounts that are live (not `stale`). */
  total: number;
  /** Per provider, live accounts only. */
  byProvider: Record<ProviderId, number>;
  /** What the tray and window print for `total` and `byProvider`; they format it and decide nothing. */
  live: LiveTotals;
  accounts: AccountLive[];
  alertsPausedUntil: number | null;
  demo: boolean;
  paused: boolean;
  /**
   * Where the API keys of real accounts are kept (SecretStore.kind): 'keychain' is the OS keychain;
   * 'memory' holds them only while Pulsebar runs (the browser build's bridge, tests). The window says
   * "stored in your system keychain" only for 'keychain'.
   */
  keyStore: 'keychain' | 'memory';
  /** Moves, alerts and demo share of the last hour, for the panel's glance. */
  glance: Glance;
}

export { HISTORY_RANGES, type HistoryRange } from './history-ranges';
export interface HistoryPoint {
  t: number;
  v: number;
  min?: number;
  max?: number;
}

export interface AppPreferences {
  pollIntervalSeconds: Record<ProviderId, number>;
  notifications: boolean;
  launchAtLogin: boolean;
  theme: 'system' | 'light' | 'dark';
  globalShortcut: string | null;
  /**
   * How LuaAuth live counts are taken: 'sessions' pages POST /scripts/:id/sessions and counts what is listed
   * (exact, documented meaning; costs one request per page); 'script_total' reads total_sessions from
   * GET /scripts/:id (one request per script, but whether it is live or lifetime is undocumented).
   * Optional for compatibility; absent means 'sessions'.
   */
  luaauthCountMode?: 'sessions' | 'script_total';
}

export interface AlertSettings {
  rules: AlertRule[];
  quietHours: QuietHours;
  pausedUntil: number | null;
}

export interface TestResult {
  ok: boolean;
  /** Counted targets found with this key (discovery), when ok. */
  found?: Array<{
    kind: TargetKind;
    id: string;
    label: string;
    count?: number;
    /** The provider's own name for it (LuaProt hub list, LuaAuth project/script), when it gave one. */
    name?: string;
  }>;
  error?: ProviderErrorInfo;
  explanation?: { title: string; advice: string };
}

/** A session list request (Junkie: page ≥ 1, limit 1..50, search by username; LuaAuth: offset `from` and filters). */
export type SessionQuery = RequestOf<'sessions:list'>;

/** Who is playing where: every live session of one target that was read, grouped (sessions:groups). */
export interface SessionGroupsView {
  provider: ProviderId;
  /** The sessions read, so a group opens without asking again; at most SESSION_GROUPS_MAX. */
  sessions: Session[];
  /** Known total where the provider gives one (Junkie); else the number read when not capped. */
  total?: number;
  /** True when reading stopped at SESSION_GROUPS_MAX: groups cover the first `sessions.length` only. */
  capped: boolean;
  games: SessionGroup[];
  servers: SessionGroup[];
  /** Null where the provider's list gives no user key (Junkie, LuaProt). */
  keys: SessionGroup[] | null;
  sharedKeys: SharedKey[];
  /** What the provider does not give, in words, so a missing field is never one silent "unknown" group. */
  notes: string[];
}

export interface SessionDetail {
  session: Session;
  /** LuaProt: the session's key record (times in ms). */
  keyRecord?: Record<string, unknown>;
}

/** null: LuaAuth did not send that field (or sent it unreadable); shown as unknown. */
export interface ScriptView {
  id: string;
  projectId: string | null;
  name: string;
  enabled: boolean | null;
  freeForAll: boolean | null;
  useHeartbeat: boolean | null;
  kickOutdated: boolean | null;
  requireSessions: boolean | null;
  totalExecutions: number | null;
  totalSessions: number | null;
  totalInstances: number | null;
  executions: Record<string, number>;
}

/** The fields of a LuaAuth script the window may change (scripts:edit). */
export type ScriptPatch = RequestOf<'scripts:edit'>['patch'];

/** What each provider can do, so the window disables what is missing and says why. */
export interface ProviderCapabilities {
  message: false | 'text' | 'command';
  disconnect: boolean;
  bulk: false | 'scope' | 'ids';
  scripts: boolean;
  search: 'server' | 'local' | 'filters';
  paging: 'pages' | 'none' | 'offset';
  /**
   * False when the provider has no single-session route (sessions:info): the listed row is everything
   * it gives, so the window opens the row without asking. Absent means the route exists.
   */
  sessionInfo?: boolean;
  reason?: string;
}

/** Every call answers with a result: errors cross IPC as data, never as thrown objects. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };
export interface IpcError {
  /** A provider failure, or 'invalid_request' when the window sent something main refuses, or 'failed'. */
  kind: ProviderErrorInfo['kind'] | 'invalid_request' | 'failed';
  message: string;
  provider?: ProviderId;
  status?: number;
  retryAfterMs?: number;
  explanation?: { title: string; advice: string };
}

/* ---------- request channels: name → [request, response] ---------- */

/**
 * Every request channel and what it answers. The request of each is what its zod schema in
 * src/main/ipc/ipc-schemas.ts accepts (RequestOf below is derived from it, types only), so a request
 * shape is written once and the window never bundles zod.
 */
export interface IpcResponses {
  'app:version': string;
  'app:snapshot': MonitorSnapshot;
  'app:notices': string[];
  'accounts:list': AccountView[];
  'accounts:test': TestResult;
  'accounts:add': { account: AccountView; test: TestResult };
  'accounts:update': AccountView;
  'accounts:remove': void;
  'accounts:discover': TestResult;
  'monitor:refresh': void;
  'monitor:pause': void;
  /** Chart points for the range; with `every`, every kept sample or bucket unfolded (CSV export). */
  'monitor:history': HistoryPoint[];
  /** Peaks, averages, same-hour comparisons and the 7 × 24 heatmap of one series, in the user's time zone. */
  'monitor:insights': Insights;
  'providers:capabilities': Record<ProviderId, ProviderCapabilities>;
  /** What the window may know of each provider (labels, target kinds, wording), so it never branches on names. */
  'providers:list': ProviderDescriptor[];
  /** What each provider documents and what Pulsebar assumes, with the defaults of the changeable settings. */
  'providers:assumptions': Record<ProviderId, ProviderAssumptionsView>;
  'sessions:list': SessionPage;
  'sessions:info': SessionDetail;
  /** Reads all live sessions of a target (within the budget, capped) and groups them by game, server and key. */
  'sessions:groups': SessionGroupsView;
  'sessions:message': { provider: ProviderId; message?: string; result?: MessageResult };
  'sessions:disconnect': { message: string };
  'sessions:messageMany': { provider: ProviderId; message?: string; results?: MessageResult[] };
  'sessions:disconnectMany': { message: string; count?: number };
  'ops:cancel': boolean;
  'templates:get': MessageTemplatesView;
  /** Adds a template or replaces the one with its id. */
  'templates:save': MessageTemplatesView;
  'templates:remove': MessageTemplatesView;
  /** The window sent this message (variables as written): it goes first in its provider's recent list. */
  'templates:recordSent': MessageTemplatesView;
  'scripts:get': ScriptView;
  'scripts:toggle': ScriptView;
  'scripts:edit': ScriptView;
  'alerts:get': AlertSettings;
  'alerts:setRules': AlertSettings;
  'alerts:setQuietHours': AlertSettings;
  'alerts:pause': AlertSettings;
  'alerts:log': AlertEvent[];
  'channels:list': ChannelView[];
  'channels:add': ChannelView;
  'channels:update': ChannelView;
  'channels:remove': void;
  /** One test alert to one channel; resolves with the outcome (errors in words, never the URL). */
  'channels:test': DeliveryResult;
  'settings:get': AppPreferences;
  'settings:update': AppPreferences;
  'demo:set': MonitorSnapshot;
  'window:hide': void;
  /** Whether the window is detached (settings.window.detached, which main applies to the window). */
  'window:state': { detached: boolean };
  'window:detach': void;
}

/* ---------- push events main → window ---------- */

export interface IpcEvents {
  'monitor:update': MonitorSnapshot;
  'alerts:fired': AlertEvent[];
  /** A notification was clicked: show this target. */
  navigate: { accountId: string; targetId?: string };
  notice: string;
  /** The preferences changed, whoever changed them (this window, another, the tray, demo mode). */
  'settings:changed': AppPreferences;
  /** The alert settings as `alerts:get` answers them changed (rules, quiet hours, a pause from the tray...). */
  'alerts:changed': AlertSettings;
  /** A channel's delivery status changed (sent, retrying, failing). */
  'channels:status': { id: string; status: ChannelStatus };
}

export type RequestChannel = keyof IpcResponses;
export type EventChannel = keyof IpcEvents;
/** What main's handler receives once the channel's schema has checked it (the schema's output). */
export type RequestOf<C extends RequestChannel> = z.output<RequestSchemas[C]>;
export type ResponseOf<C extends RequestChannel> = IpcResponses[C];
/** Channel → [request, response]. */
export type IpcRequests = { [C in RequestChannel]: [RequestOf<C>, ResponseOf<C>] };

/** Runtime lists; `satisfies` makes a channel missing from either list a compile error. */
const requestChannelSet = {
  'app:version': 1, 'app:snapshot': 1, 'app:notices': 1,
  'accounts:list': 1, 'accounts:test': 1, 'accounts:add': 1, 'accounts:update': 1, 'accounts:remove': 1, 'accounts:discover': 1,
  'monitor:refresh': 1, 'monitor:pause': 1, 'monitor:history': 1, 'monitor:insights': 1, 'providers:capabilities': 1, 'providers:list': 1,
  'providers:assumptions': 1,
  'sessions:list': 1, 'sessions:info': 1, 'sessions:groups': 1, 'sessions:message': 1, 'sessions:disconnect': 1,
  'sessions:messageMany': 1, 'sessions:disconnectMany': 1, 'ops:cancel': 1,
  'templates:get': 1, 'templates:save': 1, 'templates:remove': 1, 'templates:recordSent': 1,
  'scripts:get': 1, 'scripts:toggle': 1, 'scripts:edit': 1,
  'alerts:get': 1, 'alerts:setRules': 1, 'alerts:setQuietHours': 1, 'alerts:pause': 1, 'alerts:log': 1,
  'channels:list': 1, 'channels:add': 1, 'channels:update': 1, 'channels:remove': 1, 'channels:test': 1,
  'settings:get': 1, 'settings:update': 1, 'demo:set': 1, 'window:hide': 1, 'window:state': 1, 'window:detach': 1,
} satisfies Record<RequestChannel, 1>;
const eventChannelSet = {
  'monitor:update': 1, 'alerts:fired': 1, navigate: 1, notice: 1, 'settings:changed': 1, 'alerts:changed': 1, 'channels:status': 1,
} satisfies Record<EventChannel, 1>;

export const REQUEST_CHANNELS = Object.keys(requestChannelSet) as RequestChannel[];
export const EVENT_CHANNELS = Object.keys(eventChannelSet) as EventChannel[];

/** Channel names on the wire are prefixed so nothing else on ipcMain collides. */
export const wireName = (channel: string): string => `pulsebar:${channel}`;

/** The API the preload exposes as `window.pulsebar` (and the e2e test bridge implements). */
export interface PulsebarApi {
  invoke<C extends RequestChannel>(
    channel: C,
    ...request: RequestOf<C> extends void ? [] : [RequestOf<C>]
  ): Promise<IpcResult<ResponseOf<C>>>;
  /** Subscribe to a push event; returns the unsubscribe function. */
  on<E extends EventChannel>(event: E, listener: (payload: IpcEvents[E]) => void): () => void;
  /**
   * 'browser': the browser build (`npm run web`, scripts/web-bridge-client.js), where launch at login
   * and the global shortcut are only recorded, not applied. Absent in Electron (the preload).
   */
  readonly host?: 'browser';
}
