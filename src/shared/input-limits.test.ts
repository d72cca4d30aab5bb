import { describe, expect, it } from 'vitest';
import { ID_MAX, SERIES_KEY_MAX } from './input-limits';

describe('input limits', () => {
  it('let the longest series key the app forms through (both ids at their limit)', () => {
    const longest = `target:${'a'.repeat(ID_MAX)}:${'t'.repeat(ID_MAX)}`;
    expect(longest.length).toBeLessThanOrEqual(SERIES_KEY_MAX);
    // ...and not much more: the limit still bounds the work an IPC string can cause.
    expect(SERIES_KEY_MAX).toBeLessThan(3 * ID_MAX);
  });
});
