import { digitsId, hexId, hubName, scriptName, username, uuid } from './ids';
import { mulberry32, pick, randInt, type Rng } from './prng';
import type { SimSession } from './population';

/** The seed's key record (Session Info → `key`); times in epoch seconds. */
export interface LuaProtKeyRecord {
  hubId: string;
  discordId: string;
  key: string;
  expire: number;
  note: string;
  created: number;
  activated: boolean;
  hwid: string;
  hwidResetCount: number;
  lastHwidReset: number;
  executionCount: number;
  lastExecution: number;
  blacklisted: boolean;
  blacklistReason: string | null;
  limitedScripts: string[] | null;
  discordData: { id: string; username: string; avatar: string | null; global_name: string; modified: number; created: number };
}

export interface LuaProtHub {
  id: string;
  name: string;
  hwidResetGap: number;
  scripts: Array<{ id: string; name: string; version: number; hwidLock: boolean }>;
  keys: LuaProtKeyRecord[];
  universes: string[];
  jobPool: string[];
}

export interface LuaProtAccount {
  hubs: LuaProtHub[];
  keyIndex: Map<string, LuaProtKeyRecord>;
  /** discordId → keys linked to it. */
  discordIndex: Map<string, LuaProtKeyRecord[]>;
}

const KEYS_PER_HUB = 60;
const sec = (ms: number) => Math.floor(ms / 1000);

export function buildLuaProtAccount(rng: Rng, hubs: number, baseSessions: number, startMs: number): LuaProtAccount {
  const account: LuaProtAccount = { hubs: [], keyIndex: new Map(), discordIndex: new Map() };
  const usedIds = new Set<string>();
  const freshId = () => {
    let id = digitsId(rng, 20);
    while (usedIds.has(id)) id = digitsId(rng, 20);
    usedIds.add(id);
    return id;
  };
  for (let h = 0; h < hubs; h++) {
    const hub: LuaProtHub = {
      id: freshId(),
      name: hubName(rng),
      hwidResetGap: pick(rng, [3600, 43_200, 86_400]),
      scripts: [],
      keys: [],
      universes: [digitsId(rng, 10), digitsId(rng, 10)],
      jobPool: [],
    };
    for (let s = 0, n = randInt(rng, 1, 3); s < n; s++) {
      hub.scripts.push({ id: freshId(), name: scriptName(rng, false), version: randInt(rng, 1, 12), hwidLock: rng() < 0.7 });
    }
    for (let j = 0; j < Math.max(3, Math.ceil(baseSessions / 8)); j++) hub.jobPool.push(uuid(rng));
    for (let k = 0; k < KEYS_PER_HUB; k++) {
      let key = hexId(rng, 24);
      while (account.keyIndex.has(key)) key = hexId(rng, 24);
      const created = sec(startMs) - randInt(rng, 86_400, 90 * 86_400);
      const discordId = digitsId(rng, 18);
      const name = username(rng).toLowerCase();
      const record: LuaProtKeyRecord = {
        hubId: hub.id,
        discordId,
        key,
        expire: created + randInt(rng, 30, 365) * 86_400,
        note: k === 0 ? 'Customer note' : '',
        created,
        activated: true,
        hwid: digitsId(rng, 27),
        hwidResetCount: randInt(rng, 0, 3),
        lastHwidReset: 0,
        executionCount: randInt(rng, 0, 900),
        lastExecution: sec(startMs) - randInt(rng, 0, 86_400),
        blacklisted: false,
        blacklistReason: null,
        limitedScripts: null,
        discordData: { id: discordId, username: name, avatar: null, global_name: name, modified: created, created },
      };
      hub.keys.push(record);
      account.keyIndex.set(key, record);
      const linked = account.discordIndex.get(discordId) ?? [];
      linked.push(record);
      account.discordIndex.set(discordId, linked);
    }
    account.hubs.push(hub);
  }
  return account;
}

/** Details of a session, derived from its seed. The first key of a hub is "popular" so `?key=` demos find sessions. */
export function luaprotSessionDetail(s: SimSession, hub: LuaProtHub) {
  const rng = mulberry32(s.seed);
  const robloxUsername = username(rng);
  const key = rng() < 0.1 ? hub.keys[0] : pick(rng, hub.keys);
  const derived = {
    robloxUsername,
    key: key ?? pick(rng, hub.keys),
    robloxJobId: pick(rng, hub.jobPool),
    robloxUniverseId: pick(rng, hub.universes),
  };
  // LuaProt's list gives no key, so a pin chooses only what the list shows.
  const pin = s.pin;
  if (!pin) return derived;
  return {
    ...derived,
    robloxUsername: pin.username ?? derived.robloxUsername,
    robloxJobId: pin.jobId ?? derived.robloxJobId,
    robloxUniverseId: pin.placeId ?? derived.robloxUniverseId,
  };
}

/** The seed's `sessions/get` item; `created` in epoch seconds. */
export function luaprotSessionJson(s: SimSession, hub: LuaProtHub) {
  const d = luaprotSessionDetail(s, hub);
  return {
    id: s.id,
    robloxUsername: d.robloxUsername,
    robloxJobId: d.robloxJobId,
    robloxUniverseId: d.robloxUniverseId,
    created: sec(s.created),
  };
}
