import { PROVIDERS, type ProviderId } from '../../shared/model';
import type { Clock } from '../../shared/clock';
import type { FaultBoard } from './faults';
import { INVALID_JSON, json, type Reply } from './reply';
import type { RequestLog } from './request-log';
import type { Fault, LuaAuthClientBehaviour, SimulatorControl, SimulatorTargets } from './types';
import { isStrayMode, STRAY_MODES } from './strays';
import type { World } from './world';
import type { SessionPin } from './population';

const BEHAVIOURS: LuaAuthClientBehaviour[] = ['processed', 'handler_error', 'handler_missing', 'never_answers'];
const FAULT_TYPES = ['status', 'rate_limit_burst', 'slow', 'malformed_json', 'html_error', 'drop_connection'];

export function createControl(world: World, faults: FaultBoard, log: RequestLog, clock: Clock): SimulatorControl {
  const control: SimulatorControl = {
    injectFault: (provider, fault) => faults.inject(provider, fault),
    clearFaults: (provider) => faults.clear(provider),
    step: () => world.step(clock.now()),
    setPopulation: (provider, targetId, count) => {
      world.step(clock.now());
      world.setPopulation(provider, targetId, count, clock.now());
    },
    setSessions: (provider, targetId, pins) => {
      world.step(clock.now());
      world.pinSessions(provider, targetId, pins, clock.now());
    },
    population: (provider, targetId) => {
      world.step(clock.now());
      return world.population(provider, targetId);
    },
    setLuaAuthBehaviour: (behaviour, sessionId) => {
      if (sessionId === undefined) world.luaauthClients.fallback = behaviour;
      else world.luaauthClients.perSession.set(sessionId, behaviour);
    },
    setStrays: (provider, modes) => {
      for (const p of provider === 'all' ? PROVIDERS : [provider]) world.strays.set(p, modes);
    },
    strays: () => world.strays.list(),
    setLuaAuthPageCap: (cap) => {
      if (!(Number.isInteger(cap) && cap >= 1)) throw new Error('cap must be a whole number of at least 1');
      world.config.luaauth.maxPageLimit = cap;
    },
    requestLog: (provider) => log.list(provider),
    targets: (): SimulatorTargets => ({
      junkie: { scriptIds: world.junkie.scripts.map((s) => s.id) },
      luaprot: { hubIds: world.luaprot.hubs.map((h) => h.id), keys: world.luaprot.hubs.map((h) => h.keys[0]?.key ?? '') },
      luaauth: {
        projectIds: world.luaauth.projects.map((p) => p.id),
        scriptIds: [...world.luaauth.scripts.values()].filter((s) => !s.removed).map((s) => s.id),
      },
    }),
    messagesSent: (provider) => world.messages.filter((m) => !provider || m.provider === provider).map((m) => ({ ...m })),
  };
  return control;
}

const PIN_FIELDS = ['placeId', 'jobId', 'userKey', 'robloxId', 'username'] as const;

function parsePins(value: unknown): SessionPin[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const pins: SessionPin[] = [];
  for (const item of value) {
    if (!item || typeof item !== 'object') return undefined;
    const pin: SessionPin = {};
    for (const [k, v] of Object.entries(item as Record<string, unknown>)) {
      if (!(PIN_FIELDS as readonly string[]).includes(k) || typeof v !== 'string') return undefined;
      pin[k as (typeof PIN_FIELDS)[number]] = v;
    }
    pins.push(pin);
  }
  return pins;
}

const isProvider = (v: unknown): v is ProviderId => typeof v === 'string' && (PROVIDERS as readonly string[]).includes(v);
const bad = (message: string): Reply => json(400, { ok: false, error: message });

/**
 * The same control over HTTP, under /__control, for e2e tests and a user in another terminal.
 * Not part of any provider: no auth, no faults, not in the request log.
 */
