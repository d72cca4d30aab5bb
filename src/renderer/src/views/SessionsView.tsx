import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { providerDescriptor } from '../../../shared/provider-descriptor';
import { LUAPROT_DISCONNECT_LINGER_MS } from '../../../shared/luaprot-linger';
import { PROVIDER_NAMES, type Session } from '../../../shared/model';
import { call } from '../api';
import { BulkActions, SelectionToggle, type BulkRequest } from '../components/BulkActions';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Icon } from '../components/Icon';
import { MessageDialog, type MessageRecipients } from '../components/MessageDialog';
import { SessionDrawer } from '../components/SessionDrawer';
import { SessionGroups } from '../components/SessionGroups';
import { SessionList, sessionName } from '../components/SessionList';
import { SessionPager } from '../components/SessionPager';
import { SessionSearch } from '../components/SessionSearch';
import { SessionTable } from '../components/SessionTable';
import { useWideWindow } from '../wide-window';
import { allTargets, chooseSessionTarget, sessionTargets, useMonitor } from '../stores/monitor-store';
import { filterLocally, useSessions } from '../stores/sessions-store';
import { useSessionGroups, type GroupBy } from '../stores/session-groups-store';
import { useTemplates } from '../stores/templates-store';
import { useUi } from '../stores/ui-store';
import { ago, count } from '../time-format';
import { hasSessionId, NO_ID_REASON } from '../session-identity';
import { scopeAcknowledgement, scopeInWords } from '../bulk-scope';
import { plural } from '../../../shared/plural';
import './sessions-view.css';

type Pending =
  | { type: 'message'; recipients: MessageRecipients }
  | { type: 'disconnect'; title: string; message: string; acknowledge?: string | null; run: () => Promise<string> };

