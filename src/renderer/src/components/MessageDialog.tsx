import { useState } from 'react';
import { providerDescriptor } from '../../../shared/provider-descriptor';
import { LUAPROT_MESSAGE_MAX, LUAPROT_MESSAGE_RULE, luaprotMessageProblem, messageLength } from '../../../shared/luaprot-message';
import type { MessageTemplate, RecentMessage } from '../../../shared/message-templates';
import type { MessageResult, ProviderId, Session } from '../../../shared/model';
import { scopeAcknowledgement, scopeInWords, type BulkScope } from '../bulk-scope';
import { useMessageSend } from '../hooks/use-message-send';
import { planMessage } from '../message-plan';
import { plural } from '../../../shared/plural';
import { useTemplates } from '../stores/templates-store';
import { Dialog } from './Dialog';

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

const TEXT_MAX = LUAPROT_MESSAGE_MAX;

/** The shared rule's verdict; the counter shows the length, so a length problem is the rule alone. */
function textProblem(text: string): string | null {
  const problem = luaprotMessageProblem(text);
  if (!problem) return null;
  return problem.reason === 'blank' ? problem.message : LUAPROT_MESSAGE_RULE;
}
/** LuaAuth waits up to 60 s for the script to answer. */
const COMMAND_WAIT_S = 60;

function recipientsInWords(r: MessageRecipients): string {
  if (r.kind === 'one') return r.name;
  if (r.kind === 'ids') return plural(r.sessionIds.length, 'selected session');
  return `${r.count == null ? 'every session' : plural(r.count, 'session')} in ${r.label}`;
}

function bulkScope(r: Exclude<MessageRecipients, { kind: 'one' }>): BulkScope {
  return r.kind === 'ids' ? { kind: 'ids', count: r.sessionIds.length } : { kind: 'scope', label: r.label, count: r.count, shown: r.shown ?? null };
}

