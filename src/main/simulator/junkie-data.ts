import { digitsId, hexId, username, uuid } from './ids';
import { mulberry32, pick, randInt, type Rng } from './prng';
import type { SimSession } from './population';

/** The simulated Junkie account: services (public objects) and the scripts whose live users we serve. */
export interface JunkieService {
  id: number;
  name: string;
  description: string | null;
  user_id: number;
  is_premium: boolean;
  keyless_mode: boolean;
  keyless_weekdays: number[];
  slug: string | null;
  created_at: string;
  /** Only sent with include_execution_count=true. */
  execution_count: number;
}

export interface JunkieScript {
  id: string;
  /** Services own scripts [C]; the mapping is not exposed by the API, kept for realism only. */
  serviceId: number;
  placeIds: string[];
  jobPool: string[];
}

export interface JunkieAccount {
  userId: number;
  services: JunkieService[];
  scripts: JunkieScript[];
}

const SERVICE_NAMES = ['Main Hub', 'Premium Scripts', 'Free Tools', 'Beta Channel'];

export function buildJunkieAccount(rng: Rng, scripts: number, baseSessions: number, startMs: number): JunkieAccount {
  const userId = randInt(rng, 1000, 99999);
  const serviceCount = Math.min(SERVICE_NAMES.length, Math.max(1, Math.ceil(scripts / 3)));
  const services: JunkieService[] = [];
  for (let i = 0; i < serviceCount; i++) {
    const name = SERVICE_NAMES[i] ?? `Service ${i + 1}`;
    services.push({
      id: randInt(rng, 100, 9999) * 10 + i, // distinct by construction
      name,
      description: i % 2 === 0 ? `${name} for Roblox` : null,
      user_id: userId,
      is_premium: i === 1,
      keyless_mode: i === 2,
      keyless_weekdays: i === 2 ? [5, 6] : [],
      slug: i === 3 ? null : name.toLowerCase().replace(/ /g, '-'),
      created_at: new Date(startMs - randInt(rng, 30, 400) * 86_400_000).toISOString(),
      execution_count: randInt(rng, 1000, 500_000),
    });
  }
  const list: JunkieScript[] = [];
  const used = new Set<string>();
  for (let i = 0; i < scripts; i++) {
    let id = digitsId(rng, 6);
    while (used.has(id)) id = digitsId(rng, 6);
    used.add(id);
    const jobPool: string[] = [];
    for (let j = 0; j < Math.max(3, Math.ceil(baseSessions / 8)); j++) jobPool.push(uuid(rng));
    list.push({
      id,
      serviceId: pick(rng, services).id,
      placeIds: [digitsId(rng, 10), digitsId(rng, 9)],
      jobPool,
    });
  }
  return { userId, services, scripts: list };
}

/** Username first: search derives only this for every session, so keep it cheap. */
export function junkieUsername(s: SimSession): string {
  return s.pin?.username ?? username(mulberry32(s.seed));
}

/** The seed's LiveSession object; placeId is a string, times are epoch ms. */
export function junkieSessionJson(s: SimSession, script: JunkieScript, now: number, beatIntervalMs: number) {
  const rng = mulberry32(s.seed);
  const derivedUsername = username(rng);
  const derivedJobId = pick(rng, script.jobPool);
  const derivedPlaceId = pick(rng, script.placeIds);
  const robloxUsername = s.pin?.username ?? derivedUsername;
  const robloxJobId = s.pin?.jobId ?? derivedJobId;
  const placeId = s.pin?.placeId ?? derivedPlaceId;
  const hwid = hexId(rng, 40);
  // Heartbeats every beatIntervalMs since creation (with a per-session phase), so lastBeat is always recent.
  const phase = Math.floor(rng() * beatIntervalMs);
  const elapsed = Math.max(0, now - s.created - phase);
  const beats = Math.floor(elapsed / beatIntervalMs);
  return {
    sessionId: s.id,
    robloxUsername,
    robloxJobId,
    placeId,
    hwid,
    beatCount: beats + 1,
    created: s.created,
    lastBeat: Math.min(now, s.created + (beats > 0 ? phase + beats * beatIntervalMs : 0)),
  };
}
