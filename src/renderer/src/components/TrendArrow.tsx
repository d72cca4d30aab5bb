/** Change over the last 10 minutes as an arrow with its number; the words go to screen readers. */
export function TrendArrow({ trend }: { trend: number | null }) {
  if (trend == null) {
    // Not a stray dot: say why there is no arrow yet.
    const why = 'trend shown after 10 minutes of data';
    return (
      <span className="trend trend-none" aria-label={why} title={why}>
        –
      </span>
    );
  }
  const dir = trend > 0 ? 'up' : trend < 0 ? 'down' : 'flat';
  // Steady is "±0", not a sideways triangle: "▶" reads as a play button.
  const arrow = dir === 'up' ? '▲' : dir === 'down' ? '▼' : '±0';
  const words = dir === 'flat' ? 'steady over 10 minutes' : `${dir} ${Math.abs(trend)} in 10 minutes`;
  return (
    <span className={`trend trend-${dir}`} aria-label={words} title={words}>
      {arrow}
      {dir !== 'flat' && <span aria-hidden="true"> {Math.abs(trend)}</span>}
    </span>
  );
}
