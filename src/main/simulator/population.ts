import type { ProviderId } from '../../shared/model';
import { gaussian, mixSeed, mulberry32, type Rng } from './prng';

/**
 * The live sessions of one provider, per target, and how they churn.
 * Sessions are kept compact (id, seed, created); provider modules derive the
 * rest (usernames, job ids, keys…) from `seed` on demand, so 50 targets ×
 * 5 000 sessions stay cheap in memory.
 */
export interface SimSession {
  id: string;
  /** Seed for the provider-specific details. */
  seed: number;
  /** Creation time, epoch ms. */
  created: number;
  /** Set by an explicit disconnect where the provider keeps listing it for a while (LuaProt). */
  disconnectedAt?: number;
  /** Marked for removal; compacted out of the target's array at the end of an operation. */
  removed?: boolean;
  /** Details chosen by a test (control `sessions`) instead of derived from `seed`. */
  pin?: SessionPin;
}

/**
 * Details a test may choose for a session, so a population can be built for grouping tests
 * (who plays which game, which key is on two accounts). Each provider uses only the fields its
 * seed document gives: place/universe id, job id, and LuaAuth's user key and roblox id, or the
 * Junkie/LuaProt username. Values keep each provider's wire type (LuaAuth ids stay numbers).
 */
export interface SessionPin {
  placeId?: string;
  jobId?: string;
  userKey?: string;
  robloxId?: string;
  username?: string;
}

export interface TargetPopulation {
  id: string;
  /** Stable index, part of the per-tick seed. */
  index: number;
  /** In creation order (joins append); includes lingering disconnected sessions. */
  sessions: SimSession[];
  /** Sessions not disconnected. */
  live: number;
  /** The level the random walk reverts to; moved by events and setPopulation. */
  center: number;
  /** False stops joins (a disabled LuaAuth script); existing sessions drain. */
  joinsEnabled: boolean;
  /** Built session by session by a test: no churn until setLive moves it again. */
  frozen?: boolean;
}

/** Fraction of live sessions replaced per tick at equilibrium (≈ 30 min average session at 5 s ticks). */
const CHURN_PER_TICK = 0.003;
/** The walk stays within ±25 % of its centre. */
const WALK_BOUND = 0.25;

export class ProviderPopulation {
  readonly targets: TargetPopulation[] = [];
  private readonly byTarget = new Map<string, TargetPopulation>();
  private readonly byId = new Map<string, { session: SimSession; target: TargetPopulation }>();
  private lingering: SimSession[] = [];
  private nextTargetIndex = 0;

  constructor(
    readonly provider: ProviderId,
    private readonly seed: number,
    private readonly newId: (rng: Rng) => string,
  ) {}

  addTarget(id: string, count: number, now: number, rng: Rng): TargetPopulation {
    const target: TargetPopulation = { id, index: this.nextTargetIndex++, sessions: [], live: 0, center: count, joinsEnabled: true };
    this.targets.push(target);
    this.byTarget.set(id, target);
    // Initial sessions started at some point in the last three hours, listed oldest first.
    const starts: number[] = [];
    for (let i = 0; i < count; i++) starts.push(now - Math.floor(rng() * 3 * 3_600_000));
    starts.sort((a, b) => a - b);
    for (const created of starts) this.create(target, created, rng);
    return target;
  }

  removeTarget(id: string): void {
    const target = this.byTarget.get(id);
    if (!target) return;
    for (const s of target.sessions) this.byId.delete(s.id);
    this.byTarget.delete(id);
    this.targets.splice(this.targets.indexOf(target), 1);
  }

  target(id: string): TargetPopulation | undefined {
    return this.byTarget.get(id);
  }

  find(sessionId: string): { session: SimSession; target: TargetPopulation } | undefined {
    return this.byId.get(sessionId);
  }

  /** Move a target to `count` live sessions now, and keep the walk around it. */
  setLive(target: TargetPopulation, count: number, now: number, rng: Rng): void {
    const wanted = Math.max(0, Math.round(count));
    target.center = wanted;
    target.frozen = false;
    if (wanted > target.live) this.join(target, wanted - target.live, now - 1000, now, rng);
    else if (wanted < target.live) this.leave(target, target.live - wanted, rng);
  }

  /** Replace a target's live sessions with exactly `pins` (one session each, listed in this order), frozen. */
  pinSessions(target: TargetPopulation, pins: readonly SessionPin[], now: number, rng: Rng): void {
    for (const s of target.sessions) if (!s.removed && s.disconnectedAt === undefined) this.markGone(target, s);
    this.compact(target);
    pins.forEach((pin, i) => {
      this.create(target, now - (pins.length - i) * 1000, rng);
      const created = target.sessions[target.sessions.length - 1] as SimSession;
      created.pin = { ...pin };
    });
    target.center = target.live;
    target.frozen = true;
  }

