import type { AccountLive } from '../../../shared/ipc-contract';
import { explainError } from '../../../shared/errors';
import { PROVIDER_NAMES, type AccountState } from '../../../shared/model';
import { ago, count } from '../time-format';

export const STATE_WORDS: Record<AccountState, string> = {
  ok: 'Live',
  degraded: 'Having trouble',
  rate_limited: 'Rate limited',
  unauthorized: 'Key rejected',
  offline: 'Offline',
  paused: 'Paused',
  idle: 'Waiting for first poll',
};

/** One account's health: its state, and when something is wrong, what happened and what to do. */
export function AccountStatusRow({ live, onRefresh }: { live: AccountLive; onRefresh: () => void }) {
  const { account, status } = live;
  const explanation = status.explanation ?? (status.error ? explainError(status.error) : null);
  const healthy = status.state === 'ok' || status.state === 'idle';
  return (
    <li className={`account-status state-${status.state}`} aria-label={`${account.label} status`}>
      <div className="account-status-line">
        <span className="dot" aria-hidden="true" />
        <strong>{account.label}</strong>
        <span className="muted">
          {PROVIDER_NAMES[account.provider]}
          {account.demo ? ' · demo' : ''}
        </span>
        <span className="spacer" />
        <span className="state-word">{STATE_WORDS[status.state]}</span>
        <span className="account-total" aria-label={`${account.label} live total`}>
          {count(live.total)}
        </span>
      </div>
      {!healthy && explanation && (
        <div className="account-problem" role="status">
          <p className="problem-title">{explanation.title}</p>
          <p className="problem-advice">{explanation.advice}</p>
        </div>
      )}
      <div className="account-status-meta muted">
        Last update {ago(status.lastSuccessAt)}
        <button type="button" className="link-button" aria-label={`Refresh ${account.label} now`} onClick={onRefresh}>
          Refresh
        </button>
      </div>
    </li>
  );
}
