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
export function plainDataProblem(value: unknown, path: string[] = [], depth = 0): string | null {
  if (value === null || value === undefined) return null;
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return null;
  const where = path.length > 0 ? `${path.join('.')}: ` : '';
  if (type !== 'object') return `${where}a ${type} cannot be sent; send plain data (text, numbers, true/false, lists, objects)`;
  if (depth >= MAX_DEPTH) return `${where}nested more than ${MAX_DEPTH} levels deep`;
  const object = value as object;
  if (Array.isArray(object)) {
    if (Object.getPrototypeOf(object) !== Array.prototype) return `${where}${kindOf(object)} is not a plain list`;
    for (let i = 0; i < object.length; i++) {
      const problem = plainDataProblem(object[i], [...path, String(i)], depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  if (!isPlainObject(object)) {
    return `${where}${kindOf(object)} is not accepted here; send plain data (text, numbers, true/false, lists, objects)`;
  }
  for (const [key, item] of Object.entries(object)) {
    const shown = key.length > QUOTED_INPUT_MAX ? `${key.slice(0, QUOTED_INPUT_MAX)}…` : key;
    const problem = plainDataProblem(item, [...path, shown], depth + 1);
    if (problem) return problem;
  }
  return null;
}
