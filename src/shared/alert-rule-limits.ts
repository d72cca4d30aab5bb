/**
 * The bounds of every number in an alert rule: one source for main's IPC schema (which refuses anything
 * outside them) and the rule editor in the window (which says so at the field, in words, before saving).
 */
export interface NumberLimit {
  min: number;
  max: number;
  /** Whole numbers only. */
  integer?: boolean;
  /** The unit as the error message says it: "Enter a number from 1 to 1,440 minutes." */
  unit: string;
}

const WEEK_MINUTES = 7 * 24 * 60;

export const ALERT_LIMITS = {
  risePercent: { min: 0, max: 100_000, unit: '%' },
  dropPercent: { min: 0, max: 100, unit: '%' },
  users: { min: 0, max: 10_000_000, unit: 'users' },
  /** The rules compare with the history of the last day at most. */
  windowMinutes: { min: 1, max: 24 * 60, integer: true, unit: 'minutes' },
  cooldownMinutes: { min: 0, max: WEEK_MINUTES, unit: 'minutes' },
  marginPercent: { min: 0, max: 1000, unit: '%' },
  minHistoryHours: { min: 0, max: 24 * 7, unit: 'hours' },
} as const satisfies Record<string, NumberLimit>;

/** What is wrong with a number typed into a rule, in plain words, or null when it is fine. */
export function numberProblem(value: number, limit: NumberLimit): string | null {
  const range = `${limit.min.toLocaleString('en-US')} to ${limit.max.toLocaleString('en-US')}${limit.unit === '%' ? ' %' : ` ${limit.unit}`}`;
  if (!Number.isFinite(value)) return `Enter a number from ${range}.`;
  if (value < limit.min || value > limit.max) return `Enter a number from ${range}.`;
  if (limit.integer && !Number.isInteger(value)) return `Use whole ${limit.unit}.`;
  return null;
}
