import { pick, randInt, type Rng } from './prng';

/** Id and name generators in each provider's observed formats. */

const HEX = '0123456789abcdef';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function fromAlphabet(rng: Rng, alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet.charAt(Math.floor(rng() * alphabet.length));
  return out;
}

export const hexId = (rng: Rng, length: number): string => fromAlphabet(rng, HEX, length);
export const alnumId = (rng: Rng, length: number): string => fromAlphabet(rng, ALNUM, length);

/** Numeric string without a leading zero (LuaProt ids, Roblox universe ids, Discord ids). */
export function digitsId(rng: Rng, length: number): string {
  return String(randInt(rng, 1, 9)) + fromAlphabet(rng, '0123456789', length - 1);
}

/** RFC 4122 version-4 shaped UUID (Roblox job ids). */
export function uuid(rng: Rng): string {
  const h = hexId(rng, 32);
  const variant = '89ab'.charAt(Math.floor(rng() * 4));
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const NAME_PARTS = ['Noob', 'Pro', 'Shadow', 'Blox', 'Ninja', 'Pixel', 'Turbo', 'Frost', 'Lava', 'Void', 'Sky', 'Rex', 'Nova', 'Byte', 'Zen', 'Dark', 'Star', 'Ghost'];

/** Roblox-looking usernames; collisions are harmless. */
export function username(rng: Rng): string {
  const base = pick(rng, NAME_PARTS) + pick(rng, NAME_PARTS);
  const style = randInt(rng, 0, 3);
  if (style === 0) return base.toLowerCase() + randInt(rng, 1, 9999);
  if (style === 1) return `${base}_${randInt(rng, 10, 99)}`;
  return base + randInt(rng, 100, 99999);
}

const GAME_WORDS = ['Blox Fruits', 'Arsenal', 'Pet Sim', 'Da Hood', 'Brookhaven', 'Doors', 'Bedwars', 'Jailbreak', 'Murder Mystery'];
const FEATURE_WORDS = ['Auto Farm', 'ESP', 'Aimbot', 'Hub', 'Utilities', 'Teleports', 'Dupe Helper', 'Admin'];

export function scriptName(rng: Rng, withDash: boolean): string {
  // LuaAuth discovery splits "<name> - <id>" on the last " - ", so some names contain " - " on purpose.
  const game = pick(rng, GAME_WORDS);
  const feature = pick(rng, FEATURE_WORDS);
  return withDash ? `${game} - ${feature}` : `${game} ${feature}`;
}

export function hubName(rng: Rng): string {
  return `${pick(rng, ['Eclipse', 'Vortex', 'Aurora', 'Kraken', 'Nebula', 'Phantom'])} ${pick(rng, ['Hub', 'Scripts', 'X', 'Hub V2'])}`;
}
