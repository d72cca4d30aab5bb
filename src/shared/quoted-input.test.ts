import { describe, expect, it } from 'vitest';
import { QUOTED_INPUT_MAX } from './input-limits';
import { quoteInput } from './quoted-input';

describe('quoteInput: a refused value as an error message shows it', () => {
  it('quotes a short value whole', () => {
    expect(quoteInput('abc')).toBe('"abc"');
    const edge = 'x'.repeat(QUOTED_INPUT_MAX);
    expect(quoteInput(edge)).toBe(`"${edge}"`);
  });

  it('cuts a long value to the limit and says how long it was, never echoing it all', () => {
    const long = 'y'.repeat(QUOTED_INPUT_MAX + 1);
    expect(quoteInput(long)).toBe(`"${'y'.repeat(QUOTED_INPUT_MAX)}…" (${QUOTED_INPUT_MAX + 1} characters)`);
    const huge = 'z'.repeat(1_000_000);
    expect(quoteInput(huge).length).toBeLessThan(QUOTED_INPUT_MAX + 40);
  });

  it('never leaves half of an emoji at the cut', () => {
    // The emoji's first half falls on the last kept position: the whole emoji is left out.
    const value = 'a'.repeat(QUOTED_INPUT_MAX - 1) + '\u{1F600}' + 'b';
    const quoted = quoteInput(value);
    expect(quoted).toBe(`"${'a'.repeat(QUOTED_INPUT_MAX - 1)}…" (${value.length} characters)`);
    // An emoji that ends exactly at the cut is kept whole.
    const fits = 'a'.repeat(QUOTED_INPUT_MAX - 2) + '\u{1F600}' + 'b';
    expect(quoteInput(fits)).toBe(`"${'a'.repeat(QUOTED_INPUT_MAX - 2)}\u{1F600}…" (${fits.length} characters)`);
  });

  it('keeps a low surrogate or plain character at the cut', () => {
    const value = 'a'.repeat(QUOTED_INPUT_MAX - 1) + '\uDBFF\uDFFF' + 'c';
    expect(quoteInput(value)).toBe(`"${'a'.repeat(QUOTED_INPUT_MAX - 1)}…" (${value.length} characters)`);
    const below = 'a'.repeat(QUOTED_INPUT_MAX - 1) + '\uD7FF' + 'c';
    expect(quoteInput(below)).toBe(`"${'a'.repeat(QUOTED_INPUT_MAX - 1)}\uD7FF…" (${below.length} characters)`);
    const lowHalf = 'a'.repeat(QUOTED_INPUT_MAX - 1) + '\uDC00' + 'c';
    expect(quoteInput(lowHalf)).toBe(`"${'a'.repeat(QUOTED_INPUT_MAX - 1)}\uDC00…" (${lowHalf.length} characters)`);
  });
});
