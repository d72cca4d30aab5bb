import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useThemeVersion } from '../theme-version';
import { axisTimeLabels, clock, count } from '../time-format';

interface TimeChartProps {
  /** Accessible name: charts are canvases, so the label and summary carry the meaning. */
  label: string;
  /** Epoch ms and values, oldest first; min/max when a point folds several samples. */
  points: Array<{ t: number; v: number; min?: number; max?: number }>;
  height?: number;
  bars?: boolean;
  seriesLabel?: string;
  /** Show this many ms up to now, however few points there are (a young history otherwise spans years). */
  spanMs?: number;
  /** Shown over an empty chart: why there is nothing to draw. */
  emptyText?: string;
  /** Bars per day: the x range is padded by half a day each side so the outer bars are whole. */
  daily?: boolean;
}

/** "Sat 28 Nov, 21:05 · 412 users (390–430)": one point under the pointer, in the user's locale. */
export function readout(p: { t: number; v: number; min?: number; max?: number }, seriesLabel: string, daily = false): string {
  const when = new Date(p.t).toLocaleString(undefined, daily ? { weekday: 'short', day: 'numeric', month: 'short' } : { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  const spread = p.min !== undefined && p.max !== undefined && p.min !== p.max ? ` (${count(p.min)}–${count(p.max)})` : '';
  return `${when} · ${count(Math.round(p.v))} ${seriesLabel.toLowerCase()}${spread}`;
}

const cssVar = (name: string, fallback: string) =>
  getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;

/** Index of the highest point (the first of equals), or -1 when there is nothing above zero. */
export function peakIndex(values: ArrayLike<number | null | undefined>): number {
  let at = -1;
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v != null && v > max) {
      max = v;
      at = i;
    }
  }
  return at;
}

/** The peak as a ringed dot with its number, drawn on the plot's canvas after each redraw. */
function drawPeak(u: uPlot, colours: { accent: string; ink: string; surface: string }): void {
  const xs = u.data[0];
  const ys = u.data[1];
  if (!xs || !ys) return;
  const i = peakIndex(ys);
  if (i < 0) return;
  const value = ys[i]!;
  const ratio = uPlot.pxRatio;
  const x = u.valToPos(xs[i]!, 'x', true);
  const y = u.valToPos(value, 'y', true);
  const { ctx, bbox } = u;
  ctx.save();
  ctx.beginPath();
  ctx.arc(x, y, 4 * ratio, 0, 2 * Math.PI);
  ctx.fillStyle = colours.accent;
  ctx.strokeStyle = colours.surface;
  ctx.lineWidth = 2 * ratio;
  ctx.fill();
  ctx.stroke();
  ctx.font = `600 ${11 * ratio}px system-ui, sans-serif`;
  ctx.fillStyle = colours.ink;
  // Near the right edge the label goes to the left of the dot, so it is never cut.
  ctx.textAlign = x > bbox.left + bbox.width * 0.75 ? 'right' : 'left';
  ctx.textBaseline = 'bottom';
  const dx = ctx.textAlign === 'right' ? -7 * ratio : 7 * ratio;
  ctx.fillText(`peak ${count(value)}`, x + dx, Math.max(bbox.top + 13 * ratio, y - 3 * ratio));
  ctx.restore();
}

/**
 * A uPlot time series that follows its container's width and the theme's colours (a live theme
 * change redraws it: useThemeVersion), with its peak marked.
 */
