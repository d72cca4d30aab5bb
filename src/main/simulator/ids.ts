import { pick, randInt, type Rng } from './prng';

/** Id and name generators in each provider's observed formats. */

const HEX = '0123456789abcdef';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Built from char codes in one go: concatenating char by char leaves rope strings that cost ~1 KB per id. */
function fromAlphabet(rng: Rng, alphabet: string, length: number): string {
  const codes = new Array<number>(length);
  for (let i = 0; i < length; i++) codes[i] = alphabet.charCodeAt(Math.floor(rng() * alphabet.length));
  return String.fromCharCode(...codes);
}

export const hexId = (rng: Rng, length: number): string => fromAlphabet(rng, HEX, length);
export const alnumId = (rng: Rng, length: number): string => fromAlphabet(rng, ALNUM, length);

/** Numeric string without a leading zero (LuaProt ids, Roblox universe ids, Discord ids). */
export function digitsId(rng: Rng, length: number): string {
  const codes = new Array<number>(length);
  codes[0] = 48 + randInt(rng, 1, 9);
  for (let i = 1; i < length; i++) codes[i] = 48 + Math.floor(rng() * 10);
  return String.fromCharCode(...codes);
}

/** RFC 4122 version-4 shaped UUID (Roblox job ids). */
export function uuid(rng: Rng): string {
  const codes = new Array<number>(36);
  for (let i = 0; i < 36; i++) codes[i] = HEX.charCodeAt(Math.floor(rng() * 16));
  codes[8] = codes[13] = codes[18] = codes[23] = 45; // '-'
  codes[14] = 52; // version '4'
  codes[19] = '89ab'.charCodeAt(Math.floor(rng() * 4));
  return String.fromCharCode(...codes);
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
