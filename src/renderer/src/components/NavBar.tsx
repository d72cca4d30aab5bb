import { useUi, VIEW_LABELS, type ViewId } from '../stores/ui-store';
import { Icon, type IconName } from './Icon';

const VIEWS: Array<{ id: ViewId; glyph: IconName }> = [
  { id: 'overview', glyph: 'overview' },
  { id: 'insights', glyph: 'insights' },
  { id: 'sessions', glyph: 'sessions' },
  { id: 'scripts', glyph: 'scripts' },
  { id: 'alerts', glyph: 'alerts' },
  { id: 'accounts', glyph: 'accounts' },
  { id: 'settings', glyph: 'settings' },
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
          <span className="nav-label">{VIEW_LABELS[v.id]}</span>
        </button>
      ))}
    </nav>
  );
}
