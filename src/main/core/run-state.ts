import type { SystemSignal } from './ports';

/** What the run state steers: the poller's schedule, and a commit so the snapshot shows the change. */
export interface Pausable {
  pause(): void;
  resume(): void;
  refresh(): void;
}

/**
 * Whether the core is running and why polling is held: the user's pause and the system's
 * (asleep, offline) are kept apart, so resuming from sleep while still offline does not poll.
 */
export class RunState {
  /** Between start() and stop(): alert pauses read from settings only count while running. */
  started = false;
  private userPaused = false;
  private suspended = false;
  private offline = false;

  constructor(private readonly options: { poller: Pausable; commit: (force: boolean) => void }) {}

  get paused(): boolean {
    return this.userPaused || this.suspended || this.offline;
  }

  /** monitor:pause from the window. */
  setUserPaused(paused: boolean): void {
    this.userPaused = paused;
    this.apply();
  }

  /** Suspend/resume and offline/online from the host; back awake and online, every account is polled at once. */
  signal(signal: SystemSignal): void {
    if (signal === 'suspend') this.suspended = true;
    else if (signal === 'offline') this.offline = true;
    else if (signal === 'resume') this.suspended = false;
    else this.offline = false;
    this.apply();
    if ((signal === 'resume' || signal === 'online') && !this.paused) this.options.poller.refresh();
  }

  /** After the accounts were synced: newly added accounts must not poll while paused (nothing is resumed here). */
  holdIfPaused(): void {
    if (this.paused) this.options.poller.pause();
    this.options.commit(true);
  }

  private apply(): void {
    if (this.paused) this.options.poller.pause();
    else this.options.poller.resume();
    this.options.commit(true);
  }
}
