/**
 * Drives a Poller in real time: one timer armed for poller.nextDueAt(),
 * re-armed whenever the schedule changes. Tests skip this and call runDue()
 * themselves on a ManualClock.
 *
 * Rounds may overlap: while one round waits for a slow answer, the timer stays armed for whatever
 * is due next (the next paced request, another account's cycle), so one straggling request never
 * holds up every account's polling nor bunches the paced requests behind it.
 */
import type { Clock } from '../../shared/clock';
import type { Poller } from './poller';

export interface TimerPort {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: TimerPort = {
  setTimeout: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    // A tray app must not be kept alive by its poll timer alone (CLI exits cleanly).
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** setTimeout refuses delays above 2^31 - 1 ms. */
const MAX_DELAY = 2 ** 31 - 1;

export class PollDriver {
  private handle: unknown = null;
  /** The due time the armed timer is for. */
  private armedFor: number | null = null;
  private stopped = true;

  constructor(
    private readonly poller: Poller,
    private readonly clock: Clock,
    private readonly afterRun: () => void,
    private readonly timers: TimerPort = realTimers,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  start(): void {
    this.stopped = false;
    this.kick();
  }

  stop(): void {
    this.stopped = true;
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
    this.armedFor = null;
  }

  /** The schedule may have changed: re-arm for the new next due time. */
  kick(): void {
    if (this.stopped) return;
    const at = this.poller.nextDueAt();
    // Already armed for that moment: keep the timer.
    if (this.handle !== null && at === this.armedFor) return;
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
    this.armedFor = null;
    if (at === null) return;
    const delay = Math.min(MAX_DELAY, Math.max(0, at - this.clock.now()));
    this.armedFor = at;
    this.handle = this.timers.setTimeout(() => void this.fire(), delay);
  }

  private async fire(): Promise<void> {
    this.handle = null;
    this.armedFor = null;
    if (this.stopped) return;
    try {
      const round = this.poller.runDue();
      // runDue has started what fits now; arm for what is due next before waiting for the answers.
      this.kick();
      await round;
      if (!this.stopped) this.afterRun();
    } catch (error) {
      // A throwing subscriber (tray, notifier, window) must not end polling for the rest of the day.
      this.onError(error);
    } finally {
      this.kick();
    }
  }
}
