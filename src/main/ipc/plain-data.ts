/**
 * What a request may be made of: JSON-like data only (plain objects, arrays, strings, numbers,
 * booleans, null, undefined). Electron's structured clone also carries Date, Map, Set, typed
 * arrays, Error…; zod's object schemas take those as objects with no fields, so a Map where no
 * payload is expected, or where every field is optional, would be accepted as `{}`. They are
 * refused here, before any schema, naming where they were found.
 */

import { QUOTED_INPUT_MAX } from '../../shared/input-limits';

/** Deeper than any request of the contract; a bound so a hostile nesting cannot exhaust the stack. */
const MAX_DEPTH = 32;

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function kindOf(value: object): string {
  const tag = Object.prototype.toString.call(value).slice(8, -1);
  return tag === 'Object' ? 'an object with a class' : `a ${tag}`;
}

/** "path: what is wrong" for the first value that is not plain data, or null when all of it is. */
export function plainDataProblem(value: unknown): string | null {
  const found = firstProblem(value, 0);
  if (!found) return null;
  return found.path.length > 0 ? `${found.path.reverse().join('.')}: ${found.what}` : found.what;
}

/** The path is built only on the way back from a problem, so a large valid request costs one walk. */
function firstProblem(value: unknown, depth: number): { path: string[]; what: string } | null {
  if (value === null || value === undefined) return null;
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return null;
  if (type !== 'object') return { path: [], what: `a ${type} cannot be sent; send plain data (text, numbers, true/false, lists, objects)` };
  if (depth >= MAX_DEPTH) return { path: [], what: `nested more than ${MAX_DEPTH} levels deep` };
  const object = value as object;
  if (Array.isArray(object)) {
    if (Object.getPrototypeOf(object) !== Array.prototype) return { path: [], what: `${kindOf(object)} is not a plain list` };
    for (let i = 0; i < object.length; i++) {
      const found = firstProblem(object[i], depth + 1);
      if (found) return { path: [...found.path, String(i)], what: found.what };
    }
    return null;
  }
  if (!isPlainObject(object)) {
    return { path: [], what: `${kindOf(object)} is not accepted here; send plain data (text, numbers, true/false, lists, objects)` };
  }
  for (const key in object) {
    if (!Object.prototype.hasOwnProperty.call(object, key)) continue;
    const found = firstProblem((object as Record<string, unknown>)[key], depth + 1);
    if (found) {
      const shown = key.length > QUOTED_INPUT_MAX ? `${key.slice(0, QUOTED_INPUT_MAX)}…` : key;
      return { path: [...found.path, shown], what: found.what };
    }
  }
  return null;
}
