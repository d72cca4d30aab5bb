import type { AccountLive } from '../../../shared/ipc-contract';
import { explainError } from '../../../shared/errors';
import { isKeyRejected, stateWords } from '../../../shared/account-words';
import { PROVIDER_NAMES } from '../../../shared/model';
import { useNow } from '../hooks/use-now';
import { retryWords } from '../retry-words';
import { ago, count } from '../time-format';

/** One account's health: its state, and when something is wrong, what happened and what to do. */
export function AccountStatusRow({
  live,
  onRefresh,
  onOpenAccounts,
}: {
  live: AccountLive;
  onRefresh: () => void;
  onOpenAccounts?: () => void;
}) {
  const { account, status } = live;
  // Ticks: "Last update … ago" and the retry countdown stay true between snapshots.
  const now = useNow();
  const explanation = status.explanation ?? (status.error ? explainError(status.error) : null);
  const healthy = status.state === 'ok' || status.state === 'idle';
  // While polls fail the number is the last one that came through: say so instead of passing it off as live.
  const lastKnown = (!healthy || live.stale === true) && live.total != null;
  // Main left it out of the totals (key rejected, or no answer for long): say that too.
  const notLive = live.stale === true && live.total != null;
  return (
    <li className={`account-status state-${status.state}`} data-account={account.id} aria-label={`${account.label} status`}>
      <div className="account-status-line">
        <span className="dot" aria-hidden="true" />
        <strong>{account.label}</strong>
        <span className="muted">{PROVIDER_NAMES[account.provider]}</span>
        {/* Simulated users: badged wherever they are counted (demo-badge: TargetCard.css). */}
        {account.demo && <span className="demo-badge">Demo</span>}
        <span className="spacer" />
        <span className="state-word">{stateWords(status, account.provider)}</span>
        <span
          className={`account-total${lastKnown ? ' stale' : ''}`}
          aria-label={`${account.label} live total`}
          title={lastKnown ? `Last known count, ${ago(status.lastSuccessAt, now)}` : undefined}
        >
          {count(live.total)}
        </span>
      </div>
      {notLive && <p className="stale-note">Not live: this last count is left out of the totals until the account answers again.</p>}
      {!healthy && explanation && (
        <div className="account-problem" role="status">
          <p className="problem-title">{explanation.title}</p>
          {status.state === 'rate_limited' && status.retry && (
            <p className="problem-retry" aria-label={`${account.label} retry`}>
              {retryWords(status.retry, PROVIDER_NAMES[account.provider], now)}
            </p>
          )}
          <p className="problem-advice">{explanation.advice}</p>
          {/* Only a rejected key is cured by a new one (not an IP whitelist or a missing permission). */}
          {isKeyRejected(status) && onOpenAccounts && !account.demo && (
            <button type="button" className="link-button" onClick={onOpenAccounts}>
              Replace the key in Accounts
            </button>
          )}
        </div>
      )}
      {status.diagnostics && status.diagnostics.length > 0 && (
        <ul className="account-diagnostics muted small" aria-label={`${account.label} read notes`} title="Counted anyway, with what the provider sent">
          {status.diagnostics.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      <div className="account-status-meta muted">
        {status.lastSuccessAt == null
          ? status.state === 'idle'
            ? 'Waiting for the first poll'
            : 'No successful update yet'
          : `Last update ${ago(status.lastSuccessAt, now)}`}
        <button type="button" className="link-button" aria-label={`Refresh ${account.label} now`} onClick={onRefresh}>
          Refresh
        </button>
      </div>
    </li>
  );
}
