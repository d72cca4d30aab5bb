import { beforeAll, describe, expect, it } from 'vitest';
import { LUAPROT_DESCRIPTOR } from '../main/providers/luaprot/descriptor';
import type { ProviderErrorKind } from './errors';
import type { AccountState } from './model';
import { haltWords, isKeyRejected, stateWords } from './account-words';
import { registerProviderDescriptors } from './provider-descriptor';

beforeAll(() => registerProviderDescriptors([LUAPROT_DESCRIPTOR]));

const halted = (kind: ProviderErrorKind | null) => ({ state: 'unauthorized' as AccountState, error: kind ? { kind } : null });

describe('an account state in words, following its error', () => {
  it('says "Key rejected" only when the key was rejected (a 401), or a halt came without an error', () => {
    expect(stateWords(halted('unauthorized'), 'junkie')).toBe('Key rejected');
    expect(stateWords(halted(null), 'luaprot')).toBe('Key rejected');
    expect(isKeyRejected(halted('unauthorized'))).toBe(true);
    expect(isKeyRejected(halted(null))).toBe(true);
  });

  it("names LuaProt's refusal by its IP whitelist, and refused access elsewhere, never the key", () => {
    expect(stateWords(halted('forbidden'), 'luaprot')).toBe('IP not whitelisted');
    expect(stateWords(halted('forbidden'), 'junkie')).toBe('Access refused');
    expect(haltWords(halted('forbidden'), 'junkie')).toBe('access refused');
    expect(haltWords(halted('forbidden'), 'luaprot')).toBe('IP not whitelisted');
    expect(isKeyRejected(halted('forbidden'))).toBe(false);
  });

  it('keeps the plain state words for every other state, whatever the error', () => {
    expect(stateWords({ state: 'rate_limited', error: { kind: 'rate_limited' } }, 'luaauth')).toBe('Rate limited');
    expect(stateWords({ state: 'degraded', error: { kind: 'forbidden' } }, 'luaprot')).toBe('Having trouble');
    expect(stateWords({ state: 'ok', error: null }, 'junkie')).toBe('Live');
    expect(stateWords({ state: 'offline', error: { kind: 'network' } }, 'junkie')).toBe('Offline');
    expect(isKeyRejected({ state: 'offline', error: { kind: 'network' } })).toBe(false);
  });
});
