import { useMemo, useState } from 'react';
import { describeFailure } from '../api';
import { GlancePanel } from '../components/GlancePanel';
import { useMediaQuery } from '../media-query';
import { PROVIDERS, PROVIDER_NAMES } from '../../../shared/model';
import { AccountStatusRow } from '../components/AccountStatusRow';
import { HistoryPanel } from '../components/HistoryPanel';
import { seriesOptions } from '../series-options';
import { TargetCard } from '../components/TargetCard';
import { useAccounts } from '../stores/accounts-store';
import { useMonitor } from '../stores/monitor-store';
import { useUi } from '../stores/ui-store';
import { notLiveAccounts } from '../not-live-accounts';
import { count } from '../time-format';
import './OverviewView.css';

/** At this width the overview is a grid: cards in columns, the glance beside them, a taller chart (the CSS says the same). */
const WIDE_QUERY = '(min-width: 1000px)';
const WIDE_CHART_HEIGHT = 300;

/**
 * The live picture: total, per-provider totals, what changed in the last hour, account health, a
 * card per target, history charts. In the panel one column; wide, the cards and chart on the left
 * and the glance beside them.
 */
export function OverviewView() {
  const snapshot = useMonitor((s) => s.snapshot);
  const refresh = useMonitor((s) => s.refresh);
  const renameTarget = useAccounts((s) => s.renameTarget);
  const openTarget = useUi((s) => s.openTarget);
  const setDemo = useMonitor((s) => s.setDemo);
  const notify = useUi((s) => s.notify);
  const wide = useMediaQuery(WIDE_QUERY);
  const [demoBusy, setDemoBusy] = useState(false);
  const tryDemo = async () => {
    setDemoBusy(true);
    try {
      await setDemo(true);
    } catch (err) {
      notify(describeFailure(err), 'error');
    } finally {
      setDemoBusy(false);
    }
  };
  const show = useUi((s) => s.show);

  // A project's scripts have series of their own here.
  const options = useMemo(() => seriesOptions(snapshot, true), [snapshot?.accounts]);

  if (!snapshot) return <p className="muted">Loading…</p>;

  if (snapshot.accounts.length === 0) {
    return (
      <section className="empty-state" aria-labelledby="welcome-title">
        <h2 id="welcome-title">Welcome to Pulsebar</h2>
        <p>Add a Junkie, LuaProt or LuaAuth account to watch your live sessions, or try demo mode: simulated providers with changing sessions, no key needed.</p>
        <div className="button-row">
          <button type="button" className="primary" onClick={() => show('accounts')}>
            Add an account
          </button>
          <button type="button" disabled={demoBusy} onClick={() => void tryDemo()}>
            {demoBusy ? 'Starting demo…' : 'Try demo'}
          </button>
        </div>
      </section>
    );
  }

  const notLive = notLiveAccounts(snapshot);
  const { glance } = snapshot;
  return (
    <div className="overview">
      <div className="overview-side">
        <section className="totals" aria-label="Live totals">
          <div className="grand-total">
            <span className="muted">
              Live now
              {glance.demoInTotal && (
                <span className="demo-badge" title="Includes simulated demo users">
                  Demo
                </span>
              )}
            </span>
            <output className="big-number" aria-label="Live total" aria-describedby={glance.demoInTotal ? 'total-demo-note' : undefined}>
              {count(snapshot.live.total)}
            </output>
            {glance.demoInTotal && (
              <span id="total-demo-note" className="visually-hidden">
                includes simulated demo users
              </span>
            )}
            {notLive.length > 0 && (
              <span className="stale-note">
                Leaves out {notLive.map((a) => a.account.label).join(', ')} (not live)
              </span>
            )}
          </div>
          <ul className="provider-totals">
            {PROVIDERS.filter((p) => snapshot.accounts.some((a) => a.account.provider === p)).map((p) => (
              <li key={p}>
                <span className="muted">{PROVIDER_NAMES[p]}</span>{' '}
                <strong aria-label={`${PROVIDER_NAMES[p]} total`}>
                  {/* Null (every account of this provider stale) prints a dash: main decides, see shared/live-totals. */}
                  {count(snapshot.live.byProvider[p] ?? null)}
                </strong>
                {glance.demoInProvider[p] && (
                  <span className="demo-badge" aria-label={`${PROVIDER_NAMES[p]} total includes demo users`}>
                    Demo
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>

        <GlancePanel glance={glance} onOpen={openTarget} />

        <section aria-labelledby="accounts-status-title">
          <h2 id="accounts-status-title" className="section-title">
            Accounts
          </h2>
          <ul className="account-status-list">
            {snapshot.accounts.map((a) => (
              <AccountStatusRow
                key={a.account.id}
                live={a}
                onRefresh={() => void refresh(a.account.id)}
                onOpenAccounts={() => show('accounts')}
              />
            ))}
          </ul>
        </section>
      </div>

      <div className="overview-main">
        <section aria-labelledby="targets-title">
          <h2 id="targets-title" className="section-title">
            Targets
          </h2>
          <ul className="target-grid">
            {snapshot.accounts.flatMap((a) =>
              a.targets.flatMap((t) => [
                <TargetCard
                  key={`${a.account.id}:${t.id}`}
                  target={t}
                  accountLabel={a.account.label}
                  providerLabel={PROVIDER_NAMES[a.account.provider]}
                  demo={a.account.demo}
                  onOpen={() => openTarget(a.account.id, t.id)}
                  // Demo accounts are fixed (main refuses edits to them).
                  {...(a.account.demo ? {} : { onRename: (label: string) => renameTarget(a.account, t, label) })}
                />,
                // A LuaAuth project's scripts, each a card of its own right under the project's.
                ...(t.children ?? []).map((c) => (
                  <TargetCard
                    key={`${a.account.id}:${t.id}:${c.id}`}
                    target={c}
                    accountLabel={a.account.label}
                    providerLabel={PROVIDER_NAMES[a.account.provider]}
                    demo={a.account.demo}
                    parentLabel={t.label}
                    onOpen={() => openTarget(a.account.id, c.id)}
                  />
                )),
              ]),
            )}
          </ul>
        </section>

        <HistoryPanel options={options} chartHeight={wide ? WIDE_CHART_HEIGHT : undefined} />
      </div>
    </div>
  );
}