export function TimeChart({
  label,
  points,
  height = 160,
  bars = false,
  seriesLabel = 'Users',
  spanMs,
  emptyText = 'No history yet',
  daily = false,
}: TimeChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  // The point under the pointer, read out above the chart (time, value and spread).
  const [hover, setHover] = useState<number | null>(null);
  const shown = useRef(points);
  shown.current = points;
  const theme = useThemeVersion();
  // The colour the plot was drawn with, on the element: what a theme change must update.
  const [drawnWith, setDrawnWith] = useState('');

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const ink = cssVar('--ink-muted', '#888');
    const accent = cssVar('--accent', '#3b82f6');
    const grid = cssVar('--line', '#8883');
    const peakColours = { accent, ink: cssVar('--ink', '#111'), surface: cssVar('--surface', '#fff') };
    setDrawnWith(accent);
    const opts: uPlot.Options = {
      width: Math.max(200, el.clientWidth),
      height,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      hooks: { setCursor: [(u) => setHover(u.cursor.idx ?? null)], draw: [(u) => drawPeak(u, peakColours)] },
      scales: {
        x: { time: true, auto: false },
        y: { range: (_u, _min, max) => [0, Math.max(5, Math.ceil((max || 0) * 1.15))] },
      },
      axes: [
        {
          stroke: ink,
          grid: { stroke: grid, width: 1 },
          ticks: { stroke: grid },
          // Locale times and dates (uPlot's defaults are US-style); room for a second line with the date.
          size: 44,
          // Locale labels ("11:05 AM") are wider than uPlot's defaults: keep ticks far enough apart not to collide.
          space: 80,
          values: (_u, splits, _axis, _space, incr) => axisTimeLabels(splits, incr),
        },
        {
          stroke: ink,
          grid: { stroke: grid, width: 1 },
          ticks: { stroke: grid },
          size: 48,
          values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? count(v) : '')),
        },
      ],
      series: [
        {},
        {
          label: seriesLabel,
          stroke: accent,
          width: 1.5,
          fill: `${accent}22`,
          points: { show: (u: uPlot) => (u.data[0]?.length ?? 0) < 40, size: 5 },
          ...(bars ? { paths: uPlot.paths.bars!({ size: [0.6, 40] }), fill: accent } : {}),
        },
      ],
    };
    plot.current = new uPlot(opts, [[], []], el);
    // A plot made anew (taller in the wide window, new theme colours) shows the points it already had.
    drawRef.current(plot.current, shown.current);
    const resize = new ResizeObserver(() => {
      plot.current?.setSize({ width: Math.max(200, el.clientWidth), height });
    });
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
  }, [height, bars, seriesLabel, theme]);

  /** Draws the points on the plot (also on a plot made anew: a new height or theme, with the same points). */
  const draw = (u: uPlot, points: TimeChartProps['points']) => {
    u.setData([points.map((p) => p.t / 1000), points.map((p) => p.v)], false);
    // Up to the chosen span, but no wider than the history there is (at least 10 minutes), so a young
    // history fills the chart instead of hugging its right edge. "Now" is the newest sample: main's clock.
    const last = points[points.length - 1]?.t ?? Date.now();
    const first = points[0]?.t ?? last;
    const end = last / 1000;
    if (daily) {
      // Whole days: at least a week wide, half a day of room either side so the outer bars are not cut.
      const start = Math.min(first / 1000, end - 6 * 86_400);
      u.setScale('x', { min: start - 43_200, max: end + 43_200 });
      return;
    }
    const start = spanMs ? Math.max(end - spanMs / 1000, Math.min(first / 1000, end - 600)) : Math.min(first / 1000, end - 600);
    u.setScale('x', { min: start, max: end + (end - start) * 0.02 });
  };
  const drawRef = useRef(draw);
  drawRef.current = draw;

  useEffect(() => {
    if (plot.current) draw(plot.current, points);
  }, [points, spanMs, daily]);

  const last = points[points.length - 1];
  const peakAt = peakIndex(points.map((p) => p.v));
  const peakPoint = peakAt >= 0 ? points[peakAt] : undefined;
  const peak = peakPoint?.v ?? 0;
  const summary = last ? `${points.length} points, latest ${last.v}, peak ${peak}` : 'no data yet';
  const at = hover !== null ? points[hover] : undefined;
  return (
    // The figure keeps its own role (its captions are text); the drawing inside is the image.
    <figure className="chart">
      {at && (
        <div className="chart-readout" aria-hidden="true">
          {readout(at, seriesLabel, daily)}
        </div>
      )}
      <div ref={host} className="chart-canvas" role="img" aria-label={`${label}: ${summary}`} data-stroke={drawnWith} />
      {peakPoint && !daily && (
        <figcaption className="muted small chart-peak">
          Peak {count(Math.round(peakPoint.v))} at {clock(peakPoint.t)}
        </figcaption>
      )}
      {points.length === 0 && <figcaption className="muted chart-empty">{emptyText}</figcaption>}
    </figure>
  );
}
