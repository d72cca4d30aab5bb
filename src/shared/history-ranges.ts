/**
 * Chart and export ranges, one list for the contract, IPC validation, charts, the CLI and main:
 * raw samples and minutes up to 7 days, hours beyond (history keeps 90 days).
 */
export const HISTORY_RANGES = ['1h', '24h', '7d', '30d', '90d'] as const;
export type HistoryRange = (typeof HISTORY_RANGES)[number];

export const HISTORY_RANGE_MS: Record<HistoryRange, number> = {
  '1h': 3_600_000,
  '24h': 86_400_000,
  '7d': 7 * 86_400_000,
  '30d': 30 * 86_400_000,
  '90d': 90 * 86_400_000,
};

/** Points per chart: 10 s, 2 min, 10 min, 1 h and 1 h apart (the hour tier's own resolution). */
export const HISTORY_RANGE_POINTS: Record<HistoryRange, number> = { '1h': 360, '24h': 720, '7d': 1008, '30d': 720, '90d': 2160 };

export function isHistoryRange(value: string): value is HistoryRange {
  return (HISTORY_RANGES as readonly string[]).includes(value);
}

/** One row of a history export: a sample, or a bucket with its spread. */
export interface HistoryRow {
  t: number;
  v: number;
  min?: number;
  max?: number;
}

/**
 * The CSV the window exports and `pulsebar history --csv` prints: a header naming the time column,
 * ISO 8601 UTC times, one row per sample or bucket; min and max are empty for a single sample.
 */
export function historyCsv(rows: readonly HistoryRow[]): string {
  const lines = ['time,users,min,max'];
  for (const r of rows) {
    const users = Number.isInteger(r.v) ? String(r.v) : r.v.toFixed(1);
    lines.push(`${new Date(r.t).toISOString()},${users},${r.min ?? ''},${r.max ?? ''}`);
  }
  return `${lines.join('\n')}\n`;
}
