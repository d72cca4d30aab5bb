/**
 * The one IPC contract between main and the window. Main registers a handler
 * for every request channel (a missing one fails to compile), validates each
 * request at runtime (src/main/ipc/ipc-schemas.ts) and the preload exposes
 * exactly these channels as `window.pulsebar`. No API key ever travels back.
 * Type-only for the renderer: importing it adds no code to the page.
 */
import type { ProviderDescriptor } from './provider-descriptor';
import type { AlertEvent, AlertRule, QuietHours } from './alerts';
import type { SeriesRef } from './series-ref';
import type { Insights } from './insights';
import type { ChannelPatch, ChannelStatus, ChannelView, DeliveryResult, NewChannel } from './alert-channels';
import type { ProviderErrorInfo } from './errors';
import type { SessionGroup, SharedKey } from './session-groups';
import type { MessageTemplate, MessageTemplatesView, RecentMessage } from './message-templates';
import type {
  AccountConfig,
  AccountState,
  MessageResult,
  ProviderId,
  SessionPage,
  Session,
  TargetConfig,
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
import type { HistoryRange } from './history-ranges';
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

export interface SessionQuery {
  accountId: string;
  targetId: string;
  /** Junkie: page ≥ 1, limit 1..50, search by username. */
  page?: number;
  limit?: number;
  search?: string;
  /** LuaAuth: offset paging and server-side filters. */
  from?: number;
  filter?: { key?: string; roblox_id?: string; place_id?: string; job_id?: string };
}

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

export type ScriptPatch = {
  name?: string;
  free_for_all?: boolean;
  use_heartbeat?: boolean;
  kick_outdated?: boolean;
  require_sessions?: boolean;
};

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

export interface IpcRequests {
  'app:version': [void, string];
  'app:snapshot': [void, MonitorSnapshot];
  'app:notices': [void, string[]];
  'accounts:list': [void, AccountView[]];
  'accounts:test': [{ provider: ProviderId; baseUrl?: string; key?: string; accountId?: string }, TestResult];
  'accounts:add': [
    { label: string; provider: ProviderId; baseUrl?: string; key: string; targets: TargetConfig[]; autoTargets?: boolean },
    { account: AccountView; test: TestResult },
  ];
  'accounts:update': [
    { id: string; label?: string; baseUrl?: string; key?: string; targets?: TargetConfig[]; autoTargets?: boolean },
    AccountView,
  ];
  'accounts:remove': [{ id: string }, void];
  'accounts:discover': [{ id: string }, TestResult];
  'monitor:refresh': [{ accountId?: string }, void];
  'monitor:pause': [{ paused: boolean }, void];
  /** Chart points for the range; with `every`, every kept sample or bucket unfolded (CSV export). */
  'monitor:history': [{ series: SeriesRef; range: HistoryRange; every?: boolean }, HistoryPoint[]];
  /** Peaks, averages, same-hour comparisons and the 7 × 24 heatmap of one series, in the user's time zone. */
  'monitor:insights': [{ series: SeriesRef }, Insights];
  'providers:capabilities': [void, Record<ProviderId, ProviderCapabilities>];
  /** What the window may know of each provider (labels, target kinds, wording), so it never branches on names. */
  'providers:list': [void, ProviderDescriptor[]];
  'sessions:list': [SessionQuery, SessionPage];
  'sessions:info': [{ accountId: string; sessionId: string }, SessionDetail];
  /** Reads all live sessions of a target (within the budget, capped) and groups them by game, server and key. */
  'sessions:groups': [{ accountId: string; targetId: string }, SessionGroupsView];
  'sessions:message': [
    { accountId: string; sessionId: string; text?: string; command?: string; data?: string; opId?: string },
    { provider: ProviderId; message?: string; result?: MessageResult },
  ];
  'sessions:disconnect': [{ accountId: string; sessionId: string }, { message: string }];
  'sessions:messageMany': [
    {
      accountId: string;
      sessionIds?: string[];
      scope?: { hubId: string } | { key: string };
      text?: string;
      command?: string;
      data?: string;
      opId?: string;
    },
    { provider: ProviderId; message?: string; results?: MessageResult[] },
  ];
  'sessions:disconnectMany': [
    { accountId: string; sessionIds?: string[]; scope?: { hubId: string } | { key: string } },
    { message: string; count?: number },
  ];
  'ops:cancel': [{ opId: string }, boolean];
  'templates:get': [void, MessageTemplatesView];
  /** Adds a template or replaces the one with its id. */
  'templates:save': [{ template: MessageTemplate }, MessageTemplatesView];
  'templates:remove': [{ id: string }, MessageTemplatesView];
  /** The window sent this message (variables as written): it goes first in its provider's recent list. */
  'templates:recordSent': [RecentMessage, MessageTemplatesView];
  'scripts:get': [{ accountId: string; scriptId: string }, ScriptView];
  'scripts:toggle': [{ accountId: string; scriptId: string; enabled: boolean }, ScriptView];
  'scripts:edit': [{ accountId: string; scriptId: string; patch: ScriptPatch }, ScriptView];
  'alerts:get': [void, AlertSettings];
  'alerts:setRules': [{ rules: AlertRule[] }, AlertSettings];
  'alerts:setQuietHours': [QuietHours, AlertSettings];
  'alerts:pause': [{ minutes: number | null }, AlertSettings];
  'alerts:log': [void, AlertEvent[]];
  'channels:list': [void, ChannelView[]];
  'channels:add': [NewChannel, ChannelView];
  'channels:update': [ChannelPatch, ChannelView];
  'channels:remove': [{ id: string }, void];
  /** One test alert to one channel; resolves with the outcome (errors in words, never the URL). */
  'channels:test': [{ id: string }, DeliveryResult];
  'settings:get': [void, AppPreferences];
  'settings:update': [Partial<AppPreferences>, AppPreferences];
  'demo:set': [{ enabled: boolean }, MonitorSnapshot];
  'window:hide': [void, void];
  'window:detach': [{ detached: boolean }, void];
}

/* ---------- push events main → window ---------- */

export interface IpcEvents {
  'monitor:update': MonitorSnapshot;
  'alerts:fired': AlertEvent[];
  /** A notification was clicked: show this target. */
  navigate: { accountId: string; targetId?: string };
  notice: string;
  'settings:changed': AppPreferences;
  /** A channel's delivery status changed (sent, retrying, failing). */
  'channels:status': { id: string; status: ChannelStatus };
}

export type RequestChannel = keyof IpcRequests;
export type EventChannel = keyof IpcEvents;
export type RequestOf<C extends RequestChannel> = IpcRequests[C][0];
export type ResponseOf<C extends RequestChannel> = IpcRequests[C][1];

/** Runtime lists; `satisfies` makes a channel missing from either list a compile error. */
const requestChannelSet = {
  'app:version': 1, 'app:snapshot': 1, 'app:notices': 1,
  'accounts:list': 1, 'accounts:test': 1, 'accounts:add': 1, 'accounts:update': 1, 'accounts:remove': 1, 'accounts:discover': 1,
  'monitor:refresh': 1, 'monitor:pause': 1, 'monitor:history': 1, 'monitor:insights': 1, 'providers:capabilities': 1, 'providers:list': 1,
  'sessions:list': 1, 'sessions:info': 1, 'sessions:groups': 1, 'sessions:message': 1, 'sessions:disconnect': 1,
  'sessions:messageMany': 1, 'sessions:disconnectMany': 1, 'ops:cancel': 1,
  'templates:get': 1, 'templates:save': 1, 'templates:remove': 1, 'templates:recordSent': 1,
  'scripts:get': 1, 'scripts:toggle': 1, 'scripts:edit': 1,
  'alerts:get': 1, 'alerts:setRules': 1, 'alerts:setQuietHours': 1, 'alerts:pause': 1, 'alerts:log': 1,
  'channels:list': 1, 'channels:add': 1, 'channels:update': 1, 'channels:remove': 1, 'channels:test': 1,
  'settings:get': 1, 'settings:update': 1, 'demo:set': 1, 'window:hide': 1, 'window:detach': 1,
} satisfies Record<RequestChannel, 1>;
const eventChannelSet = {
  'monitor:update': 1, 'alerts:fired': 1, navigate: 1, notice: 1, 'settings:changed': 1, 'channels:status': 1,
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
