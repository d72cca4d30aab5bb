import { useId, useState } from 'react';
import type { AppPreferences } from '../../../shared/ipc-contract';
import { PROVIDERS, PROVIDER_NAMES, type ProviderId } from '../../../shared/model';
import { POLL_INTERVAL_OFFERED } from '../../../shared/poll-intervals';
import { describeFailure, inBrowserBuild } from '../api';
import { currentPlatform, displayAccelerator } from '../accelerator';
import '../components/field-error.css';
import './SettingsView.css';
import { ShortcutRecorder } from '../components/ShortcutRecorder';
import { useMonitor } from '../stores/monitor-store';
import { useSettings } from '../stores/settings-store';
import { useUi } from '../stores/ui-store';

/** Poll bounds follow each provider's budget (shared/poll-intervals.ts); main enforces them too, these keep the form honest. */
function PollInterval({ provider, value, onSave }: { provider: ProviderId; value: number; onSave: (v: number) => Promise<string | null> }) {
  // An unsaved (or refused) entry lives in the settings store: another view and back, it is still here.
  const draft = useSettings((s) => s.pollDrafts[provider]) ?? String(value);
  const setDraft = useSettings((s) => s.setPollDraft);
  const [refusal, setRefusal] = useState<string | null>(null);
  const errorId = useId();
  const { min, max, why } = POLL_INTERVAL_OFFERED[provider];
  const n = Number(draft);
  const valid = draft.trim() !== '' && Number.isInteger(n) && n >= min && n <= max;
  const problem = valid ? refusal : `Between ${min} and ${max} seconds.`;
  const submit = () => {
    if (!valid) return;
    if (n === value) return setDraft(provider, null);
    void onSave(n).then((error) => {
      setRefusal(error);
      if (!error) setDraft(provider, null);
    });
  };
  return (
    <div className="poll-row">
      <label className="field field-inline">
        <span>{PROVIDER_NAMES[provider]}</span>
        <input
          type="number"
          aria-label={`${PROVIDER_NAMES[provider]} poll interval in seconds`}
          min={min}
          max={max}
          value={draft}
          aria-invalid={problem !== null}
          aria-describedby={errorId}
          onChange={(e) => {
            setRefusal(null);
            setDraft(provider, e.target.value === String(value) ? null : e.target.value);
          }}
          onBlur={submit}
          onKeyDown={(e) => e.key === 'Enter' && submit()}
        />
        <span className="muted">s</span>
      </label>
      <span id={errorId} className={`small ${problem ? 'error-text' : 'muted'}`}>
        {problem ?? why}
      </span>
    </div>
  );
}

/** Poll intervals, launch at login, notifications, theme and the global shortcut. */
export function SettingsView() {
  const prefs = useSettings((s) => s.prefs);
  const update = useSettings((s) => s.update);
  const version = useMonitor((s) => s.version);
  const notify = useUi((s) => s.notify);
  if (!prefs) return <p className="muted">Loading settings…</p>;
  // In the browser build these two are saved but nothing on the computer changes: said beside them.
  const browser = inBrowserBuild();

  const save = (patch: Partial<AppPreferences>, done?: string) =>
    void update(patch).then(
      () => done && notify(done),
      (err) => notify(describeFailure(err), 'error'),
    );
  /** Saves a change made in one field; a refusal is said at that field (the resolved text), not at the top. */
  const saveAtField = (patch: Partial<AppPreferences>, done: string): Promise<string | null> =>
    update(patch).then(
      () => (notify(done), null),
      (err) => describeFailure(err),
    );

  return (
    <div className="settings-view">
      <section className="card" aria-labelledby="poll-title">
        <h2 id="poll-title" className="section-title">
          Poll interval
        </h2>
        {PROVIDERS.map((p) => (
          <PollInterval
            key={p}
            provider={p}
            value={prefs.pollIntervalSeconds[p]}
            onSave={(v) => saveAtField({ pollIntervalSeconds: { ...prefs.pollIntervalSeconds, [p]: v } }, `${PROVIDER_NAMES[p]} polls every ${v} s.`)}
          />
        ))}
      </section>

      <section className="card" aria-labelledby="general-title">
        <h2 id="general-title" className="section-title">
          General
        </h2>
        <label className="check">
          <input
            type="checkbox"
            checked={prefs.launchAtLogin}
            aria-describedby={browser ? 'browser-only-note' : undefined}
            onChange={(e) => save({ launchAtLogin: e.target.checked })}
          />
          Launch at login
        </label>
        {browser && (
          <p id="browser-only-note" className="muted small">
            In the browser build, launch at login and the global shortcut are saved but have no effect; they work in the
            desktop app.
          </p>
        )}
        <label className="check">
          <input type="checkbox" checked={prefs.notifications} onChange={(e) => save({ notifications: e.target.checked })} />
          Show notifications
        </label>
        <fieldset className="segmented-field">
          <legend>Theme</legend>
          {(['system', 'light', 'dark'] as const).map((t) => (
            <label key={t} className="check">
              <input type="radio" name="theme" value={t} checked={prefs.theme === t} onChange={() => save({ theme: t })} />
              {t[0]!.toUpperCase() + t.slice(1)}
            </label>
          ))}
        </fieldset>
        <ShortcutRecorder
          value={prefs.globalShortcut}
          describedBy={browser ? 'browser-only-note' : undefined}
          save={(accelerator) => saveAtField({ globalShortcut: accelerator }, accelerator ? `Shortcut set to ${displayAccelerator(accelerator, currentPlatform())}.` : 'Shortcut removed.')}
        />
      </section>
      <p className="muted small">Pulsebar {version}</p>
    </div>
  );
}
