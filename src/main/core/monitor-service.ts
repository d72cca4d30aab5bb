/**
 * One direction: poll results → live state → history → alert engine → one
 * commit per poll round (snapshot push, fired alerts, tray, notifications).
 * A failed poll leaves the last count in place: it never becomes a zero, is
 * never appended to history and so can never trigger a drop alert. An account
 * that stops answering for long (or whose key is rejected) is stale: its last
 * count stays visible, marked, and leaves the grand total (see isStale in staleness.ts).
 * Account status never rides on a poll result: it comes in only through setStatus (AccountStatuses).
 */
import { accountWithProvider } from '../../shared/account-name';
import type { AlertEvent, AlertScope } from '../../shared/alerts';
import type { Clock } from '../../shared/clock';
import type {
  AccountLive,
  AccountStatus,
  AccountView,
  HistoryPoint,
  HistoryRange,
  MonitorSnapshot,
  TargetLive,
} from '../../shared/ipc-contract';
import type { ProviderId, TargetKind } from '../../shared/model';
import { defaultProviderRegistry, type ProviderRegistry } from '../providers/registry';
import { History, type RangePoint } from '../history/history';
import { HISTORY_RANGE_MS, HISTORY_RANGE_POINTS } from '../../shared/history-ranges';
import { computeInsights, type Insights, type InsightsZone } from '../monitor/insights';
import { isAccountSeriesKey, OWN_TOTAL_KEY, seriesKey } from '../history/series-key';
import { accountSeries, targetSeries, TOTAL_SERIES, type SeriesRef } from '../../shared/series-ref';
import type { PollResult } from '../polling/poller';
import { computeGlance } from '../glance/glance';
import { defaultTargetLabel, providerNameOf, targetLabelOf } from '../names/target-label';
import { accountTotal, type AccountLiveState, type TargetState } from './account-live-state';
import { isStale } from './staleness';
import { liveTotals } from '../../shared/live-totals';

export const TREND_WINDOW_MS = 10 * 60_000;
export const SPARKLINE_WINDOW_MS = 60 * 60_000;
const SPARKLINE_POINTS = 60;
const RANGE_MS = HISTORY_RANGE_MS;
const RANGE_POINTS = HISTORY_RANGE_POINTS;

/** One series the alert engine looks at, with what it is about in words. */
export interface WatchedSeries {
  key: string;
  scope: AlertScope;
  subject: string;
  provider?: ProviderId;
  /** Count appended this round. */
  value: number;
}

/** The seam to the alert rules (src/main/monitor/alert-rules.ts) and the alert log, adapted in alert-engine.ts. */
export interface AlertEngine {
  /** Evaluates the series that got a new sample at `now`; returns the events raised (silenced ones included). */
  evaluate(now: number, series: readonly WatchedSeries[], history: History): AlertEvent[];
  recent(): readonly AlertEvent[];
  /** These series changed what they count at `at` (accounts added/removed, a target left out): start their rules afresh. */
  restart?(keys: readonly string[], at: number): void;
  /** Scopes that are gone for good (a removed account and its targets). */
  forget?(gone: (key: string) => boolean): void;
}

export interface MonitorServiceOptions {
  clock: Clock;
  history: History;
  alerts: AlertEngine;
  /** Called once per commit with the snapshot and the events raised in that round. */
  onCommit: (snapshot: MonitorSnapshot, fired: AlertEvent[]) => void;
  alertsPausedUntil: () => number | null;
  demo: () => boolean;
  paused: () => boolean;
  /** Where real accounts' keys are kept (the app's SecretStore.kind). */
  keyStore: () => MonitorSnapshot['keyStore'];
  /** What each provider is (default: the shipped ones). */
  registry?: ProviderRegistry;
  /** An account's effective poll interval in ms (null when it is not polled), for staleness. */
  intervalMs?: (accountId: string) => number | null;
  /** Names providers gave targets in key tests and discovery (target-names.ts). */
  learnedName?: (provider: ProviderId, kind: TargetKind, id: string) => string | undefined;
}

/** History points as the window and the CLI show them: a sample alone, a bucket with its spread. */
export function historyPoints(points: readonly RangePoint[]): HistoryPoint[] {
  return points.map((p) => (p.min === p.max ? { t: p.t, v: p.value } : { t: p.t, v: Math.round(p.value * 10) / 10, min: p.min, max: p.max }));
}

