import type { RandomSource } from './seeded-random';

/**
 * Exponential back-off after failed polls. Jitter spreads the retries of many
 * accounts (and many users of the same provider) so they don't hit a recovering
 * API in lockstep.
 *
 * - 'full':         random in [0, min(cap, base · 2^attempt)]
 * - 'decorrelated': random in [base, previous · 3], capped — grows more smoothly
 * - 'none':         min(cap, base · 2^attempt), for tests and the CLI
 *
 * A Retry-After from the provider wins whenever it is longer than the computed delay,
 * even beyond `capMs`: the server knows better than our guess.
 */

export type JitterMode = 'full' | 'decorrelated' | 'none';

export interface BackoffOptions {
  /** First delay scale. Default 1 000 ms. */
  baseMs?: number;
  /** Longest computed delay. Default 5 minutes. */
  capMs?: number;
  /** Default 'decorrelated'. */
  jitter?: JitterMode;
  /** Injected for determinism; default Math.random. */
  random?: RandomSource;
}

export const DEFAULT_BACKOFF = Object.freeze({ baseMs: 1_000, capMs: 5 * 60_000, jitter: 'decorrelated' as JitterMode });

export class Backoff {
  readonly baseMs: number;
  readonly capMs: number;
  readonly jitter: JitterMode;
  private readonly random: RandomSource;
  private failures = 0;
  private previousMs: number;

  constructor(options: BackoffOptions = {}) {
    this.baseMs = options.baseMs ?? DEFAULT_BACKOFF.baseMs;
    this.capMs = options.capMs ?? DEFAULT_BACKOFF.capMs;
    this.jitter = options.jitter ?? DEFAULT_BACKOFF.jitter;
    this.random = options.random ?? Math.random;
    if (!(this.baseMs > 0 && this.capMs >= this.baseMs)) {
      throw new RangeError(`back-off needs 0 < baseMs ≤ capMs, got ${this.baseMs} / ${this.capMs}`);
    }
    this.previousMs = this.baseMs;
  }

  /** Consecutive failures since the last success. */
  get attempts(): number {
    return this.failures;
  }

  /**
   * Records one failure and returns how long to wait before the next try.
   * `retryAfterMs` (from a 429/503) overrides the computed delay when longer.
   */
  next(retryAfterMs?: number): number {
    const computed = this.compute();
    this.failures++;
    if (retryAfterMs !== undefined && Number.isFinite(retryAfterMs) && retryAfterMs > computed) return retryAfterMs;
    return computed;
  }

  /** A success: the next failure starts from the base again. */
  reset(): void {
    this.failures = 0;
    this.previousMs = this.baseMs;
  }

  private compute(): number {
    switch (this.jitter) {
      case 'none':
        return exponential(this.baseMs, this.capMs, this.failures);
      case 'full':
        return Math.round(this.random() * exponential(this.baseMs, this.capMs, this.failures));
      case 'decorrelated': {
        const upper = Math.max(this.baseMs, this.previousMs * 3);
        const delay = Math.min(this.capMs, Math.round(this.baseMs + this.random() * (upper - this.baseMs)));
        this.previousMs = delay;
        return delay;
      }
    }
  }
}

function exponential(baseMs: number, capMs: number, attempt: number): number {
  // 2^attempt overflows to Infinity long after it passed the cap; min() handles it.
  return Math.min(capMs, baseMs * 2 ** attempt);
}
