import { useMemo } from 'react';
import { PROVIDERS, PROVIDER_NAMES } from '../../../shared/model';
import { AccountStatusRow } from '../components/AccountStatusRow';
import { HistoryPanel } from '../components/HistoryPanel';
import { seriesOptions } from '../series-options';
import { TargetCard } from '../components/TargetCard';
import { useMonitor } from '../stores/monitor-store';
import { useUi } from '../stores/ui-store';
import { liveTotal, notLiveAccounts } from '../live-total';
import { count } from '../time-format';

/** The live picture: total, per-provider totals, account health, a card per target, history charts. */
export function OverviewView() {
  const snapshot = useMonitor((s) => s.snapshot);
  const refresh = useMonitor((s) => s.refresh);
  const openTarget = useUi((s) => s.openTarget);
  const show = useUi((s) => s.show);

  // A project's scripts have series of their own here.
  const options = useMemo(() => seriesOptions(snapshot, true), [snapshot?.accounts]);

  if (!snapshot) return <p className="muted">Loading…</p>;

  if (snapshot.accounts.length === 0) {
    return (
      <section className="empty-state" aria-labelledby="welcome-title">
        <h2 id="welcome-title">Welcome to Pulsebar</h2>
        <p>Add a Junkie, LuaProt or LuaAuth account to watch your live sessions, or try demo mode to see it work with simulated providers.</p>
        <div className="button-row">
          <button type="button" className="primary" onClick={() => show('accounts')}>
            Add an account
          </button>
        </div>
      </section>
    );
  }

  const notLive = notLiveAccounts(snapshot);
  return (
    <div className="overview">
      <section className="totals" aria-label="Live totals">
        <div className="grand-total">
          <span className="muted">Live now</span>
          <output className="big-number" aria-label="Live total">
            {count(liveTotal(snapshot))}
          </output>
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
                {/* Every account of this provider stale: nothing live, a dash rather than a zero. */}
                {count(snapshot.accounts.some((a) => a.account.provider === p && !a.stale) ? snapshot.byProvider[p] : null)}
              </strong>
            </li>
          ))}
        </ul>
      </section>

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
                onOpen={() => openTarget(a.account.id, t.id)}
              />,
              // A LuaAuth project's scripts, each a card of its own right under the project's.
              ...(t.children ?? []).map((c) => (
                <TargetCard
                  key={`${a.account.id}:${t.id}:${c.id}`}
                  target={c}
                  accountLabel={a.account.label}
                  parentLabel={t.label}
                  onOpen={() => openTarget(a.account.id, c.id)}
                />
              )),
            ]),
          )}
        </ul>
      </section>

      <HistoryPanel options={options} />
    </div>
  );
}
