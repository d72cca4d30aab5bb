import type { RateLimitSetting } from '../../shared/provider-assumptions';
import type { RateWindow } from '../monitor/rate-budget';

/**
 * Rate windows (what the budget counts in) as the settings show them (whole seconds), and back.
 * The provider defaults stay defined once, in rate-budget.ts; these only convert.
 */
export function toRateLimitSettings(windows: readonly RateWindow[]): RateLimitSetting[] {
  return windows.map((w) => ({ max: w.max, windowSeconds: Math.round(w.windowMs / 1000) }));
}

export function toRateWindows(limits: readonly RateLimitSetting[]): RateWindow[] {
  return limits.map((l) => ({ max: l.max, windowMs: l.windowSeconds * 1000 }));
}
