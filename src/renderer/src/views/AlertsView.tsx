import { useEffect, useMemo, useState } from 'react';
import type { AlertRule, QuietHours } from '../../../shared/alerts';
import { describeFailure, newOpId } from '../api';
import { ChannelsSection } from '../components/ChannelsSection';
import { AlertRuleRow, defaultSpec, ruleIsComplete, type ScopeOption } from '../components/AlertRuleRow';
import { useAlerts } from '../stores/alerts-store';
import { allTargets, useMonitor } from '../stores/monitor-store';
import { useUi } from '../stores/ui-store';
import { clock, dateTime } from '../time-format';
import { accountSeries, seriesIdentity, targetSeries, TOTAL_SERIES } from '../../../shared/series-ref';

function QuietHoursForm({ quiet }: { quiet: QuietHours }) {
  const save = useAlerts((s) => s.saveQuietHours);
  const notify = useUi((s) => s.notify);
  const [draft, setDraft] = useState(quiet);
  useEffect(() => setDraft(quiet), [quiet]);
  const dirty = JSON.stringify(draft) !== JSON.stringify(quiet);
  return (
    <form
      className="row wrap quiet-hours"
      aria-label="Quiet hours"
      onSubmit={(e) => {
        e.preventDefault();
        save(draft).then(
          () => notify('Quiet hours saved.'),
          (err) => notify(describeFailure(err), 'error'),
        );
      }}
    >
      <label className="check">
        <input type="checkbox" checked={draft.enabled} onChange={(e) => setDraft({ ...draft, enabled: e.target.checked })} />
        Quiet hours
      </label>
      <span className="time-range">
        <label className="field field-inline">
          <span>from</span>
          <input type="time" aria-label="Quiet hours start" value={draft.start} onChange={(e) => setDraft({ ...draft, start: e.target.value })} />
        </label>
        <label className="field field-inline">
          <span>to</span>
          <input type="time" aria-label="Quiet hours end" value={draft.end} onChange={(e) => setDraft({ ...draft, end: e.target.value })} />
        </label>
      </span>
      <button type="submit" disabled={!dirty}>
        Save quiet hours
      </button>
      <p className="muted small quiet-hint">
        During quiet hours alerts are still recorded in the history below, but no notification is shown.
      </p>
    </form>
  );
}

/** Alert rules per target and on totals, quiet hours, pause, and the history of what fired. */
export function AlertsView() {
  const { settings, log, load, saveRules, pause } = useAlerts();
  const snapshot = useMonitor((s) => s.snapshot);
  const notify = useUi((s) => s.notify);
  const [drafts, setDrafts] = useState<AlertRule[] | null>(null);

  useEffect(() => {
    void load().catch((err) => notify(describeFailure(err), 'error'));
  }, [load, notify]);

  const scopes = useMemo<ScopeOption[]>(() => {
    const out: ScopeOption[] = [{ value: seriesIdentity(TOTAL_SERIES), label: 'Total of all accounts', scope: TOTAL_SERIES }];
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
  const rules = drafts ?? settings.rules;
  const dirty = drafts !== null;
  const incomplete = rules.findIndex((r) => !ruleIsComplete(r));
  const edit = (next: AlertRule[]) => setDrafts(next);
  const pausedUntil = settings.pausedUntil && settings.pausedUntil > Date.now() ? settings.pausedUntil : null;

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
          <button
            type="button"
            onClick={() =>
              edit([...rules, { id: newOpId(), scope: { type: 'total' }, spec: defaultSpec('rise'), enabled: true, cooldownMinutes: 15 }])
            }
          >
            Add rule
          </button>
        </div>
        {rules.length === 0 && <p className="muted">No rules: nothing will notify you. Add a rule to be told when your counts jump or collapse.</p>}
        <ul className="rule-list">
          {rules.map((r, i) => (
            <AlertRuleRow
              key={r.id}
              n={i + 1}
              rule={r}
              scopes={scopes}
              onChange={(next) => edit(rules.map((x) => (x.id === r.id ? next : x)))}
              onRemove={() => edit(rules.filter((x) => x.id !== r.id))}
            />
          ))}
        </ul>
        <div className="button-row">
          <button type="button" disabled={!dirty} onClick={() => setDrafts(null)}>
            Discard changes
          </button>
          {incomplete >= 0 && (
            <span className="error-text small" role="status">
              Rule {incomplete + 1} has an empty or negative number.
            </span>
          )}
          <button
            type="button"
            className="primary"
            disabled={!dirty || incomplete >= 0}
            onClick={() =>
              void saveRules(rules).then(
                () => (setDrafts(null), notify('Alert rules saved.')),
                (err) => notify(describeFailure(err), 'error'),
              )
            }
          >
            Save rules
          </button>
        </div>
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
