import { create } from 'zustand';
import type { Insights } from '../../../shared/insights';
import { seriesIdentity, TOTAL_SERIES, type SeriesRef } from '../../../shared/series-ref';
import { call, describeFailure } from '../api';

/** The Insights view's series and what main computed for it. */
interface InsightsState {
  series: SeriesRef;
  /** The series' identity (seriesIdentity), to compare picks. */
  key: string;
  insights: Insights | null;
  /** The key `insights` belongs to (a slow answer for an earlier pick is dropped). */
  loadedKey: string | null;
  error: string | null;
  pick(series: SeriesRef): void;
  load(): Promise<void>;
}

export const useInsights = create<InsightsState>()((set, get) => ({
  series: TOTAL_SERIES,
  key: seriesIdentity(TOTAL_SERIES),
  insights: null,
  loadedKey: null,
  error: null,
  pick(series) {
    set({ series, key: seriesIdentity(series) });
  },
  async load() {
    const { key, series } = get();
    try {
      const insights = await call('monitor:insights', { series });
      if (get().key === key) set({ insights, loadedKey: key, error: null });
    } catch (err) {
      if (get().key === key) set({ error: `Insights could not be computed: ${describeFailure(err)}` });
    }
  },
}));

/** "+12 %" / "−8 %" / "±0 %" of now against a reference; null when either is missing or the reference is 0. */
export function percentChange(now: number | null, reference: number | null): string | null {
  if (now == null || reference == null || reference === 0) return null;
  const pct = Math.round(((now - reference) / reference) * 100);
  return pct === 0 ? '±0 %' : pct > 0 ? `+${pct} %` : `−${-pct} %`;
}
