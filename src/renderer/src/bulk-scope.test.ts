import { describe, expect, it } from 'vitest';
import { scopeAcknowledgement, scopeInWords } from './bulk-scope';
import { plural } from '../../shared/plural';

describe('plural', () => {
  it('says one and many in words, grouped, never "(s)"', () => {
    expect(plural(1, 'session')).toBe('1 session');
    expect(plural(3, 'session')).toBe('3 sessions');
    expect(plural(0, 'target')).toBe('0 targets');
    expect(plural(5000, 'session')).toBe(`${(5000).toLocaleString()} sessions`);
  });
});

describe('scopeInWords', () => {
  it('names the selected sessions exactly', () => {
    expect(scopeInWords({ kind: 'ids', count: 43 })).toBe('the 43 selected sessions');
    expect(scopeInWords({ kind: 'ids', count: 1 })).toBe('the 1 selected session');
  });
  it('names everyone in a hub, with the filter the list shows beside it', () => {
    const n = (5000).toLocaleString();
    expect(scopeInWords({ kind: 'scope', label: 'hub X', count: 5000, shown: 501 })).toBe(`everyone in hub X — ${n} sessions (the list shows a filter of 501)`);
    expect(scopeInWords({ kind: 'scope', label: 'hub X', count: 12, shown: 12 })).toBe('everyone in hub X — 12 sessions');
    expect(scopeInWords({ kind: 'scope', label: 'key K', count: null })).toBe('every session in key K');
  });
});

describe('scopeAcknowledgement', () => {
  it('asks only when the action reaches more than the list shows', () => {
    expect(scopeAcknowledgement({ kind: 'scope', label: 'hub X', count: 5000, shown: 501 })).toBe(
      `Yes, everyone in hub X (${(5000).toLocaleString()}), not only the 501 shown`,
    );
    expect(scopeAcknowledgement({ kind: 'scope', label: 'hub X', count: 5000, shown: null })).toBeNull();
    expect(scopeAcknowledgement({ kind: 'ids', count: 3 })).toBeNull();
  });
});