export class MonitorService {
  private readonly live = new Map<string, AccountLiveState>();
  private pending: PollResult[] = [];
  private dirty = false;
  /** How many snapshots were made: their `seq`, so the window can keep the newest. */
  private snapshots = 0;
  /** What the grand total counted at its last history sample (accounts and their compositions). */
  private totalComposition: string | null = null;
  /** Latest time seen, to notice the wall clock stepping back. */
  private lastNow = -Infinity;

  private readonly registry: ProviderRegistry;

  constructor(private readonly options: MonitorServiceOptions) {
    this.registry = options.registry ?? defaultProviderRegistry;
  }

  get history(): History {
    return this.options.history;
  }

  /** Sets the accounts shown (order kept); targets of a new config appear with unknown counts. */
  setAccounts(accounts: readonly AccountView[], statusOf: (id: string) => AccountStatus): void {
    const next = new Map<string, AccountLiveState>();
    for (const account of accounts) {
      const previous = this.live.get(account.id);
      const targets = new Map<string, TargetState>();
      for (const t of account.targets) {
        const old = previous?.targets.get(t.id);
        const userLabel = t.label?.trim();
        const polledName = old?.kind === t.kind ? old.polledName : undefined;
        const target: TargetState = {
          kind: t.kind,
          id: t.id,
          label: '',
          ...(userLabel ? { userLabel } : {}),
          ...(polledName !== undefined ? { polledName } : {}),
          count: old?.count ?? null,
          lastAt: old?.lastAt ?? null,
          ...(old?.children && old.kind === t.kind ? { children: old.children } : {}),
        };
        target.label = this.labelOf(account.provider, target);
        targets.set(t.id, target);
      }
      // Auto-discovered Junkie scripts stay until the next poll says otherwise.
      if (previous && this.registry.get(account.provider).descriptor.autoTargets && (account.autoTargets || account.targets.length === 0)) {
        for (const [id, t] of previous.targets) if (!targets.has(id)) targets.set(id, t);
      }
      next.set(account.id, {
        account,
        status: previous?.status ?? statusOf(account.id),
        total: previous?.total ?? null,
        composition: previous?.composition ?? null,
        heldRounds: previous?.heldRounds ?? 0,
        countedAt: previous?.countedAt ?? null,
        rejected: previous?.rejected ?? false,
        targets,
      });
    }
    this.live.clear();
    for (const [id, state] of next) this.live.set(id, state);
    this.dirty = true;
  }

  /** The one way status comes in (AccountStatuses.publish); a cycle's status arrives just before its result, so both share a commit. */
  setStatus(status: AccountStatus): void {
    const state = this.live.get(status.accountId);
    if (!state) return;
    state.status = status;
    if (status.state === 'unauthorized') state.rejected = true;
    this.dirty = true;
  }

  /** Queues a poll result; applied at the next commit (one commit per poll round). */
  accept(result: PollResult): void {
    this.pending.push(result);
  }

