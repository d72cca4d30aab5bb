import type { Clock } from '../../shared/clock';
import type { ProviderId } from '../../shared/model';
import type { StrayMode } from './strays';
import type { SessionPin } from './population';

export type { StrayMode } from './strays';

/**
 * Public face of the provider simulator (tests, `npm run simulator`, demo mode).
 * One HTTP server on loopback; each provider lives under its own path prefix so
 * its base URL looks like the real one:
 *   junkie  → http://127.0.0.1:PORT/junkie/api/v2
 *   luaprot → http://127.0.0.1:PORT/luaprot
 *   luaauth → http://127.0.0.1:PORT/luaauth
 */

export type Fault =
  | { type: 'status'; status: 500 | 502 | 503; count?: number }
  | { type: 'rate_limit_burst'; retryAfterSeconds?: number; count?: number }
  | { type: 'slow'; delayMs: number; count?: number }
  | { type: 'malformed_json'; count?: number }
  | { type: 'html_error'; status?: number; count?: number }
  | { type: 'drop_connection'; count?: number };

/** How simulated LuaAuth clients answer a message command. */
export type LuaAuthClientBehaviour = 'processed' | 'handler_error' | 'handler_missing' | 'never_answers';

export interface SimulatorOptions {
  /** Deterministic world under a seed (same seed → same sessions, ids and events). */
  seed?: number;
  port?: number; // 0 = any free port (default)
  host?: string; // default 127.0.0.1
  /** Time source for session churn, rate-limit windows and timestamps. Default: system clock. */
  clock?: Clock;
  /** Keys the simulator accepts, one per provider. Defaults are the printed demo keys. */
  keys?: Partial<Record<ProviderId, string>>;
  junkie?: {
    scripts?: number; // how many scripts the account owns
    /** Requests allowed per window before 429 (Junkie's real numbers are unknown). */
    rateLimit?: { max: number; windowMs: number };
    includeZeroCounts?: boolean;
    /** limit > 50: 'clamp' to 50 or 'reject' with 400. */
    overLimit?: 'clamp' | 'reject';
    heartbeatTimeoutMs?: number;
  };
  luaprot?: {
    hubs?: number;
    /** Delay before a disconnected session stops being listed. Default 90 000 ms. */
    disconnectLingerMs?: number;
    /** If set, only these client addresses are allowed (others get the whitelist 403). */
    ipAllowList?: string[];
  };
  luaauth?: {
    projects?: number;
    scriptsPerProject?: number;
    /** Delay before a simulated client answers a message. */
    replyDelayMs?: number;
    /** Default behaviour of simulated clients; per-session overrides via control. */
    clientBehaviour?: LuaAuthClientBehaviour;
    /** Longest wait for a client answer before "client never responded". Default 60 000 ms. */
    messageWaitMs?: number;
    maxPageLimit?: number;
    /**
     * Where bulk messages are served, without the leading "/" (default "sessions/message", the route
     * the app assumes): another path plays a LuaAuth that put it elsewhere.
     */
    bulkMessageRoute?: string;
  };
  /** Ways each provider strays from its docs from the start (see strays.ts); changeable via control. */
  strays?: Partial<Record<ProviderId, StrayMode[]>>;
  /** Sessions per target at start (approximate, seeded). */
  baseSessions?: number;
  /** Scripted spikes and drops applied as the clock moves. */
  events?: ScriptedEvent[];
}

/** A scripted change in the population of one target, at a time relative to start. */
export interface ScriptedEvent {
  atMs: number;
  provider: ProviderId;
  /** Target id (Junkie script id, LuaProt hub id, LuaAuth script id); omitted = first target. */
  targetId?: string;
  /** Multiply the population (2 = spike to double, 0 = collapse) or set an absolute number. */
  factor?: number;
  to?: number;
}

export interface SimulatorTargets {
  junkie: { scriptIds: string[] };
  luaprot: { hubIds: string[]; keys: string[] };
  luaauth: { projectIds: string[]; scriptIds: string[] };
}

export interface SimulatorControl {
  /** Queue a fault for a provider (or all); it applies to the next `count` requests (default: until cleared). */
  injectFault(provider: ProviderId | 'all', fault: Fault): void;
  clearFaults(provider?: ProviderId | 'all'): void;
  /** Move the world forward to the clock's current time (churn + scripted events). Called on each request too. */
  step(): void;
  /** Set the live population of a target right now. */
  setPopulation(provider: ProviderId, targetId: string, count: number): void;
  population(provider: ProviderId, targetId: string): number;
  /**
   * Replace a target's live sessions with exactly these, details chosen per session (see SessionPin),
   * and stop its churn until setPopulation moves it again: populations built for grouping tests.
   */
  setSessions(provider: ProviderId, targetId: string, sessions: SessionPin[]): void;
  setLuaAuthBehaviour(behaviour: LuaAuthClientBehaviour, sessionId?: string): void;
  /** Replaces the stray modes of a provider (or all); [] = back to the docs. */
  setStrays(provider: ProviderId | 'all', modes: StrayMode[]): void;
  strays(): Record<string, StrayMode[]>;
  /** LuaAuth's largest page from now on: a larger `limit` is cut to it silently, as a real server may do. */
  setLuaAuthPageCap(cap: number): void;
  /** Requests received per provider so far (for rate-budget tests and benchmarks). */
  requestLog(provider?: ProviderId): Array<{ provider: ProviderId; method: string; path: string; at: number; status: number }>;
  targets(): SimulatorTargets;
  /** Messages that reached simulated sessions (LuaProt text, LuaAuth commands), oldest first. Additive. */
  messagesSent(provider?: ProviderId): SentMessage[];
}

/** One message call the simulator accepted (bulk calls are one record listing every session reached). */
export interface SentMessage {
  provider: ProviderId;
  /** Clock time, epoch ms. */
  at: number;
  sessionIds: string[];
  /** LuaProt bulk scope as sent. */
  scope?: { hubId?: string; key?: string };
  /** LuaProt text. */
  text?: string;
  /** LuaAuth handler key and data. */
  handler?: string;
  data?: unknown;
}

export interface RunningSimulator {
  port: number;
  urls: Record<ProviderId, string>;
  keys: Record<ProviderId, string>;
  control: SimulatorControl;
  close(): Promise<void>;
}

export type StartSimulator = (options?: SimulatorOptions) => Promise<RunningSimulator>;
