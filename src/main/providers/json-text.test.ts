import { describe, expect, it } from 'vitest';
import { dropTrailingCommas, jsonProblem, quoteBigIntegers, readJson } from './json-text';

describe('readJson', () => {
  it('is strict unless asked to be lenient', () => {
    expect(readJson('{"a":1,}').ok).toBe(false);
    expect(readJson('{"a":1,}', true)).toEqual({ ok: true, value: { a: 1 } });
  });
  it('never repairs truncated or garbage text', () => {
    expect(readJson('{"a":', true).ok).toBe(false);
    expect(readJson('<html>', true).ok).toBe(false);
    expect(readJson('', true).ok).toBe(false);
  });
  it('leaves commas inside strings alone', () => {
    expect(dropTrailingCommas('{"a":",}","b":[1,2,],}')).toBe('{"a":",}","b":[1,2]}');
    expect(dropTrailingCommas('{"a":"\\",}"}')).toBe('{"a":"\\",}"}');
  });
});

describe('quoteBigIntegers', () => {
  it('keeps 20-digit ids sent as JSON numbers exact (JSON.parse alone rounds them)', () => {
    const text = '{"id":97963719390038484793,"ids":[40511091490620200512, 12],"n":-12345678901234567890}';
    expect(JSON.parse(text).id).not.toBe(97963719390038484793n.toString());
    const read = readJson(text);
    expect(read).toEqual({ ok: true, value: { id: '97963719390038484793', ids: ['40511091490620200512', 12], n: '-12345678901234567890' } });
  });
  it('leaves strings, small numbers, fractions and exponents alone', () => {
    const text = '{"s":"a:12345678901234567890","x":1.2345678901234567890,"e":12345678901234567e3,"k":9007199254740991}';
    expect(quoteBigIntegers(text)).toBe(text);
    expect(quoteBigIntegers('{"a":1}')).toBe('{"a":1}');
  });
});

describe('jsonProblem', () => {
  it('accepts plain JSON values', () => {
    expect(jsonProblem({ a: [1, 'x', null, true, { b: new Date(0) }], c: undefined })).toBeUndefined();
    expect(jsonProblem([])).toBeUndefined();
  });
  it('names what cannot be sent', () => {
    expect(jsonProblem({ a: () => 1 })).toMatch(/data\.a is a function/);
    expect(jsonProblem({ n: 10n })).toMatch(/BigInt/);
    expect(jsonProblem([1, NaN])).toMatch(/data\[1\] is NaN/);
    expect(jsonProblem(new Map())).toMatch(/Map/);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(jsonProblem(cyclic)).toMatch(/cycle/);
    expect(jsonProblem([undefined])).toMatch(/undefined/);
  });
  it('allows the same object twice when it is not a cycle', () => {
    const shared = { x: 1 };
    expect(jsonProblem({ a: shared, b: shared })).toBeUndefined();
  });
});
