import { count } from '../time-format';

/** Monday first, as main's heatmap is (2024-01-01 was a Monday); names in the user's locale. */
const DAYS = Array.from({ length: 7 }, (_, i) => ({
  short: new Date(2024, 0, 1 + i).toLocaleDateString(undefined, { weekday: 'short' }),
  long: new Date(2024, 0, 1 + i).toLocaleDateString(undefined, { weekday: 'long' }),
}));
const hourLabel = (h: number) => new Date(2024, 0, 1, h).toLocaleTimeString(undefined, { hour: 'numeric' });

/**
 * Share of the accent colour over the surface for a value: 12 % for the quietest hour with data up to
 * 100 % for the busiest, so an hour with a few users still differs from one with none (no colour).
 */
export function heatShare(value: number, max: number): number {
  if (max <= 0) return 12;
  return Math.round(12 + (88 * value) / max);
}

/**
 * "When are my users online": a 7 × 24 table, days down and hours across, each cell's mean in words
 * for screen readers (hidden text) and on hover (title). Colours mix the theme's accent into its
 * surface, so the scale reads in the light and the dark theme alike.
 */
export function InsightsHeatmap({ heatmap, seriesLabel }: { heatmap: Array<Array<number | null>>; seriesLabel: string }) {
  const max = Math.max(0, ...heatmap.flat().map((v) => v ?? 0));
  return (
    <div className="heatmap-scroll" tabIndex={0} role="region" aria-label="Heatmap (scrolls sideways)">
      <table className="heatmap">
        <caption className="visually-hidden">Average users online by day of week and hour, {seriesLabel}</caption>
        <thead>
          <tr>
            <td />
            {Array.from({ length: 24 }, (_, h) => (
              <th key={h} scope="col" abbr={hourLabel(h)}>
                {h % 3 === 0 ? String(h).padStart(2, '0') : <span className="visually-hidden">{String(h).padStart(2, '0')}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {heatmap.map((row, d) => (
            <tr key={d}>
              <th scope="row" abbr={DAYS[d]!.long}>
                {DAYS[d]!.short}
              </th>
              {row.map((v, h) => {
                const words = `${DAYS[d]!.long} ${hourLabel(h)}: ${v == null ? 'no data' : `${count(Math.round(v))} users on average`}`;
                return (
                  <td
                    key={h}
                    title={words}
                    className={v == null ? 'heat-none' : undefined}
                    style={v == null ? undefined : { background: `color-mix(in srgb, var(--accent) ${heatShare(v, max)}%, var(--surface))` }}
                  >
                    <span className="visually-hidden">{words}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small heatmap-legend">
        Lighter: fewer users; stronger: more (busiest hour {count(Math.round(max))}). Blank: no data. In your time zone.
      </p>
    </div>
  );
}
