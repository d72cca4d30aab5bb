import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { providerDescriptor } from '../../../shared/provider-descriptor';
import { LUAPROT_DISCONNECT_LINGER_MS } from '../../../shared/luaprot-linger';
import type { Session } from '../../../shared/model';
import type { BulkRequest } from '../components/BulkActions';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { MessageDialog } from '../components/MessageDialog';
import { SessionDrawer } from '../components/SessionDrawer';
import { SessionGroups } from '../components/SessionGroups';
import { sessionName } from '../components/SessionList';
import { SessionsHead } from '../components/SessionsHead';
import { SessionsListPane } from '../components/SessionsListPane';
import { allTargets, chooseSessionTarget, sessionTargets, useMonitor } from '../stores/monitor-store';
import { filterLocally, useSessions } from '../stores/sessions-store';
import { useSessionGroups } from '../stores/session-groups-store';
import { useTemplates } from '../stores/templates-store';
import { useUi } from '../stores/ui-store';
import { hasSessionId } from '../session-identity';
import { bulkAction, disconnectOneAction, type PendingAction } from './session-actions';
import './sessions-view.css';

/** Sessions of one target: search, paging, the virtual list, detail drawer and quick actions. */
export function SessionsView() {
  const snapshot = useMonitor((s) => s.snapshot);
  const capabilities = useMonitor((s) => s.capabilities);
  const chosen = useUi((s) => s.target);
  const notify = useUi((s) => s.notify);
  const sessionsState = useSessions();
  const { sessions, localFilter } = sessionsState;
  const [pending, setPending] = useState<PendingAction | null>(null);
  const groups = useSessionGroups();

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

  const disconnectOne = (s: Session) => setPending(disconnectOneAction(accountId, target.provider, s));
  const onBulk = (request: BulkRequest) => setPending(bulkAction(accountId, request));

  return (
    <div className="sessions-view">
      <SessionsHead target={target} targets={targets} onReload={reload} />
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
        <SessionsListPane target={target} capabilities={caps} shown={shown} visibleIds={visibleIds} onOpen={openRow} onRequest={onBulk} />
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
