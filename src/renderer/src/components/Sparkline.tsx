/**
 * Last hour of a target as a tiny SVG line; SVG attributes keep it CSP-clean and cheap to redraw.
 * It stretches to the card's width (preserveAspectRatio none) with strokes that keep their width.
 */
export function Sparkline({ values, label }: { values: number[]; label: string }) {
  const width = 120;
  const height = 28;
  if (values.length === 0) {
    return <svg className="sparkline" width={width} height={height} role="img" aria-label={`${label}: no data yet`} />;
  }
  if (values.length === 1) {
    // One sample so far: a flat line ending in a dot, rather than an empty card.
    return (
      <svg className="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" role="img" aria-label={`${label}: ${values[0]} so far`}>
        <line vectorEffect="non-scaling-stroke" x1="0" x2={width - 3} y1={height / 2} y2={height / 2} stroke="currentColor" strokeWidth="1" strokeDasharray="2 3" opacity="0.5" />
        <circle cx={width - 3} cy={height / 2} r="2.5" fill="currentColor" />
      </svg>
    );
  }
  const max = Math.max(...values);
  const min = Math.min(...values);
  const span = max - min || 1;
  const step = width / (values.length - 1);
  const points = values
    .map((v, i) => `${(i * step).toFixed(1)},${(height - 2 - ((v - min) / span) * (height - 4)).toFixed(1)}`)
    .join(' ');
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={`${label}: last hour from ${values[0]} to ${values[values.length - 1]}, peak ${max}`}
    >
      <polyline vectorEffect="non-scaling-stroke" points={points} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
    </svg>
  );
}
