import { LUAPROT_MESSAGE_MAX, messageLength } from '../../../shared/luaprot-message';
import { providerDescriptor } from '../../../shared/provider-descriptor';
import { TEMPLATE_VARIABLES } from '../../../shared/message-templates';
import type { ProviderId } from '../../../shared/model';
import type { SendPlan } from '../message-plan';
import { useTemplates } from '../stores/templates-store';
import './field-error.css';
import { MessageTemplatePicker } from './MessageTemplatePicker';

const TEXT_MAX = LUAPROT_MESSAGE_MAX;

/** What the compose form holds; the dialog keeps it (the review and the send read it too). */
export interface ComposeFields {
  text: string;
  command: string;
  data: string;
  /** The name typed for "Save as template" (kept here so Review and Back keep it too). */
  templateName: string;
}

function newTemplateId(): string {
  return `tpl-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * The message dialog's compose step: a template or recent message, the text (LuaProt) or command and
 * JSON data (LuaAuth), what is wrong with them, the per-session preview and "Save as template".
 */
export function MessageCompose({
  provider,
  mode,
  fields,
  onChange,
  commandError,
  jsonError,
  formProblem,
  invalid,
  plan,
}: {
  provider: ProviderId;
  mode: 'text' | 'command';
  fields: ComposeFields;
  onChange: (patch: Partial<ComposeFields>) => void;
  /** The command key's own problem and the data's: each is said at its field. */
  commandError: string | null;
  jsonError: string | null;
  formProblem: string | null;
  invalid: string | null;
  plan: SendPlan;
}) {
  const { text, command, data, templateName } = fields;
  const setTemplateName = (name: string) => onChange({ templateName: name });
  const saveTemplate = useTemplates((s) => s.save);
  const textLength = messageLength(text);
  // Nothing is called wrong before the user has typed anything.
  const typed = Boolean(text || command || data);
  const commandShown = typed ? commandError : null;
  // Field problems are said at their fields; what is left (length, variables) below the form.
  const formWide = commandError ?? jsonError ? null : invalid;
  const variables = providerDescriptor(provider)?.messageVariables ?? TEMPLATE_VARIABLES;
  return (
    <>
      <MessageTemplatePicker
        provider={provider}
        onPick={(m) => {
          if ('text' in m) onChange({ text: m.text });
          else onChange({ command: m.command, data: m.data ?? '' });
        }}
      />
      {mode === 'text' && (
        <label className="field">
          <span>Message</span>
          <textarea
            value={text}
            rows={3}
            maxLength={TEXT_MAX * 2}
            aria-describedby="message-counter"
            onChange={(e) => onChange({ text: e.target.value })}
          />
          <span id="message-counter" className={`counter${textLength > TEXT_MAX ? ' over' : ''}`} aria-live="polite">
            {textLength} / {TEXT_MAX}
          </span>
        </label>
      )}
      {mode === 'command' && (
        <>
          <label className="field">
            <span>Command key</span>
            <input
              value={command}
              placeholder="e.g. notify"
              onChange={(e) => onChange({ command: e.target.value })}
              spellCheck={false}
              aria-invalid={commandShown !== null}
              aria-describedby={commandShown ? 'message-command-error' : undefined}
            />
          </label>
          {/* One live announcement at a time: the first problem is the alert, the other is read with its field. */}
          {commandShown && (
            <span id="message-command-error" role="alert" className="error-text small field-error">
              {commandShown}
            </span>
          )}
          <label className="field">
            <span>Data (JSON)</span>
            <textarea
              value={data}
              rows={4}
              className="mono"
              placeholder='{"text": "hello"}'
              spellCheck={false}
              aria-invalid={jsonError !== null}
              aria-describedby={jsonError ? 'message-data-error' : undefined}
              onChange={(e) => onChange({ data: e.target.value })}
            />
          </label>
          {jsonError && (
            <span id="message-data-error" role={commandShown ? undefined : 'alert'} className="error-text small field-error">
              {jsonError}
            </span>
          )}
          <p className="muted small">The script's handler may answer within 60 s.</p>
        </>
      )}
      {formWide && typed && (
        <p className="error-text" role="alert">
          {formWide}
        </p>
      )}
      {variables.length > 0 && (
        <p className="muted small">
          Variables: {variables.map((v) => `{${v}}`).join(', ')}
          {mode === 'command' ? ' (in the data, inside JSON strings)' : ''}, filled for each session.
        </p>
      )}
      {plan.kind === 'per-session' && (
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
      {providerDescriptor(provider)?.capabilities.message && (
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
    </>
  );
}