  /**
   * Applies the queued results: live counts, history, alerts; then hands the snapshot and the
   * events raised this round to onCommit. Does nothing when nothing changed, unless forced.
   */
  commit(force = false): { snapshot: MonitorSnapshot; fired: AlertEvent[] } | null {
    const results = this.pending;
    this.pending = [];
    if (results.length === 0 && !this.dirty && !force) return null;
    this.dirty = false;
    const now = this.options.clock.now();
    const history = this.options.history;
    const watched: WatchedSeries[] = [];

    // The wall clock stepped back (NTP, a manual change): samples dated after now would refuse every new one.
    if (now < this.lastNow) history.rewind(now);
    this.lastNow = now;
    const restarted: string[] = [];

    for (const result of results) {
      const state = this.live.get(result.accountId);
      if (!state) continue; // removed while its poll was in flight
      const account = state.account;
      const record = (target: TargetState, count: number): void => {
        target.count = count;
        target.lastAt = result.at;
        const key = seriesKey(targetSeries(account.id, target.id));
        // Every sample of a round is stamped with the commit time, like the grand total: the alert
        // rules compare this round with samples strictly before `now`, so an earlier stamp would make
        // the current count look like its own history (a threshold never crossed, a high never new).
        if (history.append(key, now, count)) {
          watched.push({
            key,
            scope: { type: 'target', accountId: account.id, targetId: target.id },
            subject: `${target.label} (${account.label})`,
            provider: account.provider,
            value: count,
          });
        }
      };
      for (const t of result.targets) {
        let target = state.targets.get(t.id);
        if (!target) {
          target = { kind: t.kind, id: t.id, label: t.label, count: null, lastAt: null };
          state.targets.set(t.id, target);
        }
        // The poll names targets too (a LuaAuth script's provider name); it is a provider's name only
        // when it is neither the user's label (then, or now: a poll may finish after a rename) nor the
        // "<Kind> <id>" default.
        if (!t.ownLabel && t.label !== target.userLabel && t.label !== defaultTargetLabel(t.kind, t.id)) target.polledName = t.label;
        target.label = this.labelOf(account.provider, target);
        if (t.children) {
          const children = new Map<string, TargetState>();
          for (const c of t.children) {
            const old = target.children?.get(c.id);
            const child: TargetState = { kind: c.kind, id: c.id, label: c.label, count: old?.count ?? null, lastAt: old?.lastAt ?? null };
            children.set(c.id, child);
            // A script also watched on its own gets one sample a round: History refuses a second one at `now`.
            if (c.count !== null) record(child, c.count);
          }
          target.children = children;
        }
        if (t.count === null) {
          // Gone for good (deleted script, mistyped id): no count to show; the account status says why.
          if (t.permanent) target.count = null;
          continue;
        }
        record(target, t.count);
      }
      const update = accountTotal(state, result);
      if (update === null) continue;
      const composition = update.composition;
      if (state.composition !== null && state.composition !== composition) restarted.push(seriesKey(accountSeries(account.id)));
      state.composition = composition;
      state.total = update.total;
      state.countedAt = result.at;
      state.rejected = false;
      if (!update.record) continue;
      if (history.append(seriesKey(accountSeries(account.id)), now, update.total)) {
        watched.push({
          key: seriesKey(accountSeries(account.id)),
          scope: { type: 'account', accountId: account.id },
          subject: accountWithProvider(account.label, this.registry.get(account.provider).descriptor.label),
          provider: account.provider,
          value: update.total,
        });
      }
    }

    const snapshot = this.snapshot(now);
    const counted = this.countedNow([...this.live.values()], now);
    if (results.length > 0 && counted) {
      // Accounts added or removed, demo on or off, a target left out of an account, an account going
      // stale or answering again: the grand total jumps without anybody joining or leaving, so its rules
      // must not compare across the change.
      const composition = counted.map((s) => `${s.account.id}{${s.composition ?? ''}}`).join('|');
      if (history.append(seriesKey(TOTAL_SERIES), now, snapshot.total)) {
        if (this.totalComposition !== null && this.totalComposition !== composition) restarted.push(seriesKey(TOTAL_SERIES));
        this.totalComposition = composition;
        watched.push({ key: seriesKey(TOTAL_SERIES), scope: TOTAL_SERIES, subject: 'All accounts', value: snapshot.total });
      }
    }
    if (results.length > 0 && this.options.demo()) this.recordOwnTotal(now);
    if (restarted.length > 0) this.options.alerts.restart?.(restarted, now);
    const fired = watched.length > 0 ? this.options.alerts.evaluate(now, watched, history) : [];
    // The glance lists this round's alerts too (the snapshot above was taken before they were raised).
    if (fired.length > 0) snapshot.glance = this.glanceOf(now, snapshot.accounts);
    this.options.onCommit(snapshot, fired);
    return { snapshot, fired };
  }

  /**
   * The accounts whose totals make a grand total at `now`, or null while none can: a stale account's
   * last total is no sample of "now", and right after a start (or an account added) the quick accounts
   * answer first, so a total without the ones still on their first cycle would chart as a collapse.
   */
  private countedNow(states: readonly AccountLiveState[], now: number): AccountLiveState[] | null {
    const counted = states.filter((s) => this.counts(s, now));
    const awaited = states.some((s) => s.total === null && !s.rejected && s.status.state === 'idle');
    return counted.length > 0 && !awaited ? counted : null;
  }

  /** While demo is on, the real accounts' own total, kept apart from the grand total (demo-total.ts). */
  private recordOwnTotal(now: number): void {
    const counted = this.countedNow([...this.live.values()].filter((s) => !s.account.demo), now);
    if (counted) this.options.history.append(OWN_TOTAL_KEY, now, counted.reduce((sum, s) => sum + s.total!, 0));
  }

  /** The grand total's history was replaced (demo turned off, demo-total.ts): its rules start afresh. */
  totalReplaced(): void {
    this.options.alerts.restart?.([seriesKey(TOTAL_SERIES)], this.options.clock.now());
    this.totalComposition = null;
    this.dirty = true;
  }

  /** New provider names were learned (key test, discovery): relabel the targets; the next commit shows them. */
  namesLearned(): void {
    for (const state of this.live.values()) {
      for (const t of state.targets.values()) t.label = this.labelOf(state.account.provider, t);
    }
    this.dirty = true;
  }

