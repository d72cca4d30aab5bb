/**
 * What a message dialog will send once variables are filled: as written (no variables), one filled
 * message per session, or nothing, with the reason in words. Pure, so the preview and the send use
 * the same answer. Variables are filled in LuaProt's text and inside LuaAuth's JSON data (escaped
 * as JSON string content); LuaAuth's command key is sent as written.
 */
import { luaprotMessageProblem } from '../../shared/luaprot-message';
import { fillTemplate, jsonStringContent, PER_SESSION_SEND_MAX, variablesIn, type TemplateVariable } from '../../shared/message-templates';
import type { Session } from '../../shared/model';
import type { MessageRecipients } from './components/MessageDialog';
import { sessionName } from './components/SessionList';


export interface Send {
  sessionId: string;
  name: string;
  text?: string;
  data?: string;
}

export type SendPlan =
  | { kind: 'as-written'; variables: [] }
  | { kind: 'per-session'; variables: TemplateVariable[]; sends: Send[] }
  | { kind: 'blocked'; variables: TemplateVariable[]; reason: string };

const braces = (vars: readonly string[]) => vars.map((v) => `{${v}}`).join(', ');

export function planMessage(input: {
  mode: 'text' | 'command';
  text: string;
  data: string;
  recipients: MessageRecipients;
  sessionOf: (id: string) => Session | undefined;
}): SendPlan {
  const { mode, recipients, sessionOf } = input;
  const source = mode === 'text' ? input.text : input.data;
  const variables = variablesIn(source);
  if (variables.length === 0) return { kind: 'as-written', variables: [] };
  if (recipients.kind === 'scope') {
    // LuaProt's message-all sends one text to a whole hub or key: nothing can differ per session.
    return {
      kind: 'blocked',
      variables,
      reason: `LuaProt sends one text to everyone in ${recipients.label}, so ${braces(variables)} cannot be filled per session. Remove the variables, or message players one at a time.`,
    };
  }
  const ids = recipients.kind === 'one' ? [recipients.sessionId] : recipients.sessionIds;
  if (ids.length > PER_SESSION_SEND_MAX) {
    return {
      kind: 'blocked',
      variables,
      reason: `With ${braces(variables)} the message is filled and sent session by session, and Pulsebar sends at most ${PER_SESSION_SEND_MAX} that way; ${ids.length} are chosen. Choose fewer sessions or remove the variables.`,
    };
  }
  const sends: Send[] = [];
  const missing = new Map<TemplateVariable, string[]>();
  for (const id of ids) {
    const session = sessionOf(id);
    if (!session) {
      return { kind: 'blocked', variables, reason: `Session ${id} is no longer listed, so its variables cannot be filled. Reload the sessions and try again.` };
    }
    const name = sessionName(session);
    const filled = fillTemplate(source, session, mode === 'command' ? jsonStringContent : undefined);
    for (const v of filled.missing) missing.set(v, [...(missing.get(v) ?? []), name]);
    sends.push({ sessionId: id, name, ...(mode === 'text' ? { text: filled.text } : { data: filled.text }) });
  }
  if (missing.size > 0) {
    const parts = [...missing].map(([v, names]) =>
      ids.length === 1
        ? `{${v}} is unknown for this session`
        : `{${v}} is unknown for ${names.length} of ${ids.length} sessions (${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''})`,
    );
    return { kind: 'blocked', variables, reason: `${parts.join('; ')}. Remove the variable or choose sessions that have it.` };
  }
  if (mode === 'text') {
    for (const s of sends) {
      const problem = luaprotMessageProblem(s.text);
      if (problem) return { kind: 'blocked', variables, reason: `Filled for ${s.name}: ${problem.message}` };
    }
  }
  return { kind: 'per-session', variables, sends };
}
