import { providerDescriptor } from '../../../shared/provider-descriptor';
import type { MessageResult, ProviderId } from '../../../shared/model';
import { scopeInWords, type BulkScope } from '../bulk-scope';
import type { MessageOutcome } from '../hooks/use-message-send';
import type { SendPlan } from '../message-plan';
import type { ComposeFields } from './MessageCompose';

/** The message dialog's steps after compose: review (for many), sending, and the outcome. */

/** LuaAuth waits up to 60 s for the script to answer. */
const COMMAND_WAIT_S = 60;

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

/** The review of a send to many: the exact scope and payload, and the scope acknowledgement when asked. */
export function MessageReview({
  mode,
  fields: { text, command, data },
  scope,
  plan,
  acknowledge,
  scopeMeant,
  onScopeMeant,
}: {
  mode: 'text' | 'command';
  fields: ComposeFields;
  scope: BulkScope;
  plan: SendPlan;
  acknowledge: string | null;
  scopeMeant: boolean;
  onScopeMeant: (meant: boolean) => void;
}) {
  return (
    <>
      <p role="status">
        This {mode === 'text' ? 'message' : 'command'} will be sent to <strong>{scopeInWords(scope)}</strong>
        {plan.kind === 'per-session' && plan.sends.length > 1 ? ', filled and sent session by session' : ''}:
      </p>
      <PayloadQuote mode={mode} text={text} command={command} data={data} />
      {acknowledge && (
        <label className="row">
          <input type="checkbox" checked={scopeMeant} onChange={(e) => onScopeMeant(e.target.checked)} data-autofocus />
          <span>{acknowledge}</span>
        </label>
      )}
      <p>Send it?</p>
    </>
  );
}

/** The wait: seconds so far, and for a LuaAuth command a bar up to its 60 s. */
export function MessageSending({ mode, elapsed }: { mode: 'text' | 'command'; elapsed: number }) {
  return (
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
  );
}

/** A provider that answers in its own sentences is quoted by name ("LuaProt: Message sent."). */
export function quotedReply(provider: ProviderId, message: string): string {
  const d = providerDescriptor(provider);
  return d?.quotesReplies ? `${d.label}: ${message}` : message;
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

/** What came back: the provider's words, one session's answer, or each session's result. */
export function MessageOutcomeView({
  provider,
  outcome,
  single,
  nameOf,
}: {
  provider: ProviderId;
  outcome: MessageOutcome;
  /** One recipient: its answer as facts rather than a list. */
  single: boolean;
  nameOf?: (sessionId: string) => string | undefined;
}) {
  return (
    <div className="outcome">
      {outcome.error && (
        <p className="error-text" role="alert">
          {outcome.error}
        </p>
      )}
      {outcome.message && <p role="status">{quotedReply(provider, outcome.message)}</p>}
      {outcome.results && outcome.results.length === 1 && single ? (
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
  );
}