  /** One churn step of every target at `tickTime` (tick number `tick` seeds it). */
  tick(tick: number, tickTime: number, tickMs: number): void {
    for (const target of this.targets) {
      if (target.frozen) continue;
      const rng = mulberry32(mixSeed(this.seed, target.index, tick));
      const { live, center } = target;
      const turnover = live * CHURN_PER_TICK;
      const churn = Math.max(0, Math.round(turnover + gaussian(rng) * Math.sqrt(turnover)));
      const drift = (center - live) * 0.1 + gaussian(rng) * Math.sqrt(center) * 0.3;
      const lo = Math.floor(center * (1 - WALK_BOUND));
      const hi = Math.ceil(center * (1 + WALK_BOUND));
      const next = Math.min(hi, Math.max(lo, Math.round(live + drift)));
      let joins = churn + Math.max(0, next - live);
      const leaves = Math.min(live, churn + Math.max(0, live - next));
      if (!target.joinsEnabled) joins = 0;
      if (leaves > 0) this.leave(target, leaves, rng);
      if (joins > 0) this.join(target, joins, tickTime - tickMs, tickTime, rng);
    }
  }

  /** Explicit disconnect. With lingerMs > 0 the session stays listed (but not live) until purged. */
  disconnect(sessionId: string, now: number, lingerMs: number): boolean {
    const found = this.byId.get(sessionId);
    if (!found || found.session.disconnectedAt !== undefined) return false;
    found.target.live--;
    if (lingerMs > 0) {
      found.session.disconnectedAt = now;
      this.lingering.push(found.session);
    } else {
      found.session.removed = true;
      this.byId.delete(sessionId);
      this.compact(found.target);
    }
    return true;
  }

  /** Drop disconnected sessions whose linger time has passed. */
  purgeLingering(now: number, lingerMs: number): void {
    if (this.lingering.length === 0) return;
    const dirty = new Set<TargetPopulation>();
    this.lingering = this.lingering.filter((s) => {
      if (s.removed) return false;
      if ((s.disconnectedAt ?? now) + lingerMs > now) return true;
      const found = this.byId.get(s.id);
      s.removed = true;
      this.byId.delete(s.id);
      if (found) dirty.add(found.target);
      return false;
    });
    for (const t of dirty) this.compact(t);
  }

  private create(target: TargetPopulation, created: number, rng: Rng): void {
    let id = this.newId(rng);
    while (this.byId.has(id)) id = this.newId(rng); // ids must stay unique across targets
    const session: SimSession = { id, seed: Math.floor(rng() * 4294967296), created };
    target.sessions.push(session);
    target.live++;
    this.byId.set(id, { session, target });
  }

  private join(target: TargetPopulation, n: number, from: number, to: number, rng: Rng): void {
    const starts: number[] = [];
    for (let i = 0; i < n; i++) starts.push(from + Math.floor(rng() * Math.max(1, to - from)));
    starts.sort((a, b) => a - b);
    for (const created of starts) this.create(target, created, rng);
  }

  private leave(target: TargetPopulation, n: number, rng: Rng): void {
    const list = target.sessions;
    let left = Math.min(n, target.live);
    if (left <= 0) return;
    if (left * 4 < target.live) {
      // Few leavers: random probes are cheaper than collecting candidates.
      while (left > 0) {
        const s = list[Math.floor(rng() * list.length)];
        if (!s || s.removed || s.disconnectedAt !== undefined) continue;
        this.markGone(target, s);
        left--;
      }
    } else {
      const candidates = list.filter((s) => !s.removed && s.disconnectedAt === undefined);
      for (let i = 0; i < left; i++) {
        const j = i + Math.floor(rng() * (candidates.length - i));
        const chosen = candidates[j];
        const swap = candidates[i];
        if (!chosen || !swap) break;
        candidates[j] = swap;
        candidates[i] = chosen;
        this.markGone(target, chosen);
      }
    }
    this.compact(target);
  }

  private markGone(target: TargetPopulation, s: SimSession): void {
    s.removed = true;
    target.live--;
    this.byId.delete(s.id);
  }

  /** In-place, order-preserving removal of marked sessions (no new 5 000-element array per tick). */
  private compact(target: TargetPopulation): void {
    const list = target.sessions;
    let w = 0;
    for (let r = 0; r < list.length; r++) {
      const s = list[r] as SimSession;
      if (!s.removed) list[w++] = s;
    }
    list.length = w;
  }
}
