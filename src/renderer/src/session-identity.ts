import type { Session } from '../../shared/model';

/**
 * A session the provider listed without an id (main keeps it, with id "", so it still counts — see
 * poller.ts noIdKey). Every action — detail lookup, message, disconnect, selection — names a session
 * by its id, so such a row can be shown but not acted on.
 */
export const hasSessionId = (s: Pick<Session, 'id'>): boolean => s.id.trim() !== '';

/** Said wherever an id-less session's actions are off (row tooltip, drawer, the view's count). */
export const NO_ID_REASON = 'The provider listed this session without an id, so it cannot be messaged or disconnected (it still counts).';

/** A key for lists: the id, or the row's place for an id-less session (several may share the empty id). */
export const sessionKey = (s: Pick<Session, 'id'>, index: number): string => (hasSessionId(s) ? s.id : `\u0000no-id:${index}`);
