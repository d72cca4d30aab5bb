import { useId, useState } from 'react';
import { CHANNEL_ALERT_KINDS, CHANNEL_KIND_INFO, CHANNEL_SCOPE_TYPES, type ChannelPatch, type ChannelView } from '../../../shared/alert-channels';
import { fieldError } from '../field-errors';
import { useChannels } from '../stores/channels-store';
import { useMonitor } from '../stores/monitor-store';
import { ALERT_KIND_WORDS, CHANNEL_FIELD_NAMES, channelStateWords, kindLabel, SCOPE_TYPE_WORDS, testWords } from './ChannelWords';
import { ConfirmDialog } from './ConfirmDialog';

const toggled = <T,>(list: readonly T[], item: T, on: boolean): T[] => (on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item));

/**
 * A new URL for a channel (a webhook created again, a keychain entry lost). Like the add form's, the
 * field is a password field, emptied once main has the URL; a refusal sits under it until it is edited.
 */
function ReplaceUrlForm({ channel, onDone }: { channel: ChannelView; onDone: () => void }) {
  const update = useChannels((s) => s.update);
  const id = useId();
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="row wrap channel-replace"
      aria-label={`New URL for ${channel.label}`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        update({ id: channel.id, url }).then(
          () => (setUrl(''), onDone()),
          (err) => (setError(fieldError(err, CHANNEL_FIELD_NAMES).message), setBusy(false)),
        );
      }}
    >
      <div className="field grow">
        <label htmlFor={`${id}-url`}>New URL</label>
        <input
          id={`${id}-url`}
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={url}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          onChange={(e) => (setUrl(e.target.value), setError(null))}
        />
        <span id={`${id}-hint`} className="muted small">
          Paste {CHANNEL_KIND_INFO[channel.kind].urlHint}.
        </span>
        {error && (
          <span id={`${id}-error`} className="error-text small field-error">
            {error}
          </span>
        )}
      </div>
      <button type="submit" className="primary" disabled={busy}>
        Save URL
      </button>
      <button type="button" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
}

/** One channel: its state in words, what it gets (saved as you change it), Send test and Remove. */
export function ChannelCard({ channel }: { channel: ChannelView }) {
  const update = useChannels((s) => s.update);
  const remove = useChannels((s) => s.remove);
  const test = useChannels((s) => s.test);
  const tested = useChannels((s) => s.tests[channel.id]);
  const accounts = useMonitor((s) => s.snapshot?.accounts) ?? [];
  const [error, setError] = useState<{ field: string | null; message: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [replacing, setReplacing] = useState(false);
  const state = channelStateWords(channel);
  const name = channel.label;

  const save = (patch: Omit<ChannelPatch, 'id'>) =>
    void update({ id: channel.id, ...patch }).then(
      () => setError(null),
      (err) => setError(fieldError(err, CHANNEL_FIELD_NAMES)),
    );
  const errorFor = (field: string | null) =>
    error && error.field === field ? (
      <p className="error-text small field-error" role="alert">
        {error.message}
      </p>
    ) : null;

  return (
    <li className="card channel-card" aria-label={`Channel ${name}`}>
      <div className="row wrap channel-head">
        <strong className="channel-name">{name}</strong>
        <span className="badge">{kindLabel(channel)}</span>
        <span className="spacer" />
        <button
          type="button"
          role="switch"
          className="switch"
          aria-checked={channel.enabled}
          aria-label={`${name} enabled`}
          onClick={() => save({ enabled: !channel.enabled })}
        >
          <span className="switch-knob" />
        </button>
      </div>
      <div className="row wrap">
        <p className="muted small channel-url" aria-label={`${name} URL (masked)`}>
          {channel.maskedUrl ?? 'no URL stored'}
        </p>
        {!replacing && (
          <button type="button" className="link-button small" onClick={() => setReplacing(true)}>
            Replace URL
          </button>
        )}
      </div>
      {replacing && <ReplaceUrlForm channel={channel} onDone={() => setReplacing(false)} />}
      <p className={`small channel-state channel-state-${state.tone}`} role="status" aria-label={`${name} state`}>
        {state.text}
      </p>

      <fieldset className="channel-choices">
        <legend>Alert kinds</legend>
        {CHANNEL_ALERT_KINDS.map((k) => (
          <label key={k} className="check">
            <input type="checkbox" checked={channel.kinds.includes(k)} onChange={(e) => save({ kinds: toggled(channel.kinds, k, e.target.checked) })} />
            {ALERT_KIND_WORDS[k]}
          </label>
        ))}
        {channel.kinds.length === 0 && <span className="muted small">None ticked: no alert reaches this channel.</span>}
        {errorFor('kinds')}
      </fieldset>
      <fieldset className="channel-choices">
        <legend>Scopes</legend>
        {CHANNEL_SCOPE_TYPES.map((t) => (
          <label key={t} className="check">
            <input
              type="checkbox"
              checked={channel.scopeTypes.includes(t)}
              onChange={(e) => save({ scopeTypes: toggled(channel.scopeTypes, t, e.target.checked) })}
            />
            {SCOPE_TYPE_WORDS[t]}
          </label>
        ))}
        {errorFor('scopeTypes')}
      </fieldset>
      {accounts.length > 0 && (
        <fieldset className="channel-choices">
          <legend>Only these accounts (none ticked: every account)</legend>
          {accounts.map(({ account }) => (
            <label key={account.id} className="check">
              <input
                type="checkbox"
                checked={channel.accountIds.includes(account.id)}
                onChange={(e) => save({ accountIds: toggled(channel.accountIds, account.id, e.target.checked) })}
              />
              {account.label}
            </label>
          ))}
          {errorFor('accountIds')}
        </fieldset>
      )}
      <label className="check">
        <input type="checkbox" checked={channel.respectQuietHours} onChange={(e) => save({ respectQuietHours: e.target.checked })} />
        Keep quiet hours (off: alerts raised in quiet hours still reach this channel)
      </label>
      {error && !['kinds', 'scopeTypes', 'accountIds'].includes(error.field ?? '') && (
        <p className="error-text small" role="alert">
          {error.message}
        </p>
      )}

      <div className="button-row">
        <button type="button" disabled={tested === 'sending'} onClick={() => void test(channel.id)}>
          {tested === 'sending' ? 'Sending…' : 'Send test'}
        </button>
        <button type="button" className="danger" onClick={() => setConfirming(true)}>
          Remove
        </button>
      </div>
      {tested && tested !== 'sending' && (
        <p className={`small test-result ${tested.ok ? 'ok' : 'failed'}`} role="status" aria-label={`${name} test result`}>
          {testWords(tested)}
        </p>
      )}
      {confirming && (
        <ConfirmDialog
          title={`Remove ${name}?`}
          message={`Alerts will no longer be sent to "${name}" (${kindLabel(channel)}), and its URL is deleted from storage.`}
          confirmLabel="Remove channel"
          danger
          onConfirm={() => remove(channel.id)}
          onClose={() => setConfirming(false)}
        />
      )}
    </li>
  );
}
