import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { MemorySecretStore } from './memory-secret-store';
import { SecretStoreError } from './secret-store';

describe('MemorySecretStore', () => {
  it('sets, gets, overwrites and deletes per account', async () => {
    const store = new MemorySecretStore();
    expect(await store.get('a')).toBeNull();
    await store.set('a', 'one');
    await store.set('b', 'two');
    await store.set('a', 'three');
    expect(await store.get('a')).toBe('three');
    expect(await store.get('b')).toBe('two');
    expect(await store.delete('a')).toBe(true);
    expect(await store.delete('a')).toBe(false);
    expect(await store.get('a')).toBeNull();
    expect(await store.get('b')).toBe('two');
  });

  it('starts from a record or from entries', async () => {
    expect(await new MemorySecretStore({ x: 'kx' }).get('x')).toBe('kx');
    expect(await new MemorySecretStore(new Map([['y', 'ky']])).get('y')).toBe('ky');
  });

  it('never shows a key when inspected or serialized', () => {
    const store = new MemorySecretStore({ acc: 'sk_memory_secret' });
    expect(inspect(store, { depth: 10, showHidden: true })).not.toContain('sk_memory_secret');
    expect(JSON.stringify(store)).not.toContain('sk_memory_secret');
    expect(String(store)).not.toContain('sk_memory_secret');
  });

  it('rejects an empty key', async () => {
    await expect(new MemorySecretStore().set('a', '')).rejects.toBeInstanceOf(SecretStoreError);
  });
});