export function handleControl(control: SimulatorControl, faults: FaultBoard, method: string, action: string, body: unknown): Reply {
  if (body === INVALID_JSON) return bad('body must be valid JSON');
  const b = (body ?? {}) as Record<string, unknown>;
  try {
    if (method === 'GET' && action === 'state') {
      const t = control.targets();
      const populations = {
        junkie: Object.fromEntries(t.junkie.scriptIds.map((id) => [id, control.population('junkie', id)])),
        luaprot: Object.fromEntries(t.luaprot.hubIds.map((id) => [id, control.population('luaprot', id)])),
        luaauth: Object.fromEntries(t.luaauth.scriptIds.map((id) => [id, control.population('luaauth', id)])),
      };
      return json(200, {
        ok: true,
        targets: t,
        populations,
        faults: faults.list(),
        strays: control.strays(),
        requests: control.requestLog().length,
        messages: control.messagesSent(),
      });
    }
    if (method !== 'POST') return json(404, { ok: false, error: 'unknown control route' });
    switch (action) {
      case 'fault': {
        const provider = b.provider ?? 'all';
        const fault = b.fault as Fault | undefined;
        if (provider !== 'all' && !isProvider(provider)) return bad('provider must be junkie, luaprot, luaauth or all');
        if (!fault || typeof fault !== 'object' || !FAULT_TYPES.includes(fault.type)) return bad(`fault.type must be one of ${FAULT_TYPES.join(', ')}`);
        control.injectFault(provider, fault);
        return json(200, { ok: true, faults: faults.list() });
      }
      case 'clear': {
        const provider = b.provider ?? 'all';
        if (provider !== 'all' && !isProvider(provider)) return bad('provider must be junkie, luaprot, luaauth or all');
        control.clearFaults(provider);
        return json(200, { ok: true });
      }
      case 'population': {
        if (!isProvider(b.provider) || typeof b.targetId !== 'string' || typeof b.count !== 'number' || b.count < 0) {
          return bad('expected {provider, targetId, count >= 0}');
        }
        control.setPopulation(b.provider, b.targetId, b.count);
        return json(200, { ok: true, population: control.population(b.provider, b.targetId) });
      }
      case 'sessions': {
        const pins = parsePins(b.sessions);
        if (!isProvider(b.provider) || typeof b.targetId !== 'string' || !pins) {
          return bad('expected {provider, targetId, sessions: [{placeId?, jobId?, userKey?, robloxId?, username?} as strings]}');
        }
        control.setSessions(b.provider, b.targetId, pins);
        return json(200, { ok: true, population: control.population(b.provider, b.targetId) });
      }
      case 'stray': {
        const provider = b.provider ?? 'all';
        if (provider !== 'all' && !isProvider(provider)) return bad('provider must be junkie, luaprot, luaauth or all');
        const modes = b.modes;
        if (!Array.isArray(modes) || !modes.every(isStrayMode)) return bad(`modes must be a list of ${STRAY_MODES.join(', ')} ([] for none)`);
        control.setStrays(provider, modes);
        return json(200, { ok: true, strays: control.strays() });
      }
      case 'behaviour': {
        const behaviour = b.behaviour as LuaAuthClientBehaviour;
        if (!BEHAVIOURS.includes(behaviour)) return bad(`behaviour must be one of ${BEHAVIOURS.join(', ')}`);
        control.setLuaAuthBehaviour(behaviour, typeof b.sessionId === 'string' ? b.sessionId : undefined);
        return json(200, { ok: true });
      }
      case 'luaauth-page-cap': {
        if (typeof b.cap !== 'number') return bad('expected {cap: a whole number of at least 1}');
        control.setLuaAuthPageCap(b.cap);
        return json(200, { ok: true, cap: b.cap });
      }
      default:
        return json(404, { ok: false, error: 'unknown control route' });
    }
  } catch (err) {
    return bad(err instanceof Error ? err.message : String(err));
  }
}
