import { StrayBoard } from './strays';
import { PROVIDERS, type ProviderId } from '../../shared/model';
import { MAX_TICKS_PER_STEP, TICK_MS, type SimConfig } from './config';
import { alnumId, digitsId, uuid } from './ids';
import { buildJunkieAccount, type JunkieAccount } from './junkie-data';
import { buildLuaAuthAccount, type LuaAuthAccount } from './luaauth-data';
import { buildLuaProtAccount, type LuaProtAccount } from './luaprot-data';
import { ProviderPopulation, type SessionPin } from './population';
import { mixSeed, mulberry32 } from './prng';
import type { LuaAuthClientBehaviour, ScriptedEvent, SentMessage } from './types';

/** Per target; well above the 5 000 the benchmarks use. */
export const MAX_POPULATION = 100_000;

const PROVIDER_SALT: Record<ProviderId, number> = { junkie: 1, luaprot: 2, luaauth: 3 };

/**
 * Everything the three fake providers serve: accounts, live populations and
 * what was sent to sessions. Time only moves in step(), lazily, in fixed ticks
 * from the start time, so the same seed and the same clock readings give the
 * same world whatever the request pattern in between.
 */
export class World {
  readonly start: number;
  readonly junkie: JunkieAccount;
  readonly luaprot: LuaProtAccount;
  readonly luaauth: LuaAuthAccount;
  readonly populations: Record<ProviderId, ProviderPopulation>;
  readonly messages: SentMessage[] = [];
  /** Ways the providers stray from their docs right now (strays.ts). */
  readonly strays = new StrayBoard();
  /** How simulated LuaAuth game clients answer commands: a default plus per-session overrides. */
  readonly luaauthClients: { fallback: LuaAuthClientBehaviour; perSession: Map<string, LuaAuthClientBehaviour> };
  private lastTick = 0;
  private readonly events: Array<ScriptedEvent & { seq: number }>;
  private nextEvent = 0;
  private actionCount = 0;

  constructor(readonly config: SimConfig) {
    const { seed, baseSessions } = config;
    this.start = config.clock.now();
    this.luaauthClients = { fallback: config.luaauth.clientBehaviour, perSession: new Map() };
    const fixtures = (p: ProviderId) => mulberry32(mixSeed(seed, PROVIDER_SALT[p], 0xf1));
    this.junkie = buildJunkieAccount(fixtures('junkie'), config.junkie.scripts, baseSessions, this.start);
    this.luaprot = buildLuaProtAccount(fixtures('luaprot'), config.luaprot.hubs, baseSessions, this.start);
    this.luaauth = buildLuaAuthAccount(fixtures('luaauth'), config.luaauth.projects, config.luaauth.scriptsPerProject, baseSessions);

    const pop = (p: ProviderId, newId: (r: () => number) => string) => new ProviderPopulation(p, mixSeed(seed, PROVIDER_SALT[p]), newId);
    this.populations = {
      junkie: pop('junkie', uuid), // Junkie's session id format is unknown [U]; a UUID is a safe guess.
      luaprot: pop('luaprot', (r) => digitsId(r, 20)),
      luaauth: pop('luaauth', (r) => alnumId(r, 32)),
    };
    const initial = (p: ProviderId, ids: string[]) => {
      const rng = mulberry32(mixSeed(seed, PROVIDER_SALT[p], 0x1417));
      for (const id of ids) this.populations[p].addTarget(id, baseSessions, this.start, rng);
    };
    initial('junkie', this.junkie.scripts.map((s) => s.id));
    initial('luaprot', this.luaprot.hubs.map((h) => h.id));
    initial('luaauth', [...this.luaauth.scripts.keys()]);

    this.events = config.events.map((e, seq) => ({ ...e, seq })).sort((a, b) => a.atMs - b.atMs || a.seq - b.seq);
    for (const e of this.events) {
      if (e.targetId !== undefined && !this.populations[e.provider].target(e.targetId)) {
        throw new Error(`Scripted event for unknown ${e.provider} target ${e.targetId}`);
      }
    }
  }

  /** Catch the world up with `now`: churn ticks (at most MAX_TICKS_PER_STEP), due events, linger expiry. */
  step(now: number): void {
    const due = Math.floor((now - this.start) / TICK_MS);
    if (due > this.lastTick) {
      // A jump of days only simulates its last minute; due events are still all applied, in order.
      const first = Math.max(this.lastTick + 1, due - MAX_TICKS_PER_STEP + 1);
      for (let k = first; k <= due; k++) {
        const at = this.start + k * TICK_MS;
        this.applyEvents(at);
        for (const p of PROVIDERS) this.populations[p].tick(k, at, TICK_MS);
      }
      this.lastTick = due;
    }
    this.applyEvents(now);
    this.populations.luaprot.purgeLingering(now, this.config.luaprot.disconnectLingerMs);
  }

  setPopulation(provider: ProviderId, targetId: string, count: number, now: number): void {
    const target = this.populations[provider].target(targetId);
    if (!target) throw new Error(`Unknown ${provider} target ${targetId}`);
    // A typo over /__control must not try to build millions of sessions.
    if (!Number.isFinite(count) || count < 0 || count > MAX_POPULATION) throw new Error(`count must be between 0 and ${MAX_POPULATION}`);
    const rng = mulberry32(mixSeed(this.config.seed, 0xc0, this.actionCount++));
    this.populations[provider].setLive(target, count, now, rng);
  }

  /** Replace a target's sessions with exactly these (details chosen per session), and stop its churn. */
  pinSessions(provider: ProviderId, targetId: string, pins: readonly SessionPin[], now: number): void {
    const target = this.populations[provider].target(targetId);
    if (!target) throw new Error(`Unknown ${provider} target ${targetId}`);
    if (pins.length > MAX_POPULATION) throw new Error(`at most ${MAX_POPULATION} sessions`);
    const rng = mulberry32(mixSeed(this.config.seed, 0xc1, this.actionCount++));
    this.populations[provider].pinSessions(target, pins, now, rng);
  }

  population(provider: ProviderId, targetId: string): number {
    const target = this.populations[provider].target(targetId);
    if (!target) throw new Error(`Unknown ${provider} target ${targetId}`);
    return target.live;
  }

  private applyEvents(upTo: number): void {
    while (this.nextEvent < this.events.length) {
      const e = this.events[this.nextEvent];
      if (!e || this.start + e.atMs > upTo) return;
      this.nextEvent++;
      const pop = this.populations[e.provider];
      const target = e.targetId !== undefined ? pop.target(e.targetId) : pop.targets[0];
      if (!target) continue; // e.g. a LuaAuth script removed before its event
      const count = e.to ?? Math.round(target.live * (e.factor ?? 1));
      const rng = mulberry32(mixSeed(this.config.seed, 0xe1, e.seq));
      pop.setLive(target, count, this.start + e.atMs, rng);
    }
  }
}
