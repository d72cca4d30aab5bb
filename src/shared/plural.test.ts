import { describe, expect, it } from 'vitest';
import { plural } from './plural';

describe('plural: counts in words', () => {
  it('uses the singular for exactly one and the plural for none or many', () => {
    expect(plural(1, 'session')).toBe('1 session');
    expect(plural(0, 'session')).toBe('0 sessions');
    expect(plural(2, 'session')).toBe('2 sessions');
  });

  it('takes an irregular plural when given one', () => {
    expect(plural(1, 'key', 'keys')).toBe('1 key');
    expect(plural(3, 'match', 'matches')).toBe('3 matches');
  });

  it('groups large counts in the locale, as elsewhere in the app', () => {
    expect(plural(5000, 'session')).toBe(`${(5000).toLocaleString()} sessions`);
  });
});
