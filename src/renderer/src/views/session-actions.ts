/**
 * What the Sessions view asks before acting: a message dialog to open, or a disconnect to confirm with
 * the words of its confirmation and the store action it runs (sessions store: the IPC lives there).
 */
import { providerDescriptor } from '../../../shared/provider-descriptor';
import { PROVIDER_NAMES, type ProviderId, type Session } from '../../../shared/model';
import { plural } from '../../../shared/plural';
import type { BulkRequest } from '../components/BulkActions';
import type { MessageRecipients } from '../components/MessageDialog';
import { sessionName } from '../components/SessionList';
import { scopeAcknowledgement, scopeInWords } from '../bulk-scope';
import { useSessions } from '../stores/sessions-store';

export type PendingAction =
  | { type: 'message'; recipients: MessageRecipients }
  | { type: 'disconnect'; title: string; message: string; acknowledge?: string | null; run: () => Promise<string> };

/** Disconnecting one session: the notice names the player; the provider's own words follow. */
export function disconnectOneAction(accountId: string, providerId: ProviderId, s: Session): PendingAction {
  const provider = providerDescriptor(providerId);
  return {
    type: 'disconnect',
    title: `Disconnect ${sessionName(s)}?`,
    message: provider?.disconnectLingerMs
      ? `The player is kicked. ${provider.label} may keep listing the session for up to ${provider.disconnectLingerMs / 1000} seconds.`
      : 'The player is kicked from the script.',
    run: async () => {
      const r = await useSessions.getState().disconnect(accountId, s.id, Boolean(provider?.disconnectLingerMs));
      return `Disconnected ${sessionName(s)}.${r.message ? ` ${PROVIDER_NAMES[providerId]}: ${r.message}` : ''}`;
    },
  };
}

/** A bulk bar or group request, as the dialog to open. */
export function bulkAction(accountId: string, request: BulkRequest): PendingAction {
  switch (request.type) {
    case 'message':
      return { type: 'message', recipients: { kind: 'ids', sessionIds: request.sessionIds } };
    case 'message-scope':
      return {
        type: 'message',
        recipients: { kind: 'scope', scope: request.scope, label: request.label, count: request.count, shown: request.shown ?? null },
      };
    case 'disconnect':
      return {
        type: 'disconnect',
        title: `Disconnect ${plural(request.sessionIds.length, 'session')}?`,
        message: `This disconnects ${scopeInWords({ kind: 'ids', count: request.sessionIds.length })}.`,
        run: async () => {
          const r = await useSessions.getState().disconnectMany(accountId, request.sessionIds);
          return r.message || `Disconnected ${plural(r.count ?? request.sessionIds.length, 'session')}.`;
        },
      };
    case 'disconnect-scope': {
      const scope = { kind: 'scope', label: request.label, count: request.count, shown: request.shown ?? null } as const;
      return {
        type: 'disconnect',
        title: `Disconnect everyone in ${request.label}?`,
        message: `This disconnects ${scopeInWords(scope)}.`,
        acknowledge: scopeAcknowledgement(scope),
        run: async () => {
          const r = await useSessions.getState().disconnectScope(accountId, request.scope);
          return r.message || `Disconnected ${r.count != null ? plural(r.count, 'session') : 'the sessions'}.`;
        },
      };
    }
  }
}
