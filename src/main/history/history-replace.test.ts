import { describe, expect, it } from 'vitest';
import { History } from './history';

describe('History.replaceWith', () => {
  it('gives a series a copy of another one (or nothing) and asks for a whole snapshot at the next save', () => {
    const h = new History();
    h.append('a', 1_000, 5);
    h.append('a', 2_000, 7);
    h.append('b', 1_500, 99);
    h.trackChanges();
    h.replaceWith('b', 'a');
    expect(h.valuesSince('b', 0)).toEqual(h.valuesSince('a', 0));
    expect(h.takeChanges().full).toBe(true);
    h.append('b', 3_000, 8);
    expect(h.valuesSince('a', 0).map((p) => p.value)).toEqual([5, 7]);
    h.replaceWith('b', 'none');
    expect(h.has('b')).toBe(false);
  });
});
