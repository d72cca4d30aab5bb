/**
 * Sliding-window rate limiting per key, on the injected clock.
 * A refused request is not counted: a client that backs off recovers exactly
 * one window after its accepted requests, which keeps rate-budget tests exact.
 */
export interface Window {
  max: number;
  windowMs: number;
}

export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[][]>();

  constructor(private readonly windows: readonly Window[]) {}

  /** Records the request and returns 0, or returns the seconds to wait (Retry-After) without recording it. */
  take(key: string, now: number): number {
    let perWindow = this.hits.get(key);
    if (!perWindow) {
      perWindow = this.windows.map(() => []);
      this.hits.set(key, perWindow);
    }
    let waitMs = 0;
    this.windows.forEach((w, i) => {
      const times = perWindow[i] as number[];
      while (times.length > 0 && (times[0] as number) <= now - w.windowMs) times.shift();
      if (times.length >= w.max) waitMs = Math.max(waitMs, (times[0] as number) + w.windowMs - now);
    });
    if (waitMs > 0) return Math.max(1, Math.ceil(waitMs / 1000));
    for (const times of perWindow) times.push(now);
    return 0;
  }

  reset(): void {
    this.hits.clear();
  }
}
