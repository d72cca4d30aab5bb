/**
 * Retry-After is either delta-seconds ("120", some servers send "1.5") or an HTTP date.
 * Returns milliseconds to wait (never negative), or undefined when absent/unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // Only date-looking values: Date.parse accepts odd inputs like "12abc" on some engines.
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}
