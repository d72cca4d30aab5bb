/**
 * What Insights says about one series (the grand total, an account, or one target): peaks with
 * their time, averages, this hour against the same hour before, and when users are online.
 * Computed in main (src/main/monitor/insights.ts); the window and the CLI show it.
 */

/** Windows a peak is reported for; "today" starts at local midnight. */
export const PEAK_WINDOWS = ['today', '7d', '30d', '90d'] as const;
export type PeakWindow = (typeof PEAK_WINDOWS)[number];

export interface Peak {
  value: number;
  /** Epoch ms of the sample (or the minute) that held the peak; with `hour`, of the hour that did. */
  at: number;
  /** Only an hourly bucket still holds the peak (older than 7 days): its time is known to the hour. */
  hour?: true;
}

export interface Insights {
  peak: Record<PeakWindow, Peak | null>;
  /** Mean over the last 7 days of what is kept; null without data. */
  average7d: number | null;
  /** Mean of the last hour, and of the same hour one day and one week earlier. */
  lastHour: number | null;
  sameHourYesterday: number | null;
  sameHourLastWeek: number | null;
  /** heatmap[day][hour]: mean users in that local hour over the kept history (day 0 = Monday); null where no data. */
  heatmap: Array<Array<number | null>>;
}
