import type { ProviderCapabilities, SessionGroupsView } from '../../../shared/ipc-contract';
import { providerDescriptor } from '../../../shared/provider-descriptor';
import { PROVIDER_NAMES, type Session } from '../../../shared/model';
import type { SessionGroup } from '../../../shared/session-groups';
import { useSessionGroups, type GroupBy, type OpenGroup } from '../stores/session-groups-store';
import type { BulkRequest } from './BulkActions';
import { SessionList } from './SessionList';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const GROUP_WORD: Record<Exclude<GroupBy, 'list'>, string> = { game: 'game', server: 'server', key: 'key' };

function groupLabel(by: OpenGroup['by'], key: string, provider: SessionGroupsView['provider']): string {
  if (key === '') {
    if (by === 'game') return `Game not given by ${PROVIDER_NAMES[provider]}`;
    if (by === 'server') return `Server not given by ${PROVIDER_NAMES[provider]}`;
    return 'No key given';
  }
  if (by === 'game') return providerDescriptor(provider)?.gameIdKind === 'universe' ? `Universe ${key}` : `Place ${key}`;
  if (by === 'server') return `Server ${key}`;
  return `Key ${key}`;
}

function GroupRows({ by, groups, provider, onOpen }: { by: Exclude<GroupBy, 'list'>; groups: SessionGroup[]; provider: SessionGroupsView['provider']; onOpen: (g: OpenGroup) => void }) {
  const max = Math.max(1, ...groups.map((g) => g.count));
  if (groups.length === 0) return <p className="muted">Nobody is connected right now.</p>;
  return (
    <ul className="group-list" aria-label={`Sessions by ${GROUP_WORD[by]}`}>
      {groups.map((g) => {
        const label = groupLabel(by, g.key, provider);
        return (
          <li key={g.key}>
            <button type="button" className="group-row" onClick={() => onOpen({ by, key: g.key })} aria-label={`${label}: ${plural(g.count, 'session')}`}>
              <span className="group-name" title={g.key}>
                {label}
              </span>
              <span className="group-count">{g.count}</span>
              <span className="group-bar" aria-hidden="true">
                <span style={{ width: `${(g.count / max) * 100}%` }} />
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

interface SessionGroupsProps {
  view: SessionGroupsView;
  by: Exclude<GroupBy, 'list'>;
  capabilities: ProviderCapabilities | undefined;
  onRequest: (request: BulkRequest) => void;
  onOpenSession: (session: Session) => void;
}

/** Group rows with counts and bars; a group opens to its sessions and, where the provider acts by ids, actions on them. */
export function SessionGroups({ view, by, capabilities, onRequest, onOpenSession }: SessionGroupsProps) {
  const open = useSessionGroups((s) => s.open);
  const openGroup = useSessionGroups((s) => s.openGroup);
  const read = view.sessions.length;
  const summary = view.capped
    ? `Grouped the first ${read} of ${view.total ?? 'more'} live sessions (Pulsebar reads at most ${read} at once).`
    : `${plural(read, 'live session')} grouped.`;

  if (open) {
    const groups = open.by === 'shared' ? view.sharedKeys : open.by === 'game' ? view.games : open.by === 'server' ? view.servers : (view.keys ?? []);
    const group = groups.find((g) => g.key === open.key);
    const ids = new Set(group?.sessionIds ?? []);
    const sessions = view.sessions.filter((s) => ids.has(s.id));
    const actionable = sessions.filter((s) => s.id !== '').map((s) => s.id);
    const byIds = capabilities?.bulk === 'ids';
    const label = groupLabel(open.by === 'shared' ? 'key' : open.by, open.key, view.provider);
    return (
      <div className="group-detail">
        <div className="toolbar">
          <button type="button" onClick={() => openGroup(null)}>
            ← All groups
          </button>
          <strong className="group-title">
            {label}: {plural(sessions.length, 'session')}
          </strong>
        </div>
        <div className="bulk-bar" role="group" aria-label={`Actions on ${label}`}>
          <button type="button" disabled={!byIds || actionable.length === 0} onClick={() => onRequest({ type: 'message', sessionIds: actionable })}>
            Message these {actionable.length}
          </button>
          <button
            type="button"
            className="danger"
            disabled={!byIds || actionable.length === 0}
            onClick={() => onRequest({ type: 'disconnect', sessionIds: actionable })}
          >
            Disconnect these {actionable.length}
          </button>
          {!byIds && (
            <span className="muted small">
              {capabilities?.bulk === 'scope'
                ? `${PROVIDER_NAMES[view.provider]} acts on a whole hub or key, not on a group of sessions; open a session to act on it.`
                : (capabilities?.reason ?? `${PROVIDER_NAMES[view.provider]} has no bulk session actions.`)}
            </span>
          )}
        </div>
        <SessionList
          sessions={sessions}
          selectable={false}
          selected={new Set()}
          onToggle={() => undefined}
          onOpen={(_id, s) => onOpenSession(s)}
          empty="These sessions have left since the groups were read."
        />
      </div>
    );
  }

  return (
    <div className="session-groups">
      <p className="muted small" role="status">
        {summary}
      </p>
      {view.notes.length > 0 && (
        <ul className="group-notes">
          {view.notes.map((n) => (
            <li key={n} className="muted small">
              {n}
            </li>
          ))}
        </ul>
      )}
      {by === 'key' && view.sharedKeys.length > 0 && (
        <section className="shared-keys" aria-label="Possible key sharing">
          <h2>Possible key sharing</h2>
          <ul>
            {view.sharedKeys.map((k) => (
              <li key={k.key} className="shared-key">
                <span>
                  <strong title={k.key}>Key {k.key}</strong> is in use on {plural(k.accounts.length, 'Roblox account')} at once ({plural(k.count, 'session')}).
                </span>
                <span className="row">
                  <button type="button" onClick={() => openGroup({ by: 'shared', key: k.key })} aria-label={`See the sessions of key ${k.key}`}>
                    See
                  </button>
                  {capabilities?.bulk === 'ids' && (
                    <>
                      <button type="button" onClick={() => onRequest({ type: 'message', sessionIds: k.sessionIds })} aria-label={`Message the sessions of key ${k.key}`}>
                        Message
                      </button>
                      <button
                        type="button"
                        className="danger"
                        onClick={() => onRequest({ type: 'disconnect', sessionIds: k.sessionIds })}
                        aria-label={`Disconnect the sessions of key ${k.key}`}
                      >
                        Disconnect
                      </button>
                    </>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {by === 'key' && view.keys === null ? null : (
        <GroupRows
          by={by}
          groups={by === 'game' ? view.games : by === 'server' ? view.servers : (view.keys ?? [])}
          provider={view.provider}
          onOpen={openGroup}
        />
      )}
    </div>
  );
}
