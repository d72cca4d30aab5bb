import { alnumId, digitsId, scriptName, uuid } from './ids';
import { mixSeed, mulberry32, pick, randInt, type Rng } from './prng';
import type { SimSession } from './population';

/** The simulated LuaAuth account: projects and their scripts (mutable: edit/toggle/remove change them). */
export interface LuaAuthProject {
  id: string;
  name: string;
  fingerprint_reset_cooldown: number;
  allow_fingerprint_resets: boolean;
  delete_expired_users: boolean;
  execution_webhook: string;
  information_webhook: string;
  blacklist_webhook: string;
  scriptIds: string[];
  userKeys: string[];
}

export interface LuaAuthScript {
  id: string;
  index: number;
  project_id: string;
  /** `""` in an edit sets it to null (documented edit semantics). */
  name: string | null;
  free_for_all: boolean;
  use_heartbeat: boolean;
  kick_outdated: boolean;
  require_sessions: boolean;
  enabled: boolean;
  removed: boolean;
  source: string;
  executionBase: number;
  placeIds: number[];
  jobPool: string[];
}

export interface LuaAuthAccount {
  projects: LuaAuthProject[];
  scripts: Map<string, LuaAuthScript>;
}

const USER_KEYS_PER_PROJECT = 50;
const DAY_MS = 86_400_000;

export function buildLuaAuthAccount(rng: Rng, projects: number, scriptsPerProject: number, baseSessions: number): LuaAuthAccount {
  const account: LuaAuthAccount = { projects: [], scripts: new Map() };
  const used = new Set<string>();
  const freshId = () => {
    let id = alnumId(rng, 32);
    while (used.has(id)) id = alnumId(rng, 32);
    used.add(id);
    return id;
  };
  let index = 0;
  for (let p = 0; p < projects; p++) {
    const project: LuaAuthProject = {
      id: freshId(),
      name: `Project ${p + 1}`,
      fingerprint_reset_cooldown: 86_400_000,
      allow_fingerprint_resets: true,
      delete_expired_users: p % 2 === 1,
      execution_webhook: '',
      information_webhook: '',
      blacklist_webhook: '',
      scriptIds: [],
      userKeys: [],
    };
    for (let k = 0; k < USER_KEYS_PER_PROJECT; k++) project.userKeys.push(alnumId(rng, 24));
    for (let s = 0; s < scriptsPerProject; s++) {
      const script: LuaAuthScript = {
        id: freshId(),
        index: index++,
        project_id: project.id,
        // The first script of every project has " - " in its name, to exercise last-" - " splitting.
        name: scriptName(rng, s === 0),
        free_for_all: false,
        use_heartbeat: true,
        kick_outdated: s % 2 === 1,
        require_sessions: false,
        enabled: true,
        removed: false,
        source: 'print("hello")',
        executionBase: randInt(rng, 5_000, 400_000),
        placeIds: [Number(digitsId(rng, 10)), Number(digitsId(rng, 9))],
        jobPool: [],
      };
      for (let j = 0; j < Math.max(3, Math.ceil(baseSessions / 8)); j++) script.jobPool.push(uuid(rng));
      project.scriptIds.push(script.id);
      account.scripts.set(script.id, script);
    }
    account.projects.push(project);
  }
  return account;
}

/** The seed's Session object: roblox_id/place_id are numbers, created_at epoch ms. */
export function luaauthSessionJson(s: SimSession, script: LuaAuthScript, project: LuaAuthProject) {
  const rng = mulberry32(s.seed);
  const derived = {
    id: s.id,
    user_key: pick(rng, project.userKeys),
    script_id: script.id,
    roblox_id: randInt(rng, 10_000_000, 9_999_999_999),
    place_id: pick(rng, script.placeIds),
    job_id: pick(rng, script.jobPool),
    created_at: s.created,
  };
  const pin = s.pin;
  if (!pin) return derived;
  // Pinned ids keep the seed's types: roblox_id and place_id are numbers on the wire.
  return {
    ...derived,
    user_key: pin.userKey ?? derived.user_key,
    roblox_id: pin.robloxId !== undefined ? Number(pin.robloxId) : derived.roblox_id,
    place_id: pin.placeId !== undefined ? Number(pin.placeId) : derived.place_id,
    job_id: pin.jobId ?? derived.job_id,
  };
}

/** "MM/DD" in UTC. */
export function dayKey(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getUTCMonth() + 1).padStart(2, '0')}/${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** Executions per day for the last 14 days (oldest first, today last), deterministic per seed/script/day. */
export function dailyExecutions(seed: number, script: LuaAuthScript, now: number): Record<string, number> {
  const out: Record<string, number> = {};
  const today = Math.floor(now / DAY_MS);
  const level = Math.max(10, Math.round(script.executionBase / 200));
  for (let d = today - 13; d <= today; d++) {
    const rng = mulberry32(mixSeed(seed, 0xe7ec, script.index, d));
    out[dayKey(d * DAY_MS)] = Math.round(level * (0.6 + rng() * 0.8));
  }
  return out;
}

export function totalExecutions(seed: number, script: LuaAuthScript, now: number): number {
  return script.executionBase + Object.values(dailyExecutions(seed, script, now)).reduce((a, b) => a + b, 0);
}
