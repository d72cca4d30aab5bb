import type { RateWindow } from '../../monitor/rate-budget';

/** Junkie answers 429 but publishes no numbers: stay conservative until told otherwise (configurable). */
export const JUNKIE_RATE_WINDOWS: readonly RateWindow[] = Object.freeze([{ max: 60, windowMs: 60_000 }]);
