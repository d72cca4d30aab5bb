/** Short human durations and clock times for lists and status lines. */

export function ago(at: number | null | undefined, now = Date.now()): string {
  if (at == null) return 'never';
  const s = Math.max(0, Math.round((now - at) / 1000));
  if (s < 5) return 'just now';
  if (s < 60) return `${s} s ago`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h ago`;
  return `${Math.floor(h / 24)} d ago`;
}

export function age(since: number | undefined, now = Date.now()): string {
  if (since == null) return '—';
  const s = Math.max(0, Math.round((now - since) / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  return h < 48 ? `${h}h ${m % 60}m` : `${Math.floor(h / 24)}d`;
}

export function clock(at: number): string {
  return new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

/** Date and time; the year only when it is not this year ("Aug 26, 2027" for a key that runs past it). */
export function dateTime(at: number, now = Date.now()): string {
  const d = new Date(at);
  return d.toLocaleString(undefined, {
    year: d.getFullYear() === new Date(now).getFullYear() ? undefined : 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** A date and an hour only ("Nov 28, 12 PM"), for a time known to the hour. */
export function dateHour(at: number): string {
  return new Date(at).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: 'numeric' });
}

/** Whole numbers grouped the way the user's locale groups them. */
export function count(n: number | null | undefined): string {
  return n == null ? '—' : n.toLocaleString(undefined);
}

/** "Connected for 2h 5m" style duration in words, for titles and screen readers. */
export function ageWords(since: number | undefined, now = Date.now()): string {
  if (since == null) return 'unknown';
  const s = Math.max(0, Math.round((now - since) / 1000));
  if (s < 60) return `${s} seconds`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} minute${m === 1 ? '' : 's'}`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h ${m % 60} min`;
  return `${Math.floor(h / 24)} days`;
}

const timeFmt = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dayFmt = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const dayKey = (d: Date) => `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;

/**
 * Chart axis labels in the user's locale and time zone (uPlot's own are US-style, "12:45pm 11/22/26").
 * Ticks a day or more apart show the date; closer ticks show the time, with the date under the first
 * tick and wherever the day changes. `splits` are epoch seconds, `incr` the tick spacing in seconds.
 */
export function axisTimeLabels(splits: number[], incr: number): string[] {
  let lastDay = '';
  return splits.map((s) => {
    const d = new Date(s * 1000);
    if (incr >= 86_400) return dayFmt.format(d);
    const key = dayKey(d);
    const label = key !== lastDay ? `${timeFmt.format(d)}\n${dayFmt.format(d)}` : timeFmt.format(d);
    lastDay = key;
    return label;
  });
}
