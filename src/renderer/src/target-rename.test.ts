import { describe, expect, it } from 'vitest';
import type { AccountView } from '../../shared/ipc-contract';
import { renameRequest } from './target-rename';

const account = (over: Partial<AccountView> = {}): AccountView => ({
  id: 'a1',
  label: 'Main',
  provider: 'luaprot',
  baseUrl: 'https://luaprot.net',
  targets: [
    { kind: 'hub', id: 'h1', label: 'Old' },
    { kind: 'key', id: 'k1' },
  ],
  hasKey: true,
  demo: false,
  ...over,
});

describe('renameRequest', () => {
  it('sets the label of that target only', () => {
    expect(renameRequest(account(), { kind: 'key', id: 'k1' }, '  VIP key ')).toEqual({
      id: 'a1',
      targets: [
        { kind: 'hub', id: 'h1', label: 'Old' },
        { kind: 'key', id: 'k1', label: 'VIP key' },
      ],
    });
  });

  it('an empty name drops the user’s label (the provider’s name shows again)', () => {
    expect(renameRequest(account(), { kind: 'hub', id: 'h1' }, '   ').targets).toEqual([{ kind: 'hub', id: 'h1' }, { kind: 'key', id: 'k1' }]);
  });

  it('a script found by "watch every script" is added with its label, keeping every script watched', () => {
    const junkie = account({ provider: 'junkie', targets: [] });
    expect(renameRequest(junkie, { kind: 'script', id: '394220' }, 'Farm')).toEqual({
      id: 'a1',
      targets: [{ kind: 'script', id: '394220', label: 'Farm' }],
      autoTargets: true,
    });
  });
});
