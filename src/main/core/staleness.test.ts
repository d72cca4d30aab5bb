import { describe, expect, it } from 'vitest';
import { isStale, staleAfterMs, STALE_MIN_MS } from './staleness';

describe('staleness', () => {
  const now = Date.UTC(2026, 0, 5, 12);
  it('comes after max(3 × the poll interval, 5 min) without a successful poll, not at it', () => {
    expect(staleAfterMs(30_000)).toBe(STALE_MIN_MS);
    expect(staleAfterMs(null)).toBe(STALE_MIN_MS);
    expect(staleAfterMs(150_000)).toBe(450_000);
    const at = (ageMs: number, intervalMs: number | null) =>
      isStale({ state: 'offline', rejected: false, lastSuccessAt: now - ageMs, intervalMs, now });
    expect(at(STALE_MIN_MS, 30_000)).toBe(false);
    expect(at(STALE_MIN_MS + 1, 30_000)).toBe(true);
    expect(at(450_000, 150_000)).toBe(false);
    expect(at(450_001, 150_000)).toBe(true);
    // Never polled successfully: nothing to be stale about.
    expect(isStale({ state: 'degraded', rejected: false, lastSuccessAt: null, intervalMs: 30_000, now })).toBe(false);
  });

  it('is immediate for a rejected key or refused access, and lasts until a count comes through', () => {
    expect(isStale({ state: 'unauthorized', rejected: false, lastSuccessAt: now, intervalMs: 30_000, now })).toBe(true);
    // Key replaced, halt lifted, first poll with the new key not back yet.
    expect(isStale({ state: 'idle', rejected: true, lastSuccessAt: now, intervalMs: 30_000, now })).toBe(true);
    expect(isStale({ state: 'ok', rejected: false, lastSuccessAt: now, intervalMs: 30_000, now })).toBe(false);
  });
});
