import { describe, expect, it } from 'vitest';
import { hasLoneSurrogate } from './well-formed-text';

describe('hasLoneSurrogate: text that cannot be encoded', () => {
  it('accepts plain text, emoji pairs and the characters just outside the surrogate range', () => {
    expect(hasLoneSurrogate('')).toBe(false);
    expect(hasLoneSurrogate('hub-1 ünïcödé')).toBe(false);
    expect(hasLoneSurrogate('\u{1F600}\u{10FFFF}x\u{1F600}')).toBe(false);
    expect(hasLoneSurrogate('\uD7FF\uE000')).toBe(false);
    // Both pair boundaries: the lowest and highest high and low halves.
    expect(hasLoneSurrogate('\uD800\uDC00\uDBFF\uDFFF')).toBe(false);
  });

  it('finds a high half with no low half after it, wherever it is', () => {
    expect(hasLoneSurrogate('\uD800')).toBe(true);
    expect(hasLoneSurrogate('ab\uDBFF')).toBe(true);
    expect(hasLoneSurrogate('\uD83Dx')).toBe(true);
    expect(hasLoneSurrogate('\uD83D\uD83D\uDE00')).toBe(true);
    expect(hasLoneSurrogate('\uD83D\uE000')).toBe(true);
    expect(hasLoneSurrogate('\uD83D\uDBFF')).toBe(true);
  });

  it('finds a low half with no high half before it', () => {
    expect(hasLoneSurrogate('\uDC00')).toBe(true);
    expect(hasLoneSurrogate('x\uDFFF')).toBe(true);
    // A pair followed by a stray low half: the pair is skipped as one, the stray is still found.
    expect(hasLoneSurrogate('\u{1F600}\uDE00')).toBe(true);
  });
});
