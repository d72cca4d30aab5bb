import { useEffect, useState } from 'react';
import type { AppPreferences } from '../../../shared/ipc-contract';
import { PROVIDERS, PROVIDER_NAMES, type ProviderId } from '../../../shared/model';
import { POLL_INTERVAL_OFFERED } from '../../../shared/poll-intervals';
import { describeFailure, inBrowserBuild } from '../api';
import { useMonitor } from '../stores/monitor-store';
import { useSettings } from '../stores/settings-store';
import { useUi } from '../stores/ui-store';

function PollInterval({ provider, value, onSave }: { provider: ProviderId; value: number; onSave: (v: number) => void }) {
  const [draft, setDraft] = useState(String(value));
  useEffect(() => setDraft(String(value)), [value]);
  const { min, max, why } = POLL_INTERVAL_OFFERED[provider];
  const n = Number(draft);
  const valid = Number.isInteger(n) && n >= min && n <= max;
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
          aria-invalid={!valid}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => valid && n !== value && onSave(n)}
          onKeyDown={(e) => e.key === 'Enter' && valid && n !== value && onSave(n)}
        />
        <span className="muted">s</span>
      </label>
      <span className={`small ${valid ? 'muted' : 'error-text'}`}>{valid ? why : `Between ${min} and ${max} seconds.`}</span>
    </div>
  );
}

/** Poll intervals, launch at login, notifications, theme and the global shortcut. */
export function SettingsView() {
  const prefs = useSettings((s) => s.prefs);
  const update = useSettings((s) => s.update);
  const version = useMonitor((s) => s.version);
  const notify = useUi((s) => s.notify);
  const [shortcut, setShortcut] = useState(prefs?.globalShortcut ?? '');
  useEffect(() => setShortcut(prefs?.globalShortcut ?? ''), [prefs?.globalShortcut]);
  if (!prefs) return <p className="muted">Loading settings…</p>;
  // In the browser build these two are saved but nothing on the computer changes: said beside them.
  const browser = inBrowserBuild();

  const save = (patch: Partial<AppPreferences>, done?: string) =>
    void update(patch).then(
      () => done && notify(done),
      (err) => notify(describeFailure(err), 'error'),
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
            onSave={(v) => save({ pollIntervalSeconds: { ...prefs.pollIntervalSeconds, [p]: v } }, `${PROVIDER_NAMES[p]} polls every ${v} s.`)}
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
        <form
          className="row wrap shortcut-form"
          onSubmit={(e) => {
            e.preventDefault();
            save({ globalShortcut: shortcut.trim() || null }, shortcut.trim() ? `Shortcut set to ${shortcut.trim()}.` : 'Shortcut removed.');
          }}
        >
          <label className="field shortcut-field">
            <span>Global shortcut</span>
            <input
              value={shortcut}
              placeholder="e.g. CommandOrControl+Shift+P"
              spellCheck={false}
              aria-describedby={browser ? 'shortcut-hint browser-only-note' : 'shortcut-hint'}
              onChange={(e) => setShortcut(e.target.value)}
            />
          </label>
          <button type="submit">Set shortcut</button>
          <span id="shortcut-hint" className="muted small shortcut-hint">
            Opens the panel from anywhere. Leave empty and set to remove it.
          </span>
        </form>
      </section>
      <p className="muted small">Pulsebar {version}</p>
    </div>
  );
}
