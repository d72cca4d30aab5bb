import { WHOLE_ITEM, type ReadNotes } from './read-notes';

/**
 * Reads one item of a provider's list field by field, liberally.
 *
 * Why not a strict schema per item: the seeds are examples, not schemas (Junkie's OpenAPI marks no
 * field required), so a strict schema turned one odd item into a failed count. Here:
 * - a missing or null field is `undefined` (shown as unknown) and noted as "lacked", unless the docs
 *   say it may be null or the field is not documented for this item at all (`quiet`);
 * - numbers that arrive as numeric strings, and ids that arrive as numbers, are accepted, because the
 *   docs disagree with themselves about types (Junkie's placeId, LuaAuth's roblox_id query vs body);
 * - a value of a type that cannot be read is `undefined` and noted as "unreadable";
 * - ids are kept as strings and never pass through Number (20-digit LuaProt ids do not fit a double;
 *   json-text.ts quotes such literals before JSON.parse, so they arrive here as strings).
 */
export interface ItemFields {
  /** The item as sent (an empty object when it was not an object); unknown fields stay here for `extra`. */
  readonly raw: Record<string, unknown>;
  id(field: string): string | undefined;
  text(field: string): string | undefined;
  /** A finite number; numeric strings accepted. */
  number(field: string): number | undefined;
  /** A whole number of 0 or more; numeric strings accepted. */
  count(field: string): number | undefined;
  /** true/false; also "true"/"false" and 1/0. */
  flag(field: string): boolean | undefined;
}

const NUMERIC = /^\s*-?\d+(\.\d+)?\s*$/;

export function readItem(value: unknown, noun: string, notes: ReadNotes, quiet: ReadonlySet<string> = new Set()): ItemFields {
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isObject) notes.note(noun, 'unreadable', WHOLE_ITEM);
  const raw = isObject ? (value as Record<string, unknown>) : {};

  /** The value, or undefined after noting its absence. */
  const present = (field: string): unknown => {
    const v = raw[field];
    if (v === undefined || v === null) {
      if (isObject && !quiet.has(field)) notes.note(noun, 'lacked', field);
      return undefined;
    }
    return v;
  };
  const unreadable = (field: string): undefined => {
    notes.note(noun, 'unreadable', field);
    return undefined;
  };
  const number = (field: string): number | undefined => {
    const v = present(field);
    if (v === undefined) return undefined;
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (typeof v === 'string' && NUMERIC.test(v)) return Number(v);
    return unreadable(field);
  };

  return {
    raw,
    id(field) {
      const v = present(field);
      if (v === undefined) return undefined;
      if (v === '') {
        if (!quiet.has(field)) notes.note(noun, 'lacked', field);
        return undefined;
      }
      if (typeof v === 'string') return v;
      // A number that is still exact (big ones were quoted before parsing) reads as its digits.
      if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
      return unreadable(field);
    },
    text(field) {
      const v = present(field);
      if (v === undefined) return undefined;
      if (typeof v === 'string') return v;
      if (typeof v === 'number' && Number.isFinite(v)) return String(v);
      return unreadable(field);
    },
    number,
    count(field) {
      const n = number(field);
      if (n === undefined) return undefined;
      return Number.isInteger(n) && n >= 0 ? n : unreadable(field);
    },
    flag(field) {
      const v = present(field);
      if (v === undefined) return undefined;
      if (typeof v === 'boolean') return v;
      if (v === 'true' || v === 1) return true;
      if (v === 'false' || v === 0) return false;
      return unreadable(field);
    },
  };
}
