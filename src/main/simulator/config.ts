import { systemClock, type Clock } from '../../shared/clock';
import type { ProviderId } from '../../shared/model';
import type { LuaAuthClientBehaviour, ScriptedEvent, SimulatorOptions } from './types';
import { LUAPROT_DISCONNECT_LINGER_MS } from '../../shared/luaprot-linger';

/** SimulatorOptions with every default filled in, in one place so the defaults are easy to find. */
export interface SimConfig {
  seed: number;
  port: number;
  host: string;
  clock: Clock;
  keys: Record<ProviderId, string>;
  junkie: {
    scripts: number;
    rateLimit: { max: number; windowMs: number };
    includeZeroCounts: boolean;
    overLimit: 'clamp' | 'reject';
    heartbeatTimeoutMs: number;
  };
  luaprot: { hubs: number; disconnectLingerMs: number; ipAllowList?: string[] };
  luaauth: {
    projects: number;
    scriptsPerProject: number;
    replyDelayMs: number;
    clientBehaviour: LuaAuthClientBehaviour;
    messageWaitMs: number;
    maxPageLimit: number;
    bulkMessageRoute: string;
  };
  baseSessions: number;
  events: ScriptedEvent[];
}

/** The keys `npm run simulator` prints; any string works as long as client and simulator agree. */
export const DEMO_KEYS: Record<ProviderId, string> = {
  junkie: 'jnk_demo_7f3a9c2e41b8d605',
  luaprot: 'lpdemo5d2e8a71c4f9b03e',
  luaauth: 'la_demo_9b4c1e6f2a07d8c3',
};

/** LuaProt's documented windows: 20 per 10 s and 60 per 60 s, per key. */
export const LUAPROT_WINDOWS = [
  { max: 20, windowMs: 10_000 },
  { max: 60, windowMs: 60_000 },
] as const;
/** LuaAuth's documented global limit: 50 requests per second. */
export const LUAAUTH_WINDOW = { max: 50, windowMs: 1_000 } as const;

/** World churn advances in fixed ticks; a huge clock jump only simulates the last few. */
export const TICK_MS = 5_000;
export const MAX_TICKS_PER_STEP = 12;

export function resolveConfig(o: SimulatorOptions = {}): SimConfig {
  return {
    seed: o.seed ?? 1,
    port: o.port ?? 0,
    host: o.host ?? '127.0.0.1',
    clock: o.clock ?? systemClock,
    keys: { ...DEMO_KEYS, ...o.keys },
    junkie: {
      scripts: o.junkie?.scripts ?? 3,
      // Junkie's real numbers are unknown [U]; 120 per minute is a guess.
      rateLimit: o.junkie?.rateLimit ?? { max: 120, windowMs: 60_000 },
      includeZeroCounts: o.junkie?.includeZeroCounts ?? true,
      overLimit: o.junkie?.overLimit ?? 'clamp',
      heartbeatTimeoutMs: o.junkie?.heartbeatTimeoutMs ?? 120_000,
    },
    luaprot: {
      hubs: o.luaprot?.hubs ?? 2,
      disconnectLingerMs: o.luaprot?.disconnectLingerMs ?? LUAPROT_DISCONNECT_LINGER_MS,
      ipAllowList: o.luaprot?.ipAllowList,
    },
    luaauth: {
      projects: o.luaauth?.projects ?? 1,
      scriptsPerProject: o.luaauth?.scriptsPerProject ?? 3,
      replyDelayMs: o.luaauth?.replyDelayMs ?? 250,
      clientBehaviour: o.luaauth?.clientBehaviour ?? 'processed',
      messageWaitMs: o.luaauth?.messageWaitMs ?? 60_000,
      maxPageLimit: o.luaauth?.maxPageLimit ?? 100,
      bulkMessageRoute: o.luaauth?.bulkMessageRoute ?? 'sessions/message',
    },
    baseSessions: o.baseSessions ?? 40,
    events: o.events ?? [],
  };
}