/** The exact payload as it will go out: LuaProt's text, or LuaAuth's command and data. */
function PayloadQuote({ mode, text, command, data }: { mode: 'text' | 'command'; text: string; command: string; data: string }) {
  if (mode === 'text') {
    return (
      <blockquote className="payload" aria-label="Message to send">
        {text}
      </blockquote>
    );
  }
  return (
    <dl className="facts payload" aria-label="Command to send">
      <dt>Command</dt>
      <dd>
        <code>{command.trim()}</code>
      </dd>
      <dt>Data</dt>
      <dd>{data.trim() ? <pre className="mono raw">{data}</pre> : 'none'}</dd>
    </dl>
  );
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

function ResultList({ results, nameOf }: { results: MessageResult[]; nameOf?: (sessionId: string) => string | undefined }) {
  const processed = results.filter((r) => r.processed).length;
  return (
    <div className="message-results" role="status">
      <p>
        {processed} of {results.length} processed.
      </p>
      <ul className="result-list">
        {results.map((r, i) => (
          <li key={r.sessionId ?? i}>
            <strong title={r.sessionId}>{(r.sessionId && nameOf?.(r.sessionId)) ?? r.sessionId ?? `#${i + 1}`}</strong>:{' '}
            {r.processed ? 'processed' : 'not processed'}
            {r.response !== undefined && (
              <>
                {' '}
                — response <code>{JSON.stringify(r.response)}</code>
              </>
            )}
            {r.reason && <> — reason: {r.reason}</>}
          </li>
        ))}
      </ul>
    </div>
  );
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

function newTemplateId(): string {
  return `tpl-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** A provider that answers in its own sentences is quoted by name ("LuaProt: Message sent."). */
function quotedReply(provider: ProviderId, message: string): string {
  const d = providerDescriptor(provider);
  return d?.quotesReplies ? `${d.label}: ${message}` : message;
}

/** Saved templates and recent messages of this provider; choosing one fills the form. */
function TemplatePicker({ provider, onPick }: { provider: ProviderId; onPick: (m: MessageTemplate | RecentMessage) => void }) {
  const view = useTemplates((s) => s.view);
  const remove = useTemplates((s) => s.remove);
  const [chosen, setChosen] = useState('');
  if (!providerDescriptor(provider)?.capabilities.message || !view) return null;
  const templates = view.templates.filter((t) => t.provider === provider);
  const recent = (view.recent as Record<string, RecentMessage[] | undefined>)[provider] ?? [];
  if (templates.length === 0 && recent.length === 0) return null;
  const describe = (m: RecentMessage) => ('text' in m ? m.text : `${m.command}${m.data ? ` ${m.data}` : ''}`);
  const chosenTemplate = chosen.startsWith('t:') ? templates.find((t) => t.id === chosen.slice(2)) : undefined;
  return (
    <div className="row wrap">
      <label className="field grow">
        <span>Template or recent message</span>
        <select
          value={chosen}
          onChange={(e) => {
            const value = e.target.value;
            setChosen(value);
            const picked = value.startsWith('t:') ? templates.find((t) => t.id === value.slice(2)) : value.startsWith('r:') ? recent[Number(value.slice(2))] : undefined;
            if (picked) onPick(picked);
          }}
        >
          <option value="">Write a new message</option>
          {templates.length > 0 && (
            <optgroup label="Saved templates">
              {templates.map((t) => (
                <option key={t.id} value={`t:${t.id}`}>
                  {t.name}
                </option>
              ))}
            </optgroup>
          )}
          {recent.length > 0 && (
            <optgroup label="Recent (newest first)">
              {recent.map((r, i) => (
                <option key={i} value={`r:${i}`}>
                  {describe(r).slice(0, 60)}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
      {chosenTemplate && (
        <button
          type="button"
          className="danger"
          onClick={() => {
            setChosen('');
            void remove(chosenTemplate.id);
          }}
        >
          Delete template
        </button>
      )}
    </div>
  );
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
  const [templateName, setTemplateName] = useState('');
  const saveTemplate = useTemplates((s) => s.save);
  const [text, setText] = useState('');
  const [command, setCommand] = useState('');
  const [data, setData] = useState('');
  const { phase, elapsed, outcome, send: sendDraft, cancel, review, back } = useMessageSend({ accountId, recipients, onSent });
  /** The user ticked "everyone, not only the N shown" (asked only when the list is filtered). */
  const [scopeMeant, setScopeMeant] = useState(false);

  const jsonError = mode === 'command' ? checkJson(data) : null;
  const textLength = messageLength(text);
  const plan = planMessage({ mode, text, data, recipients, sessionOf });
  const formProblem =
    mode === 'text'
      ? textProblem(text)
      : !command.trim()
        ? 'A command key is required.'
        : jsonError;
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
        <TemplatePicker
          provider={provider}
          onPick={(m) => {
            if ('text' in m) setText(m.text);
            else {
              setCommand(m.command);
              setData(m.data ?? '');
            }
          }}
        />
      )}
      {phase === 'compose' && mode === 'text' && (
        <label className="field">
          <span>Message</span>
          <textarea
            value={text}
            rows={3}
            maxLength={TEXT_MAX * 2}
            aria-describedby="message-counter"
            onChange={(e) => setText(e.target.value)}
          />
          <span id="message-counter" className={`counter${textLength > TEXT_MAX ? ' over' : ''}`} aria-live="polite">
            {textLength} / {TEXT_MAX}
          </span>
        </label>
      )}
      {phase === 'compose' && mode === 'command' && (
        <>
          <label className="field">
            <span>Command key</span>
            <input value={command} placeholder="e.g. notify" onChange={(e) => setCommand(e.target.value)} spellCheck={false} />
          </label>
          <label className="field">
            <span>Data (JSON)</span>
            <textarea
              value={data}
              rows={4}
              className="mono"
              placeholder='{"text": "hello"}'
              spellCheck={false}
              aria-invalid={jsonError !== null}
              onChange={(e) => setData(e.target.value)}
            />
          </label>
          <p className="muted small">The script's handler may answer within 60 s.</p>
        </>
      )}
      {phase === 'compose' && invalid && (text || command || data) && (
        <p className="error-text" role="alert">
          {invalid}
        </p>
      )}
      {phase === 'compose' && (
        <p className="muted small">
          Variables: {'{username}'}, {'{userId}'}, {'{placeId}'}, {'{jobId}'}
          {mode === 'command' ? ' (in the data, inside JSON strings)' : ''}, filled for each session.
        </p>
      )}
      {phase === 'compose' && plan.kind === 'per-session' && (
        <div className="message-preview" aria-label="Preview">
          {plan.sends.length > 1 && (
            <p className="small">
              {plan.variables.map((v) => `{${v}}`).join(', ')} {plan.variables.length === 1 ? 'is' : 'are'} filled per session, so this sends{' '}
              {plan.sends.length} {mode === 'text' ? 'messages' : 'commands'}, one per session.
            </p>
          )}
          <p className="small">
            Preview for {plan.sends[0]!.name}: <code>{mode === 'text' ? plan.sends[0]!.text : plan.sends[0]!.data}</code>
          </p>
        </div>
      )}
      {phase === 'compose' && providerDescriptor(provider)?.capabilities.message && (
        <div className="row wrap">
          <input aria-label="Template name" placeholder="Template name" value={templateName} onChange={(e) => setTemplateName(e.target.value)} />
          <button
            type="button"
            disabled={formProblem !== null || !templateName.trim()}
            onClick={() => {
              const base = { id: newTemplateId(), name: templateName.trim() };
              void saveTemplate(
                mode === 'text'
                  ? { ...base, provider: 'luaprot', text }
                  : { ...base, provider: 'luaauth', command: command.trim(), ...(data.trim() ? { data } : {}) },
              );
              setTemplateName('');
            }}
          >
            Save as template
          </button>
        </div>
      )}
      {phase === 'confirm' && scope && (
        <>
          <p role="status">
            This {mode === 'text' ? 'message' : 'command'} will be sent to <strong>{scopeInWords(scope)}</strong>
            {plan.kind === 'per-session' && plan.sends.length > 1 ? ', filled and sent session by session' : ''}:
          </p>
          <PayloadQuote mode={mode} text={text} command={command} data={data} />
          {acknowledge && (
            <label className="row">
              <input type="checkbox" checked={scopeMeant} onChange={(e) => setScopeMeant(e.target.checked)} data-autofocus />
              <span>{acknowledge}</span>
            </label>
          )}
          <p>Send it?</p>
        </>
      )}
      {phase === 'sending' && (
        <div className="sending">
          <p>{mode === 'command' ? 'Waiting for the script to answer…' : 'Sending…'}</p>
          {mode === 'command' && (
            <progress
              aria-label="Waiting for an answer"
              max={COMMAND_WAIT_S}
              value={Math.min(elapsed, COMMAND_WAIT_S)}
            />
          )}
          <p className="muted small">
            {elapsed} s{mode === 'command' ? ` of up to ${COMMAND_WAIT_S} s` : ''}
          </p>
        </div>
      )}
      {phase === 'done' && outcome && (
        <div className="outcome">
          {outcome.error && (
            <p className="error-text" role="alert">
              {outcome.error}
            </p>
          )}
          {outcome.message && <p role="status">{quotedReply(provider, outcome.message)}</p>}
          {outcome.results && outcome.results.length === 1 && recipients.kind === 'one' ? (
            <dl className="facts" role="status" aria-label="Answer">
              <dt>Processed</dt>
              <dd>{outcome.results[0]!.processed ? 'yes' : 'no'}</dd>
              {outcome.results[0]!.response !== undefined && (
                <>
                  <dt>Response</dt>
                  <dd>
                    <code>{JSON.stringify(outcome.results[0]!.response)}</code>
                  </dd>
                </>
              )}
              {outcome.results[0]!.reason && (
                <>
                  <dt>Reason</dt>
                  <dd>{outcome.results[0]!.reason}</dd>
                </>
              )}
            </dl>
          ) : (
            outcome.results && <ResultList results={outcome.results} nameOf={nameOf} />
          )}
          {!outcome.error && !outcome.message && !outcome.results && <p role="status">Sent.</p>}
        </div>
      )}
    </Dialog>
  );
}
