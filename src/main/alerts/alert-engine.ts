/**
 * Adapter from the monitor's pure alert rules (src/main/monitor/alert-rules.ts)
 * and alert log to the MonitorService: keeps the engine state and the last 200
 * events between polls and persists both to <configDir>/alerts.json.
 */
import { copyFile, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { AlertEvent, AlertRule, AlertScope, QuietHours } from '../../shared/alerts';
import type { AccountConfig } from '../../shared/model';
import { asidePath, removeStaleTempFiles } from '../settings';
import { AlertLog } from '../monitor/alert-log';
import {
  defaultAlertRules,
  emptyAlertState,
  evaluate,
  forgetSeries,
  restartSeries,
  type AlertEngineState,
  type ScopeLabel,
} from '../monitor/alert-rules';
import type { History } from '../history/history';
import type { LocalMinutes } from '../monitor/quiet-hours';
import type { AlertEngine, WatchedSeries } from '../core/monitor-service';

/** The engine-state layout this build writes; a file with a higher one comes from a newer Pulsebar. */
const ALERT_STATE_VERSION = emptyAlertState().version;

export interface RulesAlertEngineOptions {
  /** Rules from settings; when none are saved, defaults on the grand total and each account apply. */
  rules: () => readonly AlertRule[];
  accounts: () => readonly AccountConfig[];
  quietHours: () => QuietHours | undefined;
  pausedUntil: () => number | null;
  localMinutes?: LocalMinutes;
  /** Where log and state persist; none in memory-only setups. */
  file?: string;
}

/**
 * Default rules for the scopes that exist right now: every account, and the grand total once there are
 * two or more (with one account the total is that account: one spike must not raise two alerts).
 */
export function defaultRulesFor(accounts: readonly AccountConfig[]): AlertRule[] {
  const scopes: AlertScope[] = [
    ...(accounts.length >= 2 ? [{ type: 'total' as const }] : []),
    ...accounts.map((a) => ({ type: 'account' as const, accountId: a.id })),
  ];
  return scopes.flatMap((scope) => defaultAlertRules(scope));
}

export class RulesAlertEngine implements AlertEngine {
  private state: AlertEngineState = emptyAlertState();
  private log = new AlertLog();
  private saving: Promise<void> = Promise.resolve();

  constructor(private readonly options: RulesAlertEngineOptions) {}

  effectiveRules(): AlertRule[] {
    const saved = this.options.rules();
    return saved.length > 0 ? [...saved] : defaultRulesFor(this.options.accounts());
  }

  evaluate(now: number, series: readonly WatchedSeries[], history: History): AlertEvent[] {
    const counts: Record<string, number> = {};
    const labels: Record<string, ScopeLabel> = {};
    for (const s of series) {
      counts[s.key] = s.value;
      labels[s.key] = s.provider ? { subject: s.subject, provider: s.provider } : { subject: s.subject };
    }
    const pausedUntil = this.options.pausedUntil();
    const quietHours = this.options.quietHours();
    const result = evaluate({
      rules: this.effectiveRules(),
      counts,
      history,
      state: this.state,
      now,
      labels,
      ...(quietHours ? { quietHours } : {}),
      ...(pausedUntil !== null ? { pausedUntil } : {}),
      ...(this.options.localMinutes ? { localMinutes: this.options.localMinutes } : {}),
    });
    this.state = result.state;
    if (result.events.length > 0) {
      this.log.add(...result.events);
      void this.save();
    }
    return result.events;
  }

  /** These series changed what they count at `at`: their rules never compare across the change. */
  restart(keys: readonly string[], at: number): void {
    if (keys.length === 0) return;
    this.state = restartSeries(this.state, keys, at);
    void this.save();
  }

  /** Drops the state of scopes that are gone (a removed account and its targets). */
  forget(gone: (key: string) => boolean): void {
    this.state = forgetSeries(this.state, gone);
    void this.save();
  }

  /** The engine state (tests and diagnostics). */
  get engineState(): AlertEngineState {
    return this.state;
  }

  recent(): readonly AlertEvent[] {
    return this.log.list();
  }

  /**
   * Reads alerts.json. A damaged file is moved aside (alerts.corrupt-<time>.json) rather than
   * overwritten by the next save; engine state from a newer Pulsebar is copied aside
   * (alerts.newer-<time>.json) and not used; either way the returned notice says so.
   * Crash leftovers of earlier saves (alerts.json.<n>) are removed first.
   */
  async load(): Promise<string | null> {
    const file = this.options.file;
    if (!file) return null;
    await removeStaleTempFiles(path.dirname(file), path.basename(file), Date.now());
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      return `The alert log (${file}) could not be read (${(error as Error).message}); alerts start with an empty log.`;
    }
    let data: { log?: unknown; state?: unknown };
    try {
      const parsed: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not a JSON object');
      data = parsed as typeof data;
    } catch (error) {
      const aside = await asidePath(file, 'corrupt', Date.now());
      const moved = await rename(file, aside).then(
        () => true,
        () => false,
      );
      return moved
        ? `The alert log was damaged (${(error as Error).message}) and was set aside as ${aside}; alerts start with an empty log.`
        : `The alert log was damaged (${(error as Error).message}) and could not be set aside; alerts start with an empty log.`;
    }
    this.log = AlertLog.fromJSON(data.log);
    const state = data.state as { version?: unknown; rules?: unknown } | undefined;
    if (state && typeof state.version === 'number' && state.version > ALERT_STATE_VERSION) {
      const aside = await asidePath(file, 'newer', Date.now());
      const copied = await copyFile(file, aside).then(
        () => true,
        () => false,
      );
      return (
        `The alert state was written by a newer version of Pulsebar (version ${state.version}); ` +
        `${copied ? `it was set aside as ${aside} and` : 'it could not be set aside and'} alert rules start afresh here. ` +
        'Update Pulsebar to use it again.'
      );
    }
    if (state && state.version === ALERT_STATE_VERSION && typeof state.rules === 'object') this.state = state as AlertEngineState;
    return null;
  }

  /** Serialised writes: the newest state always lands last. */
  save(): Promise<void> {
    const file = this.options.file;
    if (!file) return Promise.resolve();
    this.saving = this.saving
      .then(() => writeFileAtomic(file, JSON.stringify({ log: this.log.toJSON(), state: this.state }), { mode: 0o600 }))
      .catch(() => undefined);
    return this.saving;
  }
}
