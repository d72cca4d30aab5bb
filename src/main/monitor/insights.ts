import { PEAK_WINDOWS, type Insights, type Peak, type PeakWindow } from '../../shared/insights';
import { DAY_MS as DAY, HOUR_MS as HOUR, type PeakSource, type RangePoint } from '../history/history';

export type { Insights };

/**
 * Insights from a series' history, as pure functions over chart points (raw samples, minute or
 * hour buckets): peaks with their time, the average, this hour against the same hour yesterday and
 * last week, and a 7 × 24 "when are my users online" heatmap in the user's time zone.
 */


/** Day of week (0 = Monday … 6 = Sunday) and hour (0–23) of an instant, in the user's zone. */
export type LocalSlot = (ms: number) => { day: number; hour: number };
/** Epoch ms of the local midnight that starts the day holding `ms`. */
export type LocalMidnight = (ms: number) => number;

export const systemLocalSlot: LocalSlot = (ms) => {
  const d = new Date(ms);
  return { day: (d.getDay() + 6) % 7, hour: d.getHours() };
};
export const systemLocalMidnight: LocalMidnight = (ms) => {
  const d = new Date(ms);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
};

/** The user's time zone as Insights needs it. */
export interface InsightsZone {
  slot: LocalSlot;
  midnight: LocalMidnight;
}

export const systemZone: InsightsZone = { slot: (ms) => systemLocalSlot(ms), midnight: (ms) => systemLocalMidnight(ms) };

/** A fixed UTC offset (minutes), for tests. */
export function fixedOffsetZone(offsetMinutes: number): InsightsZone {
  const shift = offsetMinutes * 60_000;
  return {
    slot: (ms) => {
      const local = ms + shift;
      const days = Math.floor(local / DAY);
      // 1970-01-01 was a Thursday (Monday-based index 3).
      return { day: (((days + 3) % 7) + 7) % 7, hour: Math.floor((local - days * DAY) / HOUR) };
    },
    midnight: (ms) => Math.floor((ms + shift) / DAY) * DAY - shift,
  };
}


function windowStart(window: PeakWindow, now: number, midnight: LocalMidnight): number {
  switch (window) {
    case 'today':
      return midnight(now);
    case '7d':
      return now - 7 * DAY;
    case '30d':
      return now - 30 * DAY;
    case '90d':
      return now - 90 * DAY;
  }
}

function meanBetween(points: readonly RangePoint[], from: number, to: number): number | null {
  let sum = 0;
  let n = 0;
  for (const p of points) {
    if (p.t > from && p.t <= to) {
      sum += p.value;
      n += 1;
    }
  }
  return n === 0 ? null : sum / n;
}

/**
 * The highest count of each window and when: from the unfolded tiers (History.peakSources), since a
 * chart point's time is that of its newest sample, not of its highest. A peak only an hour bucket
 * still holds counts for a window when its hour ends inside it, and is dated to the hour.
 */
function peaksOf(sources: readonly PeakSource[], now: number, zone: InsightsZone): Record<PeakWindow, Peak | null> {
  const peak = Object.fromEntries(PEAK_WINDOWS.map((w) => [w, null])) as Record<PeakWindow, Peak | null>;
  const starts = PEAK_WINDOWS.map((w) => windowStart(w, now, zone.midnight));
  for (const p of sources) {
    if (p.t > now) continue;
    PEAK_WINDOWS.forEach((w, i) => {
      if (!(p.hour ? p.t + HOUR > starts[i]! : p.t >= starts[i]!)) return;
      const current = peak[w];
      // The later of equal peaks: "peaked at 120 at 21:00" is the news, not its first touch.
      if (!current || p.max >= current.value) peak[w] = p.hour ? { value: p.max, at: p.t, hour: true } : { value: p.max, at: p.t };
    });
  }
  return peak;
}

/** Points must be in time order (as History.range returns them); `peaks` as History.peakSources gives them. */
export function computeInsights(points: readonly RangePoint[], now: number, zone: InsightsZone, peaks: readonly PeakSource[]): Insights {
  const sums = Array.from({ length: 7 }, () => new Float64Array(24));
  const counts = Array.from({ length: 7 }, () => new Uint32Array(24));
  for (const p of points) {
    if (p.t > now) continue;
    const { day, hour } = zone.slot(p.t);
    sums[day]![hour]! += p.value;
    counts[day]![hour]! += 1;
  }
  const heatmap = sums.map((row, d) => Array.from(row, (sum, h) => (counts[d]![h]! === 0 ? null : Math.round((sum / counts[d]![h]!) * 10) / 10)));
  return {
    peak: peaksOf(peaks, now, zone),
    average7d: meanBetween(points, now - 7 * DAY, now),
    lastHour: meanBetween(points, now - HOUR, now),
    sameHourYesterday: meanBetween(points, now - DAY - HOUR, now - DAY),
    sameHourLastWeek: meanBetween(points, now - 7 * DAY - HOUR, now - 7 * DAY),
    heatmap,
  };
}
