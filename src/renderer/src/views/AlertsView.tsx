import { useEffect, useId, useMemo, useState } from 'react';
import type { QuietHours } from '../../../shared/alerts';
import { clockTimeProblem } from '../../../shared/clock-time';
import { ruleSentence } from '../alert-sentence';
import { ALERT_TEMPLATES, ruleFromTemplate, type AlertTemplate } from '../alert-templates';
import { describeFailure, newOpId } from '../api';
import { fieldError } from '../field-errors';
import { useFormError } from '../hooks/use-form-error';
import { ChannelsSection } from '../components/ChannelsSection';
import { AlertRuleRow, ruleIsComplete, ruleProblem, scopeLabel, type ScopeOption } from '../components/AlertRuleRow';
import { useEscape } from '../keyboard';
import { draftChanged, useAlerts } from '../stores/alerts-store';
import { allTargets, useMonitor } from '../stores/monitor-store';
import { useUi } from '../stores/ui-store';
import { clock, dateTime } from '../time-format';
import { accountSeries, seriesIdentity, targetSeries, TOTAL_SERIES } from '../../../shared/series-ref';
import './AlertsView.css';

function QuietHoursForm({ quiet }: { quiet: QuietHours }) {
  const save = useAlerts((s) => s.saveQuietHours);
  const quietDraft = useAlerts((s) => s.quietDraft);
  const setQuietDraft = useAlerts((s) => s.setQuietDraft);
  const notify = useUi((s) => s.notify);
  const refusal = useFormError(QUIET_FIELD_NAMES);
  const id = useId();
  // Unsaved quiet hours live in the store: another view and back, they are still here.
  const draft = quietDraft ?? quiet;
  const setDraft = (next: QuietHours) => setQuietDraft(JSON.stringify(next) === JSON.stringify(quiet) ? null : next);
  const dirty = quietDraft !== null;
  // Checked here, in words, before main would refuse it as "start: time must be HH:MM".
  const problems = { start: clockTimeProblem(draft.start), end: clockTimeProblem(draft.end) };
  const timeField = (field: 'start' | 'end', words: string, label: string) => {
    const own = problems[field];
    const attrs = refusal.attrs(field);
    return (
      <span className="field-with-error">
        <label className="field field-inline">
          <span>{words}</span>
          <input
            type="time"
            aria-label={label}
            value={draft[field]}
            aria-invalid={own !== null || attrs['aria-invalid'] === true}
            aria-describedby={own ? `${id}-${field}` : attrs['aria-describedby']}
            onChange={(e) => (setDraft({ ...draft, [field]: e.target.value }), refusal.edited(field))}
          />
        </label>
        {own ? (
          <span id={`${id}-${field}`} className="error-text small field-error">
            {own}
          </span>
        ) : (
          refusal.message(field)
        )}
      </span>
    );
  };
  return (
    <form
      className="row wrap quiet-hours"
      aria-label="Quiet hours"
      onSubmit={(e) => {
        e.preventDefault();
        refusal.clear();
        save(draft).then(
          () => notify('Quiet hours saved.'),
          (err) => refusal.fail(err),
        );
      }}
    >
      <label className="check">
        <input type="checkbox" checked={draft.enabled} onChange={(e) => (setDraft({ ...draft, enabled: e.target.checked }), refusal.edited('enabled'))} />
        Quiet hours
      </label>
      <span className="time-range">
        {timeField('start', 'from', 'Quiet hours start')}
        {timeField('end', 'to', 'Quiet hours end')}
      </span>
      <button type="submit" disabled={!dirty || problems.start !== null || problems.end !== null}>
        Save quiet hours
      </button>
      {refusal.formError && (
        <p className="error-text small quiet-hint" role="alert">
          Not saved: {refusal.formError}
        </p>
      )}
      <p className="muted small quiet-hint">
        {dirty ? 'Not saved yet. ' : ''}During quiet hours alerts are still recorded in the history below, but no notification is shown.
      </p>
    </form>
  );
}

/** The quiet-hours fields as the user sees them, for refusals that name one. */
const QUIET_FIELD_NAMES: Record<string, string> = { start: 'Start', end: 'End' };

