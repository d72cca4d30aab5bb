import { useUi, type ViewId } from '../stores/ui-store';

const VIEWS: Array<{ id: ViewId; label: string; glyph: string }> = [
  { id: 'overview', label: 'Overview', glyph: '◉' },
  { id: 'sessions', label: 'Sessions', glyph: '☰' },
  { id: 'scripts', label: 'Scripts', glyph: '⚙' },
  { id: 'alerts', label: 'Alerts', glyph: '🔔' },
  { id: 'accounts', label: 'Accounts', glyph: '⚿' },
  { id: 'settings', label: 'Settings', glyph: '⋯' },
];

/** View switcher: a tab row in the compact panel, a sidebar when the window is wide. */
export function NavBar() {
  const view = useUi((s) => s.view);
  const show = useUi((s) => s.show);
  return (
    <nav className="nav" aria-label="Views">
      {VIEWS.map((v) => (
        <button
          key={v.id}
          type="button"
          className="nav-button"
          aria-current={view === v.id ? 'page' : undefined}
          onClick={() => show(v.id)}
        >
          <span className="nav-glyph" aria-hidden="true">
            {v.glyph}
          </span>
          <span className="nav-label">{v.label}</span>
        </button>
      ))}
    </nav>
  );
}
