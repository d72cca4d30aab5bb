/**
 * Stroke icons drawn as inline SVG: no icon font to load (the CSP allows none from elsewhere) and no
 * reliance on the system having glyphs for ⏸ or 🔔, which minimal Linux installs lack.
 */
const PATHS = {
  refresh: 'M20 11a8 8 0 1 0-2.3 5.7M20 4v7h-7',
  pause: 'M8 5v14M16 5v14',
  play: 'M7 4l13 8-13 8z',
  detach: 'M14 4h6v6M20 4l-8 8M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5',
  hide: 'M6 9l6 6 6-6',
  overview: 'M3 12h4l3-8 4 16 3-8h4',
  // A small grid of cells: the heatmap.
  insights: 'M4 4h4v4H4zM10 4h4v4h-4zM16 4h4v4h-4zM4 10h4v4H4zM10 10h4v4h-4zM16 10h4v4h-4zM4 16h4v4H4zM10 16h4v4h-4zM16 16h4v4h-4z',
  sessions: 'M8 6h13M8 12h13M8 18h13M3 6h.01M3 12h.01M3 18h.01',
  scripts: 'M9 8l-5 4 5 4M15 8l5 4-5 4',
  alerts: 'M18 16V11a6 6 0 0 0-12 0v5l-2 2h16zM10 21h4',
  accounts: 'M15 7a4 4 0 1 1-8 0 4 4 0 0 1 8 0zM3 21v-1a7 7 0 0 1 14 0v1M19 8v6M16 11h6',
  // A triangle with a mark: something needs attention.
  attention: 'M12 3l10 18H2zM12 10v5M12 18h.01',
  // The alerts bell, struck through: alerts paused.
  alertsOff: 'M18 16V11a6 6 0 0 0-12 0v5l-2 2h16zM10 21h4M3 3l18 18',
  settings: 'M4 6h10M18 6h2M4 12h4M12 12h8M4 18h12M20 18h0M14 4v4M8 10v4M16 16v4',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 16 }: { name: IconName; size?: number }) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
