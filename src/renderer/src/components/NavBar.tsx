import { useUi, type ViewId } from '../stores/ui-store';
import { Icon, type IconName } from './Icon';

const VIEWS: Array<{ id: ViewId; label: string; glyph: IconName }> = [
  { id: 'overview', label: 'Overview', glyph: 'overview' },
  { id: 'sessions', label: 'Sessions', glyph: 'sessions' },
  { id: 'scripts', label: 'Scripts', glyph: 'scripts' },
  { id: 'alerts', label: 'Alerts', glyph: 'alerts' },
  { id: 'accounts', label: 'Accounts', glyph: 'accounts' },
  { id: 'settings', label: 'Settings', glyph: 'settings' },
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
          <Icon name={v.glyph} />
          <span className="nav-label">{v.label}</span>
        </button>
      ))}
    </nav>
  );
}
