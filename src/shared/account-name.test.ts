import { describe, expect, it } from 'vitest';
import { accountWithProvider, namedAfterProvider } from './account-name';

describe('account names', () => {
  it('say the provider once for an account labelled after it (the default label)', () => {
    expect(accountWithProvider('LuaAuth', 'LuaAuth')).toBe('LuaAuth');
    expect(accountWithProvider(' luaauth ', 'LuaAuth')).toBe(' luaauth ');
    expect(accountWithProvider('Shop', 'LuaAuth')).toBe('Shop (LuaAuth)');
  });
  it('tell a label that only starts with the provider from one that is the provider', () => {
    expect(namedAfterProvider('Junkie', 'Junkie')).toBe(true);
    expect(namedAfterProvider('Junkie 2', 'Junkie')).toBe(false);
  });
});
