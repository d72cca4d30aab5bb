/** Result of reading a response body as JSON. */
export type JsonRead = { ok: true; value: unknown } | { ok: false };

export function readJson(text: string, lenient = false): JsonRead {
  if (text.trim() === '') return { ok: false };
  text = quoteBigIntegers(text);
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    if (!lenient) return { ok: false };
  }
  const repaired = dropTrailingCommas(text);
  if (repaired === text) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(repaired) };
  } catch {
    return { ok: false };
  }
}

/** Digits in an integer literal from which a double may no longer hold it exactly (2^53 has 16). */
const BIG_DIGITS = 16;
/** Cheap first look: a number of 16+ digits right after `:`, `,` or `[` (outside strings, usually). */
const MAYBE_BIG = /[:,[]\s*-?\d{16}/;

/**
 * Quotes integer literals beyond 2^53 (16 or more digits), outside strings, so that JSON.parse keeps them as
 * exact strings. LuaProt's ids are 20-digit numbers sent as strings; a provider that sends one as a
 * JSON number (the docs disagree with themselves about types) would otherwise be rounded by
 * JSON.parse before anything else could look at it. Counts never get this large, so a quoted one
 * still reads as a number where a number is wanted (item-fields.ts accepts numeric strings).
 * Text without such a literal is returned as is, without a character scan.
 */
export function quoteBigIntegers(text: string): string {
  if (!MAYBE_BIG.test(text)) return text;
  let out = '';
  let copiedTo = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92 /* \\ */) i++;
      else if (ch === 34 /* " */) inString = false;
      continue;
    }
    if (ch === 34) {
      inString = true;
      continue;
    }
    const isMinus = ch === 45;
    if (!isMinus && (ch < 48 || ch > 57)) continue;
    let j = isMinus ? i + 1 : i;
    while (j < text.length && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
    const digits = j - (isMinus ? i + 1 : i);
    const next = text.charCodeAt(j);
    const fractionOrExponent = next === 46 || next === 101 || next === 69;
    if (digits >= BIG_DIGITS && !fractionOrExponent && !Number.isSafeInteger(Number(text.slice(i, j)))) {
      out += `${text.slice(copiedTo, i)}"${text.slice(i, j)}"`;
      copiedTo = j;
    }
    i = j - 1;
    if (fractionOrExponent) {
      // Skip the rest of this number so its exponent digits are not read as a new literal.
      while (i + 1 < text.length && /[0-9.eE+-]/.test(text[i + 1] as string)) i++;
    }
  }
  return copiedTo === 0 ? text : out + text.slice(copiedTo);
}

/**
 * LuaAuth's own examples carry a trailing comma before `}` (`"created_at": 1770624500000, }`).
 * Removes commas that are followed only by whitespace and a closing bracket, outside strings.
 * Truncated or garbage text stays unreadable.
 */
export function dropTrailingCommas(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (inString) {
      out += ch;
      if (ch === '\\') {
        out += text[i + 1] ?? '';
        i++;
      } else if (ch === '"') {
        inString = false;
      }
      continue;
    }
    if (ch === '"') inString = true;
    if (ch === ',') {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j] as string)) j++;
      if (text[j] === '}' || text[j] === ']') continue;
    }
    out += ch;
  }
  return out;
}

/**
 * Why `value` would not survive JSON.stringify intact, or undefined when it would.
 * JSON.stringify silently drops functions, turns NaN into null and Maps into {},
 * and throws on BigInt and cycles; a command sent to a game client must arrive as written.
 */
export function jsonProblem(value: unknown, path = 'data', seen: Set<object> = new Set()): string | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return undefined;
    case 'number':
      return Number.isFinite(value) ? undefined : `${path} is ${String(value)}, which JSON cannot hold`;
    case 'bigint':
      return `${path} is a BigInt; send it as a string or number`;
    case 'function':
    case 'symbol':
    case 'undefined':
      return `${path} is ${typeof value === 'undefined' ? 'undefined' : `a ${typeof value}`}, which JSON cannot hold`;
  }
  if (value === null) return undefined;
  const obj = value as object;
  if (seen.has(obj)) return `${path} refers back to itself (a cycle)`;
  if (typeof (obj as { toJSON?: unknown }).toJSON === 'function') return undefined; // Date and friends
  if (obj instanceof Map || obj instanceof Set) return `${path} is a ${obj instanceof Map ? 'Map' : 'Set'}; use a plain object or array`;
  seen.add(obj);
  try {
    if (Array.isArray(obj)) {
      for (let i = 0; i < obj.length; i++) {
        const problem = jsonProblem(obj[i], `${path}[${i}]`, seen);
        if (problem) return problem;
      }
      return undefined;
    }
    for (const [key, item] of Object.entries(obj)) {
      if (item === undefined) continue; // dropped by JSON, as callers of object spreads expect
      const problem = jsonProblem(item, `${path}.${key}`, seen);
      if (problem) return problem;
    }
    return undefined;
  } finally {
    seen.delete(obj);
  }
}
