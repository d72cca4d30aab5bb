import { needsAttention } from '../../../shared/account-attention';
import { describeFailure } from '../api';
import { useNow } from '../hooks/use-now';
import { useMonitor } from '../stores/monitor-store';
import { useUi } from '../stores/ui-store';
import { useWindow } from '../stores/window-store';
import { clock, count } from '../time-format';
import { Icon } from './Icon';
import './HeaderBar.css';

/** The Overview's status row of this account, once the view has rendered (AccountStatusRow's data-account). */
function scrollToAccount(accountId: string): void {
  requestAnimationFrame(() => document.querySelector(`[data-account="${CSS.escape(accountId)}"]`)?.scrollIntoView({ block: 'center' }));
}

/**
 * Title row: live total at a glance, what needs attention (accounts with a problem, alerts paused),
 * refresh, pause polling, detach and hide.
 */
export function HeaderBar() {
  const snapshot = useMonitor((s) => s.snapshot);
  const refresh = useMonitor((s) => s.refresh);
  const setPaused = useMonitor((s) => s.setPaused);
  const notify = useUi((s) => s.notify);
  const detached = useWindow((s) => s.detached);
  const setDetached = useWindow((s) => s.setDetached);
  const hide = useWindow((s) => s.hide);
  const show = useUi((s) => s.show);
  // The alerts pause ends on its own: the mark goes with it, snapshot or not.
  const now = useNow(15_000);
  const guard = (run: () => Promise<unknown>) => () => void run().catch((err) => notify(describeFailure(err), 'error'));
  const paused = snapshot?.paused ?? false;
  // The tray's rule (shared/account-attention), so the icon and the header agree.
  const troubled = snapshot?.accounts.filter(needsAttention) ?? [];
  const alertsPausedUntil = snapshot?.alertsPausedUntil != null && snapshot.alertsPausedUntil > now ? snapshot.alertsPausedUntil : null;
  const problemWords = `${troubled.length} account${troubled.length === 1 ? ' needs' : 's need'} attention`;
  const crowded = paused || troubled.length > 0 || alertsPausedUntil !== null;
  return (
    <header className={crowded ? 'header header-is-crowded' : 'header'}>
      <span className="brand" aria-hidden="true">
        Pulsebar
      </span>
      {snapshot && (
        <span className="header-total" aria-hidden="true">
          {count(snapshot.live.total)} live
        </span>
      )}
      {snapshot?.demo && (
        <span className="badge" title={snapshot.glance.demoInTotal ? 'Demo mode is on: the totals include simulated users' : 'Demo mode is on'}>
          Demo
        </span>
      )}
      {/* An icon and one short word, so the header stays one line at the panel's 420 px. */}
      {paused && (
        <span className="badge badge-warn header-paused" title="Polling is paused: counts are not updated until you resume">
          <Icon name="pause" size={11} />
          Paused<span className="visually-hidden"> (polling)</span>
        </span>
      )}
      {troubled.length > 0 && (
        <button
          type="button"
          className="badge badge-warn header-mark"
          aria-label={problemWords}
          title={`${problemWords}: ${troubled.map((a) => a.account.label).join(', ')}`}
          onClick={() => {
            show('overview');
            scrollToAccount(troubled[0]!.account.id);
          }}
        >
          <Icon name="attention" size={11} />
          {troubled.length}
        </button>
      )}
      {alertsPausedUntil !== null && (
        <button
          type="button"
          className="badge header-mark"
          aria-label={`Alerts paused until ${clock(alertsPausedUntil)}`}
          title={`Alerts paused until ${clock(alertsPausedUntil)}`}
          onClick={() => show('alerts')}
        >
          <Icon name="alertsOff" size={11} />
        </button>
      )}
      <span className="spacer" />
      <button type="button" className="icon-button" aria-label="Refresh now" title="Refresh now" onClick={guard(() => refresh())}>
        <Icon name="refresh" />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={paused ? 'Resume polling' : 'Pause polling'}
        title={paused ? 'Resume polling' : 'Pause polling'}
        onClick={guard(() => setPaused(!paused))}
      >
        <Icon name={paused ? 'play' : 'pause'} />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={detached ? 'Attach to tray' : 'Detach window'}
        title={detached ? 'Attach to tray' : 'Detach window'}
        onClick={guard(() => setDetached(!detached))}
      >
        <Icon name="detach" />
      </button>
      <button type="button" className="icon-button" aria-label="Hide panel" title="Hide (Esc)" onClick={guard(hide)}>
        <Icon name="hide" />
      </button>
    </header>
  );
}
