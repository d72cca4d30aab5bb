import type { Clock } from '../../shared/clock';
import type { TimerPort } from '../polling/poll-driver';
import type { History } from '../history/history';
import { HistoryStore } from '../history/history-store';

/** How often history is written to disk while running, unless told otherwise. */
const DEFAULT_SAVE_EVERY_MS = 5 * 60_000;

/**
 * The running history: loaded at start, saved every few minutes while running and once more
 * on quit. Snapshot + journal (history-store.ts): a save appends a few kB instead of rewriting it all.
 */
export class HistoryKeeper {
  private loaded: History | null = null;
  private timer: unknown = null;
  private readonly store: HistoryStore;

  constructor(
    configDir: string,
    private readonly options: { clock: Clock; log: (message: string) => void; saveEveryMs?: number | undefined },
  ) {
    this.store = new HistoryStore(configDir, { clock: options.clock });
  }

  /** The history once loaded (null before start). */
  get history(): History | null {
    return this.loaded;
  }

  /** Loads the history; returns a notice in words when the file could not be used. */
  async load(): Promise<{ history: History; notice?: string }> {
    const loaded = await this.store.load();
    this.loaded = loaded.history;
    return loaded.notice ? { history: loaded.history, notice: loaded.notice } : { history: loaded.history };
  }

  /** Saves every few minutes on `timers` until stopSaving(). */
  startSaving(timers: TimerPort): void {
    const every = this.options.saveEveryMs ?? DEFAULT_SAVE_EVERY_MS;
    const tick = (): void => {
      void this.saveNow();
      this.timer = timers.setTimeout(tick, every);
    };
    this.timer = timers.setTimeout(tick, every);
  }

  stopSaving(timers: TimerPort): void {
    if (this.timer !== null) timers.clearTimeout(this.timer);
    this.timer = null;
  }

  /** Prunes and saves; a failed save is logged (by kind only) and retried at the next one. */
  async saveNow(): Promise<void> {
    const history = this.loaded;
    if (!history) return;
    try {
      history.prune(this.options.clock.now());
      await this.store.save(history);
    } catch (error) {
      this.options.log(`pulsebar: history could not be saved (${error instanceof Error ? error.name : 'error'})`);
    }
  }
}
