/**
 * What one provider brings to Pulsebar, in one folder (providers/<id>/): its client, its descriptor
 * (what the window, tray and CLI may know), its rate limits, how the poller counts it, how a key is
 * probed and targets discovered, and the session and script actions it really has. The rest of the
 * app finds a provider only through a ProviderRegistry (registry.ts), never by its name.
 */
import type { ProviderErrorInfo } from '../../shared/errors';
import type { ResponseOf, SessionDetail, SessionQuery, TestResult } from '../../shared/ipc-contract';
import type { AccountConfig, Session, SessionPage, TargetConfig } from '../../shared/model';
import type { ProviderDescriptor } from '../../shared/provider-descriptor';
import type { ProviderAssumptionsView } from '../../shared/provider-assumptions';
import type { RateWindow } from '../monitor/rate-budget';
import type { CountPlan } from './count-plan';
import type { DisconnectOutcome } from './luaauth/bulk';
import type { CallOptions, ClientOptions, LuaAuthScript, LuaAuthScriptEdit } from './types';

/** Any provider's client; a provider narrows it to its own inside its folder. */
export interface AnyClient {
  readonly provider: string;
}

/** One request with the account's client, once the account's budget allows a user request. */
export type BudgetedCall = <T>(fn: (client: AnyClient, signal: AbortSignal | undefined) => Promise<T>) => Promise<T>;

/** Where a provider puts the sessions it reads for grouping (session-groups-read.ts keeps the cap). */
export interface SessionSink {
  add(sessions: readonly Session[]): void;
  /** Sessions kept so far. */
  count(): number;
  /** The cap is reached: read no further. */
  full(): boolean;
}

/** What a key probe or discovery may do: each request first waits for room in the account's budget. */
export interface ProbeContext {
  account: AccountConfig;
  client: AnyClient;
  budget(): Promise<void>;
}

export interface ProbeModule {
  /** One request that proves a key works (accounts:test), naming what it found. Provider errors are thrown. */
  test(account: AccountConfig, client: AnyClient): Promise<TestResult>;
  /** Targets this key can see (accounts:discover), with the provider's names. Provider errors are thrown. */
  discover(ctx: ProbeContext): Promise<TestResult>;
}

export type MessageRequest = { sessionId: string; text?: string; command?: string; data?: string };
export type BulkMessageRequest = { sessionIds?: string[]; scope?: { hubId: string } | { key: string }; text?: string; command?: string; data?: string };
export type BulkDisconnectRequest = { sessionIds?: string[]; scope?: { hubId: string } | { key: string } };

/** Script settings and switches, where the provider has them. */
export interface ScriptActions {
  info(client: AnyClient, scriptId: string, opts: CallOptions): Promise<LuaAuthScript>;
  executions(client: AnyClient, scriptId: string, opts: CallOptions): Promise<Record<string, number>>;
  toggle(client: AnyClient, scriptId: string, enabled: boolean, opts: CallOptions): Promise<void>;
  edit(client: AnyClient, scriptId: string, patch: LuaAuthScriptEdit, opts: CallOptions): Promise<void>;
}

/**
 * The session actions a provider has. An absent action is missing at that provider: the action
 * service refuses it with the descriptor's wording. Input the provider cannot take is refused with
 * an invalid request naming the field.
 */
export interface ActionModule {
  /** One page of a target's sessions, searched and paged the provider's way (descriptor.capabilities). */
  list(client: AnyClient, query: SessionQuery, target: TargetConfig | undefined, opts: CallOptions): Promise<SessionPage>;
  /** Reads every live session of a target into `sink` (each page one budgeted call) until it is full. */
  readAll(call: BudgetedCall, target: TargetConfig | undefined, targetId: string, sink: SessionSink): Promise<{ total?: number; capped: boolean }>;
  /** What its session lists never give, in words (shown under the groups). */
  groupNotes(sessions: readonly Session[]): string[];
  info?(client: AnyClient, sessionId: string, opts: CallOptions): Promise<SessionDetail>;
  message?(client: AnyClient, request: MessageRequest, opts: CallOptions): Promise<ResponseOf<'sessions:message'>>;
  disconnect?(client: AnyClient, sessionId: string, opts: CallOptions): Promise<ResponseOf<'sessions:disconnect'>>;
  messageMany?(client: AnyClient, request: BulkMessageRequest, opts: CallOptions): Promise<ResponseOf<'sessions:messageMany'>>;
  /** With `outcomes` where the provider says what happened to each session. */
  disconnectMany?(
    client: AnyClient,
    request: BulkDisconnectRequest,
    opts: CallOptions,
  ): Promise<ResponseOf<'sessions:disconnectMany'> & { outcomes?: DisconnectOutcome[] }>;
  scripts?: ScriptActions;
}

export interface ProviderModule<S = unknown> {
  readonly descriptor: ProviderDescriptor;
  /** Documented (or assumed, said where) request limits of one account. */
  readonly rateWindows: readonly RateWindow[];
  /** What its seed documents and what Pulsebar assumes (<id>/assumptions.ts), with the defaults of the per-account settings. */
  readonly assumptions: ProviderAssumptionsView;
  createClient(options: ClientOptions): AnyClient;
  readonly countPlan: CountPlan<S>;
  readonly probe: ProbeModule;
  readonly actions: ActionModule;
  /** An answer that means "nothing live here" (a count of 0 or an empty list), not a failure. */
  isEmptyAnswer?(info: ProviderErrorInfo): boolean;
}

/** A target's name: the user's own label, else the provider's name for it, else its id. */
/** The provider's own name, kept apart from the label (which may be the user's) so the window can show both. */
export function providerNamed(name: string | null | undefined): { name?: string } {
  return name && name.trim() ? { name: name.trim() } : {};
}

export function targetLabelOf(account: AccountConfig, id: string, fallback?: string): string {
  const local = account.targets.find((t) => t.id === id)?.label;
  return local || fallback || id;
}
