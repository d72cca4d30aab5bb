/**
 * Seeded randomness. mulberry32 is tiny, fast and good enough for a fake world;
 * what matters here is that the same seed always yields the same stream.
 */
import { seededRandom, type RandomSource } from '../monitor/seeded-random';

export type Rng = RandomSource;

/** The same mulberry32 generator the monitor's jittered back-off uses. */
export const mulberry32: (seed: number) => Rng = seededRandom;

/** Mixes several integers into one 32-bit seed, so sub-streams (per target, per tick) are independent. */
export function mixSeed(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    h = Math.imul(h ^ (p >>> 0), 0x01000193);
    h ^= h >>> 13;
    h = Math.imul(h, 0x5bd1e995);
    h ^= h >>> 15;
  }
  return h >>> 0;
}

export function randInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** Standard normal via Box–Muller; used for population noise. */
export function gaussian(rng: Rng): number {
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
