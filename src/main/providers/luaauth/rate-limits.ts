import type { RateWindow } from '../../monitor/rate-budget';

/** LuaAuth documents 50 requests per second (some routes stricter; the 429 back-off covers those). */
export const LUAAUTH_RATE_WINDOWS: readonly RateWindow[] = Object.freeze([{ max: 50, windowMs: 1_000 }]);