  private labelOf(provider: ProviderId, t: TargetState): string {
    return targetLabelOf({ ...t, learnedName: this.options.learnedName?.(provider, t.kind, t.id) });
  }

  private providerNameOf(provider: ProviderId, t: TargetState): string | undefined {
    return providerNameOf({ ...t, learnedName: this.options.learnedName?.(provider, t.kind, t.id) });
  }

  snapshot(now = this.options.clock.now()): MonitorSnapshot {
    const byProvider = Object.fromEntries(this.registry.ids().map((p) => [p, 0])) as Record<ProviderId, number>;
    const accounts: AccountLive[] = [];
    let total = 0;
    for (const state of this.live.values()) {
      const targets: TargetLive[] = [...state.targets.values()].map((t) => this.targetLive(state.account, t, now));
      const stale = this.isStale(state, now);
      accounts.push({ account: state.account, status: state.status, total: state.total, targets, stale });
      if (state.total !== null && !stale) {
        total += state.total;
        byProvider[state.account.provider] += state.total;
      }
    }
    const glance = this.glanceOf(now, accounts);
    return {
      at: now,
      seq: ++this.snapshots,
      total,
      byProvider,
      live: liveTotals({ total, byProvider, accounts }),
      accounts,
      alertsPausedUntil: this.options.alertsPausedUntil(),
      demo: this.options.demo(),
      paused: this.options.paused(),
      keyStore: this.options.keyStore(),
      glance,
    };
  }

  private glanceOf(now: number, accounts: readonly AccountLive[]): MonitorSnapshot['glance'] {
    const history = this.options.history;
    return computeGlance({
      now,
      accounts,
      countAt: (accountId, targetId, at) => history.valueAt(seriesKey(targetSeries(accountId, targetId)), at),
      alerts: this.options.alerts.recent(),
    });
  }

  /** Whether the account is stale at `now` (see isStale). */
  private isStale(state: AccountLiveState, now: number): boolean {
    return isStale({
      state: state.status.state,
      rejected: state.rejected,
      lastSuccessAt: state.status.lastSuccessAt ?? state.countedAt,
      intervalMs: this.options.intervalMs?.(state.account.id) ?? null,
      now,
    });
  }

  /** Whether the account's total is part of the grand total at `now`. */
  private counts(state: AccountLiveState, now: number): boolean {
    return state.total !== null && !this.isStale(state, now);
  }

  /** Chart points of a range, or with `every` each kept sample or bucket (the CSV export's rows). */
  historyRange(series: SeriesRef, range: HistoryRange, every = false): HistoryPoint[] {
    const historyKey = seriesKey(series);
    const now = this.options.clock.now();
    return historyPoints(this.options.history.range(historyKey, now - RANGE_MS[range], now, every ? Number.MAX_SAFE_INTEGER : RANGE_POINTS[range]));
  }

  /** Insights of one series over the kept history (hourly bins over 90 days), in the given time zone. */
  insights(series: SeriesRef, zone: InsightsZone): Insights {
    const historyKey = seriesKey(series);
    const now = this.options.clock.now();
    const from = now - RANGE_MS['90d'];
    const history = this.options.history;
    return computeInsights(history.range(historyKey, from, now, RANGE_POINTS['90d']), now, zone, history.peakSources(historyKey, from, now));
  }

  /** Forgets an account's live state and history. */
  forget(accountId: string): void {
    this.live.delete(accountId);
    const gone = (key: string) => isAccountSeriesKey(key, accountId);
    for (const key of this.options.history.keys()) {
      if (gone(key)) this.options.history.remove(key);
    }
    this.options.alerts.forget?.(gone);
    this.dirty = true;
  }

  private targetLive(account: AccountView, t: TargetState, now: number): TargetLive {
    const key = seriesKey(targetSeries(account.id, t.id));
    const history = this.options.history;
    const before = history.valueAt(key, now - TREND_WINDOW_MS);
    const trend = t.count !== null && before !== undefined ? t.count - before : null;
    const sparkline = history.range(key, now - SPARKLINE_WINDOW_MS, now, SPARKLINE_POINTS).map((p) => Math.round(p.value));
    const live: TargetLive = { kind: t.kind, id: t.id, label: t.label, count: t.count, trend, sparkline };
    const providerName = this.providerNameOf(account.provider, t);
    if (providerName !== undefined) live.providerName = providerName;
    if (t.userLabel) live.ownLabel = true;
    if (t.children) live.children = [...t.children.values()].map((c) => this.targetLive(account, c, now));
    return live;
  }
}
