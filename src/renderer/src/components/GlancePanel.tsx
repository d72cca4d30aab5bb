import type { Glance } from '../../../shared/ipc-contract';
import { clock, count } from '../time-format';

/**
 * "What changed" in the last hour, as main computed it (snapshot.glance): the targets that moved
 * most and the alerts raised. Each line opens the target it is about.
 */
export function GlancePanel({ glance, onOpen }: { glance: Glance; onOpen: (accountId: string, targetId: string) => void }) {
  const quiet = glance.changes.length === 0 && glance.alerts.length === 0;
  return (
    <section className="glance" aria-labelledby="glance-title">
      <h2 id="glance-title" className="section-title">
        What changed <span className="glance-since">since {clock(glance.since)}</span>
      </h2>
      {quiet ? (
        <p className="muted small glance-quiet">Nothing moved and no alert fired in the last hour.</p>
      ) : (
        <ul className="glance-list">
          {glance.changes.map((c) => {
            const words = `${c.label} (${c.accountLabel}${c.demo ? ', demo' : ''}): ${c.delta > 0 ? 'up' : 'down'} ${count(Math.abs(c.delta))}, from ${count(c.before)} to ${count(c.now)}`;
            return (
              <li key={`${c.accountId}:${c.targetId}`}>
                <button type="button" className="glance-row" aria-label={words} title={words} onClick={() => onOpen(c.accountId, c.targetId)}>
                  <span className="glance-name">
                    {c.label}
                    {c.demo && <span className="demo-badge">Demo</span>}
                  </span>
                  <span className={c.delta > 0 ? 'glance-delta change-up' : 'glance-delta change-down'} aria-hidden="true">
                    {c.delta > 0 ? '+' : '−'}
                    {count(Math.abs(c.delta))}
                  </span>
                  <span className="muted glance-span" aria-hidden="true">
                    {count(c.before)} → {count(c.now)}
                  </span>
                </button>
              </li>
            );
          })}
          {glance.alerts.map((a) => (
            <li key={a.id} className="glance-alert">
              <span className="glance-alert-mark" aria-hidden="true">
                !
              </span>
              <span className="glance-alert-text">
                <time className="muted">{clock(a.at)}</time> {a.subject}: {a.message}
                {a.silenced && <span className="muted"> (not notified: quiet hours or paused)</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
