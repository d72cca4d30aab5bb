import { useEffect, useState } from 'react';
import type { HistoryPoint, HistoryRange } from '../../../shared/ipc-contract';
import { call, describeFailure } from '../api';
import { useMonitor } from '../stores/monitor-store';
import { TimeChart } from './TimeChart';

const RANGES: Array<{ id: HistoryRange; label: string; ms: number }> = [
  { id: '1h', label: '1 h', ms: 3_600_000 },
  { id: '24h', label: '24 h', ms: 86_400_000 },
  { id: '7d', label: '7 d', ms: 7 * 86_400_000 },
];

export interface SeriesOption {
  key: string;
  label: string;
}

/** The history chart of one series (total, an account, or a target) over a chosen range. */
export function HistoryPanel({ options }: { options: SeriesOption[] }) {
  const [seriesKey, setSeriesKey] = useState('total');
  const [range, setRange] = useState<HistoryRange>('1h');
  const [points, setPoints] = useState<HistoryPoint[]>([]);
  const [error, setError] = useState<string | null>(null);
  // Refetch when a poll lands, so the chart moves with the live numbers.
  const at = useMonitor((s) => s.snapshot?.at ?? 0);
  const selected = options.find((o) => o.key === seriesKey) ?? options[0];

  useEffect(() => {
    if (!selected) return;
    let live = true;
    call('monitor:history', { key: selected.key, range })
      .then((p) => live && (setPoints(p), setError(null)))
      .catch((err) => live && setError(describeFailure(err)));
    return () => {
      live = false;
    };
  }, [selected?.key, range, range === '1h' ? at : Math.floor(at / 60_000)]);

  return (
    <section className="panel" aria-labelledby="history-title">
      <div className="panel-head">
        <h2 id="history-title">History</h2>
        <span className="muted small">live users</span>
        <select aria-label="Chart series" value={selected?.key ?? 'total'} onChange={(e) => setSeriesKey(e.target.value)}>
          {options.map((o) => (
            <option key={o.key} value={o.key}>
              {o.label}
            </option>
          ))}
        </select>
        <div className="segmented" role="radiogroup" aria-label="Chart range">
          {RANGES.map((r) => (
            <button
              key={r.id}
              type="button"
              role="radio"
              aria-checked={range === r.id}
              aria-label={`Last ${r.label}`}
              onClick={() => setRange(r.id)}
            >
              {r.label}
            </button>
          ))}
        </div>
      </div>
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : (
        <TimeChart
          label={`${selected?.label ?? 'Total'} over ${range}`}
          points={points}
          spanMs={RANGES.find((r) => r.id === range)?.ms}
        />
      )}
    </section>
  );
}
