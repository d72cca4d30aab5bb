import { useEffect, useMemo } from 'react';
import { PEAK_WINDOWS, type PeakWindow } from '../../../shared/insights';
import { HistoryPanel } from '../components/HistoryPanel';
import { InsightsHeatmap } from '../components/InsightsHeatmap';
import { seriesOptions } from '../series-options';
import { percentChange, useInsights } from '../stores/insights-store';
import { useMonitor } from '../stores/monitor-store';
import { count, dateHour, dateTime } from '../time-format';

const PEAK_WORDS: Record<PeakWindow, string> = { today: 'Peak today', '7d': 'Peak 7 days', '30d': 'Peak 30 days', '90d': 'Peak 90 days' };

function Comparison({ label, now, reference }: { label: string; now: number | null; reference: number | null }) {
  const change = percentChange(now, reference);
  return (
    <div className="stat-card card" role="group" aria-label={label}>
      <span className="muted small">{label}</span>
      <strong className="stat-value">{reference == null ? '—' : count(Math.round(reference))}</strong>
      <span className={`small ${change?.startsWith('+') ? 'change-up' : change?.startsWith('−') ? 'change-down' : 'muted'}`}>
        {change ? `this hour ${change}` : 'no data to compare'}
      </span>
    </div>
  );
}

/**
 * Insights of one series from the kept history (computed in main): peaks with their time, the 7-day
 * average, this hour against the same hour before, when users are online, and the history chart.
 */
export function InsightsView() {
  const snapshot = useMonitor((s) => s.snapshot);
  const { key, insights, loadedKey, error, pick, load } = useInsights();
  const options = useMemo(() => seriesOptions(snapshot), [snapshot?.accounts]);
  const selected = options.find((o) => o.key === key) ?? options[0]!;
  // Recomputed when the series changes and once a minute of polls (peaks and this hour move slowly).
  const minute = Math.floor((snapshot?.at ?? 0) / 60_000);

  useEffect(() => {
    if (selected.key !== key) pick(selected.series);
  }, [selected.key, key, pick]);
  useEffect(() => {
    void load();
  }, [key, minute, load]);

  const shown = loadedKey === key ? insights : null;
  return (
    <div className="insights-view">
      <div className="panel-head">
        <label className="field field-inline">
          <span>Series</span>
          <select value={selected.key} onChange={(e) => pick((options.find((o) => o.key === e.target.value) ?? selected).series)}>
            {options.map((o) => (
              <option key={o.key} value={o.key}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {!shown ? (
        !error && <p className="muted">Working out insights…</p>
      ) : (
        <>
          <section aria-labelledby="peaks-title">
            <h2 id="peaks-title" className="section-title">
              Peaks
            </h2>
            <ul className="stat-grid" aria-label="Peaks">
              {PEAK_WINDOWS.map((w) => {
                const p = shown.peak[w];
                return (
                  <li key={w} className="stat-card card" aria-label={PEAK_WORDS[w]}>
                    <span className="muted small">{PEAK_WORDS[w]}</span>
                    <strong className="stat-value">{p ? count(p.value) : '—'}</strong>
                    <span className="muted small">{p ? (p.hour ? dateHour(p.at) : dateTime(p.at)) : 'no data'}</span>
                  </li>
                );
              })}
            </ul>
          </section>
          <section aria-labelledby="hours-title">
            <h2 id="hours-title" className="section-title">
              This hour
            </h2>
            <div className="stat-grid">
              <div className="stat-card card" role="group" aria-label="Last hour">
                <span className="muted small">Last hour (average)</span>
                <strong className="stat-value">{shown.lastHour == null ? '—' : count(Math.round(shown.lastHour))}</strong>
                <span className="muted small">7-day average {shown.average7d == null ? '—' : count(Math.round(shown.average7d))}</span>
              </div>
              <Comparison label="Same hour yesterday" now={shown.lastHour} reference={shown.sameHourYesterday} />
              <Comparison label="Same hour last week" now={shown.lastHour} reference={shown.sameHourLastWeek} />
            </div>
          </section>
          <section aria-labelledby="heatmap-title">
            <h2 id="heatmap-title" className="section-title">
              When your users are online
            </h2>
            <InsightsHeatmap heatmap={shown.heatmap} seriesLabel={selected.label} />
          </section>
        </>
      )}
      <HistoryPanel options={options} seriesKey={selected.key} />
    </div>
  );
}
