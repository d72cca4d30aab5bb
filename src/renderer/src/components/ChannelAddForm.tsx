import { useId, useState } from 'react';
import { CHANNEL_KIND_INFO, CHANNEL_KINDS, type ChannelKind } from '../../../shared/alert-channels';
import { fieldError } from '../field-errors';
import { useChannels } from '../stores/channels-store';
import { useUi } from '../stores/ui-store';
import { CHANNEL_FIELD_NAMES } from './ChannelWords';

type Errors = { kind?: string; label?: string; url?: string; form?: string };

/**
 * Adds a channel. The URL is a secret: the field is emptied once main has it, and from then on only
 * main's masked form is shown (in the channel's card). Refusals sit next to the field they name and
 * go away as soon as that field is edited.
 */
export function ChannelAddForm() {
  const add = useChannels((s) => s.add);
  const notify = useUi((s) => s.notify);
  const id = useId();
  const [kind, setKind] = useState<ChannelKind>('discord');
  const [label, setLabel] = useState('');
  const [url, setUrl] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  const edit = (field: keyof Errors) => setErrors(({ [field]: _fixed, form: _form, ...rest }) => rest);
  const described = (field: keyof Errors, hint?: string) =>
    [errors[field] ? `${id}-${field}-error` : '', hint ?? ''].filter(Boolean).join(' ') || undefined;

  const submit = async () => {
    setBusy(true);
    try {
      const view = await add({ kind, label: label.trim(), url });
      setLabel('');
      setUrl('');
      setErrors({});
      notify(`Channel "${view.label}" added. Use "Send test" to check it.`);
    } catch (err) {
      const { field, message } = fieldError(err, CHANNEL_FIELD_NAMES);
      setErrors(field === 'kind' || field === 'label' || field === 'url' ? { [field]: message } : { form: message });
    } finally {
      setBusy(false);
    }
  };

  const errorText = (field: keyof Errors) =>
    errors[field] && (
      <span id={`${id}-${field}-error`} className="error-text small field-error">
        {errors[field]}
      </span>
    );

  return (
    <form
      className="channel-add card"
      aria-label="Add a channel"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3 className="section-title">Add a channel</h3>
      <div className="field">
        <label htmlFor={`${id}-kind`}>Kind</label>
        <select
          id={`${id}-kind`}
          value={kind}
          aria-invalid={errors.kind ? true : undefined}
          aria-describedby={described('kind')}
          onChange={(e) => (setKind(e.target.value as ChannelKind), edit('kind'), edit('url'))}
        >
          {CHANNEL_KINDS.map((k) => (
            <option key={k} value={k}>
              {CHANNEL_KIND_INFO[k].label}
            </option>
          ))}
        </select>
        {errorText('kind')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-label`}>Name</label>
        <input
          id={`${id}-label`}
          value={label}
          maxLength={100}
          placeholder="e.g. My phone"
          aria-invalid={errors.label ? true : undefined}
          aria-describedby={described('label')}
          onChange={(e) => (setLabel(e.target.value), edit('label'))}
        />
        {errorText('label')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-url`}>URL</label>
        {/* A password-style field: the secret is not shown while typed, and never comes back from main. */}
        <input
          id={`${id}-url`}
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={url}
          aria-invalid={errors.url ? true : undefined}
          aria-describedby={described('url', `${id}-url-hint`)}
          onChange={(e) => (setUrl(e.target.value), edit('url'))}
        />
        <span id={`${id}-url-hint`} className="muted small">
          Paste {CHANNEL_KIND_INFO[kind].urlHint}. It is stored like your API keys, never in settings, and shown only masked once added.
        </span>
        {errorText('url')}
      </div>
      {errors.form && (
        <p className="error-text small" role="alert">
          {errors.form}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Adding…' : 'Add channel'}
        </button>
      </div>
    </form>
  );
}
