import { useState } from 'react';
import type { ProviderCapabilities } from '../../../shared/ipc-contract';
import type { TargetRef } from '../stores/monitor-store';
import { useSessions } from '../stores/sessions-store';

export type BulkRequest =
  | { type: 'message'; sessionIds: string[] }
  | { type: 'disconnect'; sessionIds: string[] }
  | { type: 'message-scope'; scope: { hubId: string } | { key: string }; label: string; count: number | null; shown?: number | null }
  | { type: 'disconnect-scope'; scope: { hubId: string } | { key: string }; label: string; count: number | null; shown?: number | null };

interface BulkActionsProps {
  target: TargetRef;
  capabilities: ProviderCapabilities | undefined;
  visibleIds: string[];
  onRequest: (request: BulkRequest) => void;
  /** Why acting is not possible right now (e.g. the list failed to load), or null. */
  blocked?: string | null;
}

/** LuaProt acts on a whole hub or key, so its bulk actions pick a scope instead of rows. */
function ScopeActions({ target, onRequest, blocked, visibleIds }: Pick<BulkActionsProps, 'target' | 'onRequest' | 'blocked' | 'visibleIds'>) {
  const sessions = useSessions((s) => s.sessions);
  const [by, setBy] = useState<'hub' | 'key'>(target.kind === 'key' ? 'key' : 'hub');
  const [key, setKey] = useState(target.kind === 'key' ? target.targetId : '');
  const hubScope = target.kind === 'hub';
  const scope = by === 'hub' && hubScope ? { hubId: target.targetId } : key.trim() ? { key: key.trim() } : null;
  const label = by === 'hub' && hubScope ? `hub ${target.label}` : `key ${key.trim()}`;
  const known = by === 'hub' && hubScope ? sessions.length : sessions.filter((s) => s.userKey === key.trim()).length || null;
  // The hub-wide action reaches everyone listed, not the filter: the review quotes both and asks.
  const shown = by === 'hub' && hubScope && known !== null && visibleIds.length !== known ? visibleIds.length : null;
  // Nobody listed in the hub: nothing to message or disconnect.
  const disabled = !scope || Boolean(blocked) || known === 0;
  return (
    <div className="bulk-bar" role="group" aria-label="Bulk actions">
      <select aria-label="Bulk scope" value={by} onChange={(e) => setBy(e.target.value as 'hub' | 'key')}>
        {hubScope && <option value="hub">Everyone in this hub</option>}
        <option value="key">Everyone using a key</option>
      </select>
      {by === 'key' && <input aria-label="Key for bulk action" placeholder="User key" value={key} onChange={(e) => setKey(e.target.value)} />}
      <button type="button" disabled={disabled} onClick={() => scope && onRequest({ type: 'message-scope', scope, label, count: known, shown })}>
        Message all
      </button>
      <button
        type="button"
        className="danger"
        disabled={disabled}
        onClick={() => scope && onRequest({ type: 'disconnect-scope', scope, label, count: known, shown })}
      >
        Disconnect all
      </button>
      {shown !== null && !blocked && (
        <span className="muted small">
          Acts on everyone in the hub ({known?.toLocaleString()}), not only the {shown.toLocaleString()} shown.
        </span>
      )}
      {blocked && <span className="muted small">{blocked}</span>}
    </div>
  );
}

/**
 * "Select all shown" / "Clear": beside the pager rather than in the bulk bar, since the bar shows only
 * once something is selected. Only for providers that act on selected rows.
 */
export function SelectionToggle({ visibleIds }: { visibleIds: string[] }) {
  const selected = useSessions((s) => s.selected);
  const selectOnly = useSessions((s) => s.selectOnly);
  const clear = useSessions((s) => s.clearSelection);
  const all = selected.size === visibleIds.length && selected.size > 0;
  return (
    <button
      type="button"
      disabled={visibleIds.length === 0}
      aria-label={all ? 'Clear selection' : 'Select all shown'}
      onClick={() => (all ? clear() : selectOnly(visibleIds))}
    >
      {all ? 'Clear' : 'Select all'}
    </button>
  );
}

/**
 * Bulk message and disconnect: by selected ids (LuaAuth: the bar shows only while rows are selected),
 * by scope (LuaProt: always, it needs no selection), or disabled with the reason (Junkie).
 */
export function BulkActions({ target, capabilities, visibleIds, onRequest, blocked = null }: BulkActionsProps) {
  const selected = useSessions((s) => s.selected);

  if (!capabilities?.bulk) {
    return (
      <div className="bulk-bar bulk-bar-none" role="group" aria-label="Bulk actions">
        {/* Short words on screen (the reason needs the room); the names keep the actions' full names. */}
        <button type="button" disabled aria-label="Message selected" aria-describedby="no-bulk-reason">
          Message
        </button>
        <button type="button" disabled aria-label="Disconnect selected" aria-describedby="no-bulk-reason">
          Disconnect
        </button>
        <span id="no-bulk-reason" className="muted small">
          {capabilities?.reason ?? 'This provider has no session actions.'}
        </span>
      </div>
    );
  }
  if (capabilities.bulk === 'scope') return <ScopeActions target={target} onRequest={onRequest} blocked={blocked} visibleIds={visibleIds} />;

  const ids = [...selected];
  if (ids.length === 0) return null;
  return (
    <div className="bulk-bar bulk-bar-selection" role="group" aria-label="Bulk actions">
      <span className="bulk-count">{ids.length} selected</span>
      <button type="button" disabled={Boolean(blocked)} onClick={() => onRequest({ type: 'message', sessionIds: ids })}>
        Message selected
      </button>
      <button type="button" className="danger" disabled={Boolean(blocked)} onClick={() => onRequest({ type: 'disconnect', sessionIds: ids })}>
        Disconnect selected
      </button>
      {blocked && <span className="muted small">{blocked}</span>}
    </div>
  );
}
