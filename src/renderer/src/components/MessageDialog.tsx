import { useEffect, useState } from 'react';
import { LUAPROT_MESSAGE_RULE, luaprotMessageProblem } from '../../../shared/luaprot-message';
import type { ProviderId, Session } from '../../../shared/model';
import { scopeAcknowledgement, type BulkScope } from '../bulk-scope';
import { useMessageSend } from '../hooks/use-message-send';
import { planMessage } from '../message-plan';
import { plural } from '../../../shared/plural';
import { Dialog } from './Dialog';
import { MessageCompose, type ComposeFields } from './MessageCompose';
import { useUi } from '../stores/ui-store';
import { MessageOutcomeView, MessageReview, MessageSending, quotedReply } from './MessageSteps';

export type MessageRecipients =
  | { kind: 'one'; sessionId: string; name: string }
  | { kind: 'ids'; sessionIds: string[] }
  | {
      kind: 'scope';
      scope: { hubId: string } | { key: string };
      label: string;
      count: number | null;
      /** How many rows the (filtered) list shows, quoted beside the count the action really reaches. */
      shown?: number | null;
    };

/** The shared rule's verdict; the counter shows the length, so a length problem is the rule alone. */
function textProblem(text: string): string | null {
  const problem = luaprotMessageProblem(text);
  if (!problem) return null;
  return problem.reason === 'blank' ? problem.message : LUAPROT_MESSAGE_RULE;
}

function recipientsInWords(r: MessageRecipients): string {
  if (r.kind === 'one') return r.name;
  if (r.kind === 'ids') return plural(r.sessionIds.length, 'selected session');
  return `${r.count == null ? 'every session' : plural(r.count, 'session')} in ${r.label}`;
}

function bulkScope(r: Exclude<MessageRecipients, { kind: 'one' }>): BulkScope {
  return r.kind === 'ids' ? { kind: 'ids', count: r.sessionIds.length } : { kind: 'scope', label: r.label, count: r.count, shown: r.shown ?? null };
}

function sessionCount(r: MessageRecipients): number | null {
  return r.kind === 'one' ? 1 : r.kind === 'ids' ? r.sessionIds.length : r.count;
}

/** Validates LuaAuth data before anything is sent: empty means none, else it must parse as JSON. */
export function checkJson(data: string): string | null {
  if (!data.trim()) return null;
  try {
    JSON.parse(data);
    return null;
  } catch (err) {
    return `Data is not valid JSON: ${(err as Error).message}`;
  }
}

interface MessageDialogProps {
  accountId: string;
  provider: ProviderId;
  mode: 'text' | 'command';
  recipients: MessageRecipients;
  onClose: () => void;
  onSent: () => void;
  /** The name shown for a session in the results (username or Roblox id rather than its raw id). */
  nameOf?: (sessionId: string) => string | undefined;
  /** The listed session, to fill {username}, {userId}, {placeId} and {jobId} per session. */
  sessionOf?: (sessionId: string) => Session | undefined;
}

/**
 * Message one session or many. LuaProt: plain text of 1–100 characters. LuaAuth: a command key and
 * JSON data for the script's handler; the answer (processed / response / reason) can take up to 60 s,
 * so the wait shows progress and can be cancelled (ops:cancel).
 */
