import { describeFailure } from '../api';
import { useMonitor } from '../stores/monitor-store';
import { useUi } from '../stores/ui-store';
import { useWindow } from '../stores/window-store';
import { count } from '../time-format';
import { Icon } from './Icon';
import './HeaderBar.css';

/** Title row: live total at a glance, refresh, pause polling, detach and hide. */
export function HeaderBar() {
  const snapshot = useMonitor((s) => s.snapshot);
  const refresh = useMonitor((s) => s.refresh);
  const setPaused = useMonitor((s) => s.setPaused);
  const notify = useUi((s) => s.notify);
  const detached = useWindow((s) => s.detached);
  const setDetached = useWindow((s) => s.setDetached);
  const hide = useWindow((s) => s.hide);
  const guard = (run: () => Promise<unknown>) => () => void run().catch((err) => notify(describeFailure(err), 'error'));
  const paused = snapshot?.paused ?? false;
  return (
    <header className={paused ? 'header header-is-paused' : 'header'}>
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
