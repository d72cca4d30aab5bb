/**
 * Where the detached window comes back: its saved bounds, moved (and shrunk if need be) into the work
 * area of the display it overlaps most, or of the nearest one when it overlaps none (the monitor it was
 * on was unplugged), so it never opens off-screen. Pure so it is tested without Electron.
 */
import type { Rect } from './panel-position';

export function visibleBounds(saved: Rect, workAreas: readonly Rect[]): Rect {
  const area = displayFor(saved, workAreas);
  if (!area) return saved;
  const width = Math.min(saved.width, area.width);
  const height = Math.min(saved.height, area.height);
  return {
    x: clamp(saved.x, area.x, area.x + area.width - width),
    y: clamp(saved.y, area.y, area.y + area.height - height),
    width,
    height,
  };
}

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(max, value));

/** The work area sharing the most surface with `rect`; with none shared, the one nearest its centre. */
function displayFor(rect: Rect, areas: readonly Rect[]): Rect | undefined {
  let best: Rect | undefined;
  let bestOverlap = 0;
  for (const area of areas) {
    const overlap = overlapOf(rect, area);
    if (overlap > bestOverlap) [best, bestOverlap] = [area, overlap];
  }
  if (best) return best;
  const cx = rect.x + rect.width / 2;
  const cy = rect.y + rect.height / 2;
  const distance = (area: Rect) => Math.hypot(cx - clamp(cx, area.x, area.x + area.width), cy - clamp(cy, area.y, area.y + area.height));
  return [...areas].sort((a, b) => distance(a) - distance(b))[0];
}

function overlapOf(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}