/** Sessions of one target: search, paging, the virtual list, detail drawer and quick actions. */
export function SessionsView() {
  const snapshot = useMonitor((s) => s.snapshot);
  const capabilities = useMonitor((s) => s.capabilities);
  const chosen = useUi((s) => s.target);
  const openTarget = useUi((s) => s.openTarget);
  const notify = useUi((s) => s.notify);
  const sessionsState = useSessions();
  const { sessions, selected, loading, error, loadedAt, localFilter } = sessionsState;
  const [pending, setPending] = useState<Pending | null>(null);
  const groups = useSessionGroups();
  // Wide (the detached window): a table with a column per fact; the panel keeps its two-line rows.
  const wide = useWideWindow();
  // Bumped to clear the search boxes, which keep their own draft while typing.
  const [searchGen, setSearchGen] = useState(0);

  // A LuaAuth project has no session list of its own: its scripts are offered instead.
  const all = useMemo(() => allTargets(snapshot), [snapshot]);
  const targets = useMemo(() => sessionTargets(all), [all]);
  const target = chooseSessionTarget(targets, chosen, all);

  useEffect(() => {
    if (target) void useSessions.getState().open(target.accountId, target.targetId, target.provider);
  }, [target?.accountId, target?.targetId, target?.provider]);

  // Groups read every page of the target, so only while the user asks for them.
  useEffect(() => {
    if (target && groups.by !== 'list') void useSessionGroups.getState().load(target.accountId, target.targetId);
  }, [target?.accountId, target?.targetId, groups.by]);

  // LuaProt is filtered here; deferring keeps typing responsive over 10,000 rows.
  const deferredFilter = useDeferredValue(localFilter);
  const shown = useMemo(
    () => (target && providerDescriptor(target.provider)?.capabilities.search === 'local' ? filterLocally(sessions, deferredFilter) : sessions),
    [sessions, deferredFilter, target?.provider],
  );
  // Select all takes the rows that can be acted on: an id-less session has nothing to name it by.
  const visibleIds = useMemo(() => shown.filter(hasSessionId).map((s) => s.id), [shown]);
  const withoutId = shown.length - visibleIds.length;
  const nameOf = useMemo(() => {
    const byId = new Map([...(groups.view?.sessions ?? []), ...sessions].map((s) => [s.id, sessionName(s)]));
    return (id: string) => byId.get(id);
  }, [sessions, groups.view]);
  const sessionOf = useMemo(() => {
    const byId = new Map([...(groups.view?.sessions ?? []), ...sessions].map((s) => [s.id, s]));
    return (id: string) => byId.get(id);
  }, [sessions, groups.view]);
  // Lingering LuaProt rows go once LuaProt stops listing them: look again when the linger is over.
  const lingering = sessionsState.disconnecting.size > 0;
  useEffect(() => {
    if (!lingering) return;
    const t = setTimeout(() => void useSessions.getState().load(), LUAPROT_DISCONNECT_LINGER_MS + 5_000);
    return () => clearTimeout(t);
  }, [lingering]);
  // Templates and recent messages are read when a message dialog opens (they change only by sending or saving).
  const messaging = pending?.type === 'message';
  useEffect(() => {
    if (messaging) void useTemplates.getState().load();
  }, [messaging]);
  const scriptLabel = useMemo(() => {
    const byId = new Map(targets.map((t) => [`${t.accountId}:${t.targetId}`, t.label]));
    return (accountId: string, id: string) => byId.get(`${accountId}:${id}`);
  }, [targets]);

  if (!target) {
    return <p className="muted">No targets yet: add an account or start demo mode in Accounts.</p>;
  }
  const caps = capabilities?.[target.provider];
  const accountId = target.accountId;
  const messageMode = caps?.message === 'command' ? 'command' : 'text';
  const { query } = sessionsState;
  const provider = providerDescriptor(target.provider);
  const searchStyle = provider?.capabilities.search;
  const searching =
    searchStyle === 'local'
      ? localFilter.trim() !== ''
      : searchStyle === 'server'
        ? query.search.trim() !== ''
        : Object.values(query.filter).some((v) => typeof v === 'string' && v.trim() !== '');
  const clearSearch = () => {
    const store = useSessions.getState();
    store.setLocalFilter('');
    if (searchStyle !== 'local') void store.setQuery({ search: '', filter: {}, page: 1, from: 0 });
    setSearchGen((g) => g + 1);
  };
  const emptyList =
    loading ? (
      'Loading sessions…'
    ) : error ? (
      'The sessions could not be loaded (see above).'
    ) : searching ? (
      <>
        <p>No sessions match this search.</p>
        <button type="button" onClick={clearSearch}>
          Clear search
        </button>
      </>
    ) : (
      `Nobody is connected to ${target.label} right now.`
    );
  const grouped = groups.by !== 'list';
  // An id-less row is looked up by nobody: the drawer shows the listed row as it is (no detail route).
  const openRow = (id: string, s: Session) =>
    void sessionsState.openDetail(id, caps?.sessionInfo !== false && hasSessionId(s), hasSessionId(s) ? undefined : s);
  const reload = () => {
    void useSessions.getState().load();
    if (grouped) void useSessionGroups.getState().load(target.accountId, target.targetId);
  };
  const afterAction = (text: string) => {
    notify(text, 'info');
    reload();
  };

  const disconnectOne = (s: Session) =>
    setPending({
      type: 'disconnect',
      title: `Disconnect ${sessionName(s)}?`,
      message:
        provider?.disconnectLingerMs
          ? `The player is kicked. ${provider.label} may keep listing the session for up to ${provider.disconnectLingerMs / 1000} seconds.`
          : 'The player is kicked from the script.',
      run: async () => {
        const r = await call('sessions:disconnect', { accountId, sessionId: s.id });
        useSessions.getState().closeDetail();
        if (provider?.disconnectLingerMs) useSessions.getState().markDisconnecting([s.id]);
        // The notice names the player; the provider's own words follow.
        return `Disconnected ${sessionName(s)}.${r.message ? ` ${PROVIDER_NAMES[target.provider]}: ${r.message}` : ''}`;
      },
    });

  const onBulk = (request: BulkRequest) => {
    switch (request.type) {
      case 'message':
        return setPending({ type: 'message', recipients: { kind: 'ids', sessionIds: request.sessionIds } });
      case 'message-scope':
        return setPending({
          type: 'message',
          recipients: { kind: 'scope', scope: request.scope, label: request.label, count: request.count, shown: request.shown ?? null },
        });
      case 'disconnect':
        return setPending({
          type: 'disconnect',
          title: `Disconnect ${plural(request.sessionIds.length, 'session')}?`,
          message: `This disconnects ${scopeInWords({ kind: 'ids', count: request.sessionIds.length })}.`,
          run: async () => {
            const r = await call('sessions:disconnectMany', { accountId, sessionIds: request.sessionIds });
            useSessions.getState().clearSelection();
            return r.message || `Disconnected ${plural(r.count ?? request.sessionIds.length, 'session')}.`;
          },
        });
      case 'disconnect-scope':
        return setPending({
          type: 'disconnect',
          title: `Disconnect everyone in ${request.label}?`,
          message: `This disconnects ${scopeInWords({ kind: 'scope', label: request.label, count: request.count, shown: request.shown ?? null })}.`,
          acknowledge: scopeAcknowledgement({ kind: 'scope', label: request.label, count: request.count, shown: request.shown ?? null }),
          run: async () => {
            const r = await call('sessions:disconnectMany', { accountId, scope: request.scope });
            // Everyone listed in the hub was disconnected; LuaProt may list them a while longer.
            if ('hubId' in request.scope) useSessions.getState().markDisconnecting(useSessions.getState().sessions.map((x) => x.id));
            return r.message || `Disconnected ${r.count != null ? plural(r.count, 'session') : 'the sessions'}.`;
          },
        });
    }
  };

  return (
    <div className="sessions-view">
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
          onClick={reload}
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
      {grouped ? (
        <>
          {groups.error && (
            <p className="error-text" role="alert">
              {groups.error}
            </p>
          )}
          {groups.loading && !groups.view && <p className="muted">Reading every live session of {target.label}…</p>}
          {groups.view && groups.by !== 'list' && (
            <SessionGroups
              view={groups.view}
              by={groups.by}
              capabilities={caps}
              onRequest={onBulk}
              onOpenSession={(s) => void sessionsState.openDetail(s.id, caps?.sessionInfo !== false && hasSessionId(s), s)}
            />
          )}
        </>
      ) : (
        <>
          <SessionSearch key={`${target.accountId}:${target.targetId}:${searchGen}`} provider={target.provider} />
          <div className="toolbar sessions-meta">
            {caps?.bulk === 'ids' && <SelectionToggle visibleIds={visibleIds} />}
            <SessionPager provider={target.provider} shown={shown.length} />
            <span className="spacer" />
            {withoutId > 0 && (
              <span className="muted small no-id-count" title={NO_ID_REASON}>
                {count(withoutId)} without an id
              </span>
            )}
            <span className="muted small loaded-at">{loadedAt ? `Loaded ${ago(loadedAt)}` : ''}</span>
          </div>
          {error && (
            <p className="error-text" role="alert">
              {error}
            </p>
          )}
          {wide ? (
            <SessionTable
              sessions={shown}
              selectable={caps?.bulk === 'ids'}
              selected={selected}
              onToggle={sessionsState.toggle}
              onOpen={openRow}
              empty={emptyList}
              disconnecting={sessionsState.disconnecting}
              pagedSortNote={
                caps?.paging && caps.paging !== 'none'
                  ? `Sorted within this page: ${PROVIDER_NAMES[target.provider]} hands out sessions a page at a time.`
                  : null
              }
            />
          ) : (
            <SessionList
              sessions={shown}
              selectable={caps?.bulk === 'ids'}
              selected={selected}
              onToggle={sessionsState.toggle}
              onOpen={openRow}
              empty={emptyList}
              disconnecting={sessionsState.disconnecting}
            />
          )}
          {/* Under the list, so a bar that comes and goes with the selection never moves the rows. */}
          <BulkActions
            target={target}
            capabilities={caps}
            visibleIds={visibleIds}
            onRequest={onBulk}
            blocked={error ? 'Reload the sessions before acting on them.' : null}
          />
        </>
      )}
      <SessionDrawer
        capabilities={caps}
        scriptLabel={(id) => scriptLabel(accountId, id)}
        hubLabel={(id) => scriptLabel(accountId, id)}
        onMessage={(s) => {
          // The dialog replaces the drawer rather than stacking on it: one surface at a time in a small panel.
          useSessions.getState().closeDetail();
          setPending({ type: 'message', recipients: { kind: 'one', sessionId: s.id, name: sessionName(s) } });
        }}
        onDisconnect={disconnectOne}
      />
      {pending?.type === 'message' && (
        <MessageDialog
          accountId={accountId}
          provider={target.provider}
          mode={messageMode}
          recipients={pending.recipients}
          onClose={() => setPending(null)}
          onSent={reload}
          nameOf={nameOf}
          sessionOf={sessionOf}
        />
      )}
      {pending?.type === 'disconnect' && (
        <ConfirmDialog
          title={pending.title}
          message={pending.message}
          acknowledge={pending.acknowledge ?? null}
          confirmLabel="Disconnect"
          danger
          onConfirm={async () => afterAction(await pending.run())}
          onClose={() => setPending(null)}
        />
      )}
    </div>
  );
}
