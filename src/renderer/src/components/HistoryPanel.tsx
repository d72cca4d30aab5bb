import { useEffect, useState } from 'react';
import { HISTORY_RANGE_MS, HISTORY_RANGES, historyCsv } from '../../../shared/history-ranges';
import type { HistoryPoint, HistoryRange } from '../../../shared/ipc-contract';
import { describeFailure } from '../api';
import { downloadText, fileSlug } from '../file-download';
import type { SeriesOption } from '../series-options';
import { useMonitor } from '../stores/monitor-store';
import { TimeChart } from './TimeChart';
import './HistoryPanel.css';

export type { SeriesOption } from '../series-options';

/** "30d" → "30 d": the button text for each range of the shared list. */
const rangeLabel = (r: HistoryRange) => r.replace(/^(\d+)/, '$1 ');

/**
 * The history chart of one series (total, an account, or a target) over a chosen range, and its
 * export as the same CSV `pulsebar history --csv` prints. With `seriesKey` (an option's key) the
 * series is chosen by the parent (Insights) and the panel shows no picker of its own.
 */
export function HistoryPanel({ options, seriesKey: fixedKey, chartHeight }: { options: SeriesOption[]; seriesKey?: string; chartHeight?: number | undefined }) {
  const [ownKey, setSeriesKey] = useState<string | null>(null);
  const seriesKey = fixedKey ?? ownKey;
  const [range, setRange] = useState<HistoryRange>('1h');
  const [points, setPoints] = useState<HistoryPoint[]>([]);
  const [error, setError] = useState<string | null>(null);
  // Refetch when a poll lands, so the chart moves with the live numbers.
  const at = useMonitor((s) => s.snapshot?.at ?? 0);
  const selected = options.find((o) => o.key === seriesKey) ?? options[0];

  useEffect(() => {
    if (!selected) return;
    let live = true;
    useMonitor.getState().history(selected.series, range)
      .then((p) => live && (setPoints(p), setError(null)))
      .catch((err) => live && setError(describeFailure(err)));
    return () => {
      live = false;
    };
  }, [selected?.key, range, range === '1h' ? at : Math.floor(at / 60_000)]);

  // Every kept sample or bucket of the range, not the chart's folded points: the same rows and format
  // as `pulsebar history --csv`, from the same formatter.
  const exportCsv = () => {
    if (!selected) return;
    const stamp = new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-');
    useMonitor.getState().history(selected.series, range, true)
      .then((rows) => downloadText(`pulsebar-${fileSlug(selected.label)}-${range}-${stamp}.csv`, historyCsv(rows)))
      .catch((err) => setError(describeFailure(err)));
  };

  return (
    <section className="panel" aria-labelledby="history-title">
      <div className="panel-head">
        <h2 id="history-title">History</h2>
        <span className="muted small">live users</span>
        {fixedKey === undefined && (
          <select className="history-series" aria-label="Chart series" value={selected?.key} onChange={(e) => setSeriesKey(e.target.value)}>
            {options.map((o) => (
              <option key={o.key} value={o.key}>
                {o.label}
              </option>
            ))}
          </select>
        )}
        <div className="segmented" role="radiogroup" aria-label="Chart range">
          {HISTORY_RANGES.map((r) => (
            <button
              key={r}
              type="button"
              role="radio"
              aria-checked={range === r}
              aria-label={`Last ${rangeLabel(r)}`}
              onClick={() => setRange(r)}
            >
              {rangeLabel(r)}
            </button>
          ))}
        </div>
        <button type="button" disabled={points.length === 0} onClick={exportCsv} title="Download the series and range shown as CSV">
          Export CSV
        </button>
      </div>
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : (
        <TimeChart label={`${selected?.label ?? 'Total'} over ${range}`} points={points} spanMs={HISTORY_RANGE_MS[range]} {...(chartHeight ? { height: chartHeight } : {})} />
      )}
    </section>
  );
}