/** "Add rule": a short menu of templates; the new rule opens in its form. */
function AddRuleMenu({ onAdd }: { onAdd: (template: AlertTemplate) => void }) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  useEscape(() => setOpen(false), open);
  return (
    <div
      className="add-rule"
      onBlur={(e) => {
        // Focus leaving the menu (a click elsewhere, Tab past the last template) closes it.
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button type="button" aria-expanded={open} aria-controls={menuId} onClick={() => setOpen(!open)}>
        Add rule
      </button>
      {open && (
        <ul id={menuId} className="rule-templates" aria-label="Rule templates">
          {ALERT_TEMPLATES.map((t) => (
            <li key={t.id}>
              <button
                type="button"
                autoFocus={t === ALERT_TEMPLATES[0]}
                onClick={() => {
                  setOpen(false);
                  onAdd(t);
                }}
              >
                <strong>{t.name}</strong> <span className="muted small">{t.hint}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Alert rules per target and on totals, quiet hours, pause, and the history of what fired. */
export function AlertsView() {
  const { settings, log, load, pause, draft } = useAlerts();
  const alerts = useAlerts.getState;
  const snapshot = useMonitor((s) => s.snapshot);
  const notify = useUi((s) => s.notify);
  const [saveError, setSaveError] = useState<string | null>(null);

  useEffect(() => {
    void load().catch((err) => notify(describeFailure(err), 'error'));
  }, [load, notify]);

  const scopes = useMemo<ScopeOption[]>(() => {
    const out: ScopeOption[] = [{ value: seriesIdentity(TOTAL_SERIES), label: 'All accounts', scope: TOTAL_SERIES }];
    const refs = allTargets(snapshot);
    for (const a of snapshot?.accounts ?? []) {
      const account = accountSeries(a.account.id);
      out.push({ value: seriesIdentity(account), label: `${a.account.label} total`, scope: account });
      // A project's scripts have their own series: each can be watched (listed once, under its project).
      for (const t of refs.filter((r) => r.accountId === a.account.id))
        out.push({
          value: seriesIdentity(targetSeries(t.accountId, t.targetId)),
          label: `${t.label}${t.parent ? ` in ${t.parent.label}` : ''} · ${t.accountLabel}`,
          scope: targetSeries(t.accountId, t.targetId),
        });
    }
    return out;
  }, [snapshot]);

  if (!settings) return <p className="muted">Loading alerts…</p>;
  const rules = draft?.rules ?? settings.rules;
  const removed = new Set(draft?.removed ?? []);
  const editingId = draft?.editing?.id ?? null;
  const dirty = draftChanged(draft, settings.rules);
  const kept = rules.filter((r) => !removed.has(r.id));
  const broken = kept.findIndex((r) => !ruleIsComplete(r));
  const brokenProblem = broken >= 0 ? ruleProblem(kept[broken]!) : null;
  const pausedUntil = settings.pausedUntil && settings.pausedUntil > Date.now() ? settings.pausedUntil : null;

  const addFrom = (template: AlertTemplate) => {
    const total = snapshot?.total ?? null;
    alerts().editRule(ruleFromTemplate(template, newOpId(), { type: 'total' }, total), true);
  };
  const save = () =>
    void alerts()
      .saveDraft()
      .then(
        () => (setSaveError(null), notify('Alert rules saved.')),
        // Said in the save bar, beside the button, without main's "Invalid … request:" prefix.
        (err) => setSaveError(fieldError(err, {}).message),
      );

  return (
    <div className="alerts-view">
      <section className="card" aria-labelledby="pause-title">
        <div className="row wrap">
          <h2 id="pause-title" className="section-title">
            Notifications
          </h2>
          <span className="spacer" />
          <span className="muted small">{pausedUntil ? `Paused until ${clock(pausedUntil)}` : 'Active'}</span>
          {pausedUntil ? (
            <button type="button" onClick={() => void pause(null).catch((err) => notify(describeFailure(err), 'error'))}>
              Resume alerts
            </button>
          ) : (
            <button type="button" onClick={() => void pause(60).catch((err) => notify(describeFailure(err), 'error'))}>
              Pause alerts for 1 hour
            </button>
          )}
        </div>
        <QuietHoursForm quiet={settings.quietHours} />
      </section>

      <section aria-labelledby="rules-title">
        <div className="panel-head">
          <h2 id="rules-title">Alert rules</h2>
          <span className="spacer" />
          <AddRuleMenu onAdd={addFrom} />
        </div>
        {rules.length === 0 && <p className="muted">No rules: nothing will notify you. Add a rule to be told when your counts jump or collapse.</p>}
        <ul className="rule-list">
          {rules.map((r, i) =>
            removed.has(r.id) ? (
              <li key={r.id} className="card rule-removed" aria-label={`Rule ${i + 1} removed`}>
                <span className="muted">
                  Removed: <s>{ruleSentence(r, scopeLabel(scopes, r.scope))}</s>
                </span>
                <button type="button" onClick={() => alerts().undoRemove(r.id)}>
                  Undo
                </button>
              </li>
            ) : (
              <AlertRuleRow
                key={r.id}
                n={i + 1}
                rule={r}
                scopes={scopes}
                editing={editingId === r.id}
                onEdit={() => alerts().openRule(r.id)}
                onDone={() => alerts().openRule(null)}
                onCancel={() => alerts().cancelRule()}
                onChange={(next) => alerts().editRule(next)}
                onRemove={() => alerts().removeRule(r.id)}
              />
            ),
          )}
        </ul>
        {(dirty || brokenProblem || saveError) && (
          <div className={`rules-save-bar${editingId !== null ? ' editing' : ''}`} role="group" aria-label="Unsaved alert rules">
            <span className="small">
              {brokenProblem ? (
                <span className="error-text">
                  Rule {rules.indexOf(kept[broken]!) + 1}, {brokenProblem.field}: {brokenProblem.message}
                </span>
              ) : saveError ? (
                <span className="error-text" role="alert">
                  Not saved: {saveError}
                </span>
              ) : (
                'Unsaved changes: kept until you save or discard them.'
              )}
            </span>
            <span className="spacer" />
            <button type="button" onClick={() => (alerts().discardDraft(), setSaveError(null))}>
              Discard changes
            </button>
            <button type="button" className="primary" disabled={brokenProblem !== null} onClick={save}>
              Save rules
            </button>
          </div>
        )}
      </section>

      <ChannelsSection />

      <section aria-labelledby="alert-history-title">
        <h2 id="alert-history-title" className="section-title">
          Alert history
        </h2>
        {log.length === 0 ? (
          <p className="muted">No alerts yet. When a rule fires it is listed here, even during quiet hours or a pause.</p>
        ) : (
          <ol className="alert-log" aria-label="Alert history">
            {log.map((e) => (
              <li key={e.id} className={e.silenced ? 'silenced' : ''}>
                <span className="muted small">{dateTime(e.at)}</span> <strong>{e.subject}</strong>: {e.message}
                {e.silenced && <span className="badge">silenced</span>}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
