import type { RateWindow } from '../../monitor/rate-budget';

/** LuaProt documents 20 requests per 10 s AND 60 per minute. */
export const LUAPROT_RATE_WINDOWS: readonly RateWindow[] = Object.freeze([
  { max: 20, windowMs: 10_000 },
  { max: 60, windowMs: 60_000 },
]);
