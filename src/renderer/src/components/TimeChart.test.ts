import { describe, expect, it } from 'vitest';
import { readout } from './TimeChart';

describe('chart hover readout', () => {
  it('says when, how many and, for a folded point, the spread', () => {
    const t = Date.UTC(2026, 10, 28, 21, 5);
    const when = new Date(t).toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
    expect(readout({ t, v: 412 }, 'Users')).toBe(`${when} · 412 users`);
    expect(readout({ t, v: 411.6, min: 390, max: 1430 }, 'Users')).toBe(`${when} · 412 users (390–${(1430).toLocaleString()})`);
    expect(readout({ t, v: 5, min: 5, max: 5 }, 'Executions', true)).toMatch(/ · 5 executions$/);
  });
});
