import { describe, expect, it } from 'vitest';
import { draftFromTargets, targetsFromDraft } from './TargetFields';

describe('targetsFromDraft', () => {
  it('splits ids on commas and spaces, in the provider’s field order, dropping blanks', () => {
    expect(targetsFromDraft('luaprot', { key: 'k1', hub: ' 111, 222  333,,' })).toEqual([
      { kind: 'hub', id: '111' },
      { kind: 'hub', id: '222' },
      { kind: 'hub', id: '333' },
      { kind: 'key', id: 'k1' },
    ]);
  });
  it('ignores kinds the provider does not watch', () => {
    expect(targetsFromDraft('junkie', { script: '9', hub: '111' })).toEqual([{ kind: 'script', id: '9' }]);
  });
  it('keeps the local label of a target that stays, and drops removed ones', () => {
    const previous = [
      { kind: 'project' as const, id: 'p1', label: 'My project' },
      { kind: 'script' as const, id: 's1', label: 'Farm' },
    ];
    expect(targetsFromDraft('luaauth', { project: 'p1', script: 's2' }, previous)).toEqual([
      { kind: 'project', id: 'p1', label: 'My project' },
      { kind: 'script', id: 's2' },
    ]);
  });
});

describe('draftFromTargets', () => {
  it('joins ids of each kind, and round-trips through targetsFromDraft', () => {
    const targets = [
      { kind: 'hub' as const, id: 'h1' },
      { kind: 'key' as const, id: 'k1' },
      { kind: 'hub' as const, id: 'h2' },
    ];
    const draft = draftFromTargets(targets);
    expect(draft).toEqual({ hub: 'h1, h2', key: 'k1' });
    expect(targetsFromDraft('luaprot', draft)).toEqual([
      { kind: 'hub', id: 'h1' },
      { kind: 'hub', id: 'h2' },
      { kind: 'key', id: 'k1' },
    ]);
  });
});
