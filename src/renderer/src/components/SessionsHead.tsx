import { PROVIDER_NAMES } from '../../../shared/model';
import type { TargetRef } from '../stores/monitor-store';
import { useSessions } from '../stores/sessions-store';
import { useSessionGroups, type GroupBy } from '../stores/session-groups-store';
import { useUi } from '../stores/ui-store';
import { ago } from '../time-format';
import { Icon } from './Icon';

/** The Sessions view's head: which target, reload, and how the list is grouped — one line in the panel. */
export function SessionsHead({ target, targets, onReload }: { target: TargetRef; targets: readonly TargetRef[]; onReload: () => void }) {
  const openTarget = useUi((s) => s.openTarget);
  const loading = useSessions((s) => s.loading);
  const loadedAt = useSessions((s) => s.loadedAt);
  const groups = useSessionGroups();
  return (
    <div className="toolbar sessions-head">
      <select
        aria-label="Target"
        className="target-picker"
        value={`${target.accountId}\u0000${target.targetId}`}
        onChange={(e) => {
          const [a, t] = e.target.value.split('\u0000');
          if (a && t) openTarget(a, t);
        }}
      >
        {targets.map((t) => (
          <option key={`${t.accountId}:${t.targetId}`} value={`${t.accountId}\u0000${t.targetId}`}>
            {t.label}
            {t.parent ? ` in ${t.parent.label}` : ''} · {t.accountLabel} ({PROVIDER_NAMES[t.provider]})
          </option>
        ))}
      </select>
      <button
        type="button"
        className="icon-button"
        aria-label="Reload sessions"
        title={loading || groups.loading ? 'Loading…' : loadedAt ? `Reload (loaded ${ago(loadedAt)})` : 'Reload'}
        disabled={loading || groups.loading}
        onClick={onReload}
      >
        <Icon name="refresh" />
      </button>
      {/* No visible "Group by" word: the options say it ("By game"), which keeps the head on one line. */}
      <select aria-label="Group by" className="group-by" value={groups.by} onChange={(e) => groups.setBy(e.target.value as GroupBy)}>
        <option value="list">List</option>
        <option value="game">By game</option>
        <option value="server">By server</option>
        <option value="key">By key</option>
      </select>
    </div>
  );
}
