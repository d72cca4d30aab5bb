import type { Session } from './model';

/**
 * Saved messages and the most recent ones sent, with variables filled per session where the
 * provider gives the value: {username}, {userId}, {placeId}, {jobId}. Pure; the window fills a
 * preview and main fills what it sends, with the same rules.
 */

export const TEMPLATE_VARIABLES = ['username', 'userId', 'placeId', 'jobId'] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

/** How many recent messages are remembered per provider. */
export const MAX_RECENT_MESSAGES = 10;
export const MAX_TEMPLATES = 50;

export type MessageTemplate =
  | { id: string; provider: 'luaprot'; name: string; text: string }
  | { id: string; provider: 'luaauth'; name: string; command: string; data?: string };

function valueOf(variable: TemplateVariable, session: Session): string | undefined {
  switch (variable) {
    case 'username':
      return session.username;
    case 'userId':
      return session.robloxUserId;
    case 'placeId':
      return session.placeId ?? session.universeId;
    case 'jobId':
      return session.jobId;
  }
}

const VARIABLE = /\{(username|userId|placeId|jobId)\}/g;

/** The variables a text uses, in order of first use. */
export function variablesIn(text: string): TemplateVariable[] {
  return [...new Set([...text.matchAll(VARIABLE)].map((m) => m[1] as TemplateVariable))];
}

export interface Filled {
  text: string;
  /** Variables the session had no value for: left as written, so the user sees what is missing. */
  missing: TemplateVariable[];
}

/** Fills {variables} from one session; `transform` escapes values (e.g. for JSON strings). */
export function fillTemplate(text: string, session: Session, transform: (value: string) => string = (v) => v): Filled {
  const missing = new Set<TemplateVariable>();
  const filled = text.replace(VARIABLE, (whole, name: TemplateVariable) => {
    const value = valueOf(name, session);
    if (value === undefined || value === '') {
      missing.add(name);
      return whole;
    }
    return transform(value);
  });
  return { text: filled, missing: [...missing] };
}

/** Escapes a value for use inside a JSON string literal (LuaAuth `data`). */
export function jsonStringContent(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}

/** The recent list after sending `entry`: newest first, no duplicates, at most MAX_RECENT_MESSAGES. */
export function pushRecent<T>(recent: readonly T[], entry: T, same: (a: T, b: T) => boolean): T[] {
  return [entry, ...recent.filter((r) => !same(r, entry))].slice(0, MAX_RECENT_MESSAGES);
}

/** A message as sent, kept in the recent list of its provider (variables as written, not filled). */
export type RecentMessage = { provider: 'luaprot'; text: string } | { provider: 'luaauth'; command: string; data?: string };

/** Saved templates and the recent messages, per provider, newest first. */
export interface MessageTemplatesView {
  templates: MessageTemplate[];
  recent: { luaprot: RecentMessage[]; luaauth: RecentMessage[] };
}

export function sameMessage(a: RecentMessage, b: RecentMessage): boolean {
  // A text message (LuaProt) and a command (LuaAuth) are told apart by their shape, not by the provider's name.
  if ('text' in a || 'text' in b) return a.provider === b.provider && 'text' in a && 'text' in b && a.text === b.text;
  return a.provider === b.provider && a.command === b.command && (a.data ?? '') === (b.data ?? '');
}

/**
 * LuaAuth's message-many sends one command to many ids, so a text with variables is sent session by
 * session instead (each within the account's budget), at most this many at once: beyond it the
 * window refuses and says why (our limit: 50 commands that may each wait up to 60 s for an answer).
 */
export const PER_SESSION_SEND_MAX = 50;
