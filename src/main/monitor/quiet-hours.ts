import type { QuietHours } from '../../shared/alerts';

/**
 * Quiet hours are a local wall-clock range ("22:00" → "07:00" wraps past midnight).
 * Local time is injected as a function so tests don't depend on the machine's zone.
 */

/** Minutes since local midnight (0..1439) at epoch `ms`. */
export type LocalMinutes = (ms: number) => number;

/** The machine's own time zone, DST included. */
export const systemLocalMinutes: LocalMinutes = (ms) => {
  const d = new Date(ms);
  return d.getHours() * 60 + d.getMinutes();
};

/** A fixed offset from UTC in minutes (e.g. +120 for UTC+2); deterministic for tests. */
export function fixedOffsetLocalMinutes(offsetMinutes: number): LocalMinutes {
  return (ms) => (((Math.floor(ms / 60_000) + offsetMinutes) % 1440) + 1440) % 1440;
}

/** "HH:MM" → minutes since midnight; "24:00" is allowed as an end. Undefined when malformed. */
export function parseClockTime(text: string): number | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return undefined;
  return h * 60 + min;
}

/**
 * Whether `minutes` falls in [start, end). Equal start and end is an empty range;
 * disabled or malformed quiet hours are never quiet (an alert is better than silence by mistake).
 */
export function isQuietTime(quiet: QuietHours | undefined, minutes: number): boolean {
  if (!quiet?.enabled) return false;
  const start = parseClockTime(quiet.start);
  const end = parseClockTime(quiet.end);
  if (start === undefined || end === undefined || start === end) return false;
  return start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}