export function MessageDialog({ accountId, provider, mode, recipients, onClose, onSent, nameOf: liveNameOf, sessionOf: liveSessionOf }: MessageDialogProps) {
  // Names as listed when the dialog opened: the list is reloaded after sending, and a session that has
  // left since must still be shown by its name in the results.
  const [nameOf] = useState(() => liveNameOf);
  const [sessionOf] = useState(() => liveSessionOf ?? (() => undefined));
  const [fields, setFields] = useState<ComposeFields>({ text: '', command: '', data: '', templateName: '' });
  const { text, command, data } = fields;
  const { phase, elapsed, outcome, send: sendDraft, cancel, review, back } = useMessageSend({ accountId, recipients, onSent });
  const notify = useUi((s) => s.notify);
  // One session messaged with no answer to read (LuaProt): nothing to keep the dialog open for, so it
  // closes and a notice says so. An error, or a script's answer (LuaAuth), stays in the dialog.
  useEffect(() => {
    if (phase !== 'done' || !outcome || recipients.kind !== 'one' || outcome.error || outcome.results) return;
    notify(`Message sent to ${recipients.name}.${outcome.message ? ` ${quotedReply(provider, outcome.message)}` : ''}`, 'info');
    onClose();
    // Once per outcome: the props are the dialog's for its whole life.
  }, [phase, outcome]);
  /** The user ticked "everyone, not only the N shown" (asked only when the list is filtered). */
  const [scopeMeant, setScopeMeant] = useState(false);

  const jsonError = mode === 'command' ? checkJson(data) : null;
  const commandError = mode === 'command' && !command.trim() ? 'A command key is required.' : null;
  const plan = planMessage({ mode, text, data, recipients, sessionOf });
  const formProblem = mode === 'text' ? textProblem(text) : (commandError ?? jsonError);
  const invalid = formProblem ?? (plan.kind === 'blocked' ? plan.reason : null);
  const many = recipients.kind !== 'one';
  const scope = recipients.kind === 'one' ? null : bulkScope(recipients);
  const acknowledge = scope ? scopeAcknowledgement(scope) : null;
  const mayConfirm = acknowledge === null || scopeMeant;

  const send = () => sendDraft({ mode, text, command, data, plan });

  const close = () => {
    if (phase === 'sending') void cancel();
    onClose();
  };

  /** Ctrl/Cmd+Enter: the footer's main button — Send (or Review for many) while composing, Send on the review. */
  const submit = () => {
    if (phase === 'compose' && invalid === null) {
      if (many) review();
      else void send();
    } else if (phase === 'confirm' && mayConfirm) void send();
  };

  const title = `Message ${recipientsInWords(recipients)}`;
  const count = sessionCount(recipients);

  let footer;
  if (phase === 'compose') {
    footer = (
      <>
        <button type="button" onClick={close}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={invalid !== null} onClick={() => (many ? review() : void send())}>
          {many ? 'Review' : 'Send'}
        </button>
      </>
    );
  } else if (phase === 'confirm') {
    footer = (
      <>
        <button type="button" onClick={back}>
          Back
        </button>
        <button type="button" className="primary" disabled={!mayConfirm} onClick={() => void send()} {...(acknowledge ? {} : { 'data-autofocus': true })}>
          {count == null ? 'Send to all' : `Send to ${plural(count, 'session')}`}
        </button>
      </>
    );
  } else if (phase === 'sending') {
    footer = (
      <button type="button" onClick={() => void cancel()}>
        Cancel
      </button>
    );
  } else {
    footer = (
      <button type="button" className="primary" onClick={onClose}>
        Close
      </button>
    );
  }

  return (
    <Dialog title={title} onClose={close} footer={footer} onSubmit={submit} step={phase}>
      {phase === 'compose' && (
        <MessageCompose
          provider={provider}
          mode={mode}
          fields={fields}
          onChange={(patch) => setFields((f) => ({ ...f, ...patch }))}
          commandError={commandError}
          jsonError={jsonError}
          formProblem={formProblem}
          invalid={invalid}
          plan={plan}
        />
      )}
      {phase === 'confirm' && scope && (
        <MessageReview mode={mode} fields={fields} scope={scope} plan={plan} acknowledge={acknowledge} scopeMeant={scopeMeant} onScopeMeant={setScopeMeant} />
      )}
      {phase === 'sending' && <MessageSending mode={mode} elapsed={elapsed} />}
      {phase === 'done' && outcome && <MessageOutcomeView provider={provider} outcome={outcome} single={recipients.kind === 'one'} nameOf={nameOf} />}
    </Dialog>
  );
}
