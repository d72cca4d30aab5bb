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
const NONE: ReadonlySet<string> = new Set();

/**
 * A class rather than closures: a LuaProt hub can list thousands of sessions per poll, and methods
 * on a prototype cost nothing per item.
 */
class Fields implements ItemFields {
  constructor(
    readonly raw: Record<string, unknown>,
    private readonly noun: string,
    private readonly notes: ReadNotes,
    private readonly quiet: ReadonlySet<string>,
    private readonly isObject: boolean,
  ) {}

  /** The value, or undefined after noting its absence. */
  private present(field: string): unknown {
    const v = this.raw[field];
    if (v === undefined || v === null) {
      if (this.isObject && !this.quiet.has(field)) this.notes.note(this.noun, 'lacked', field);
      return undefined;
    }
    return v;
  }

  private unreadable(field: string): undefined {
    this.notes.note(this.noun, 'unreadable', field);
    return undefined;
  }

  id(field: string): string | undefined {
    const v = this.present(field);
    if (v === undefined) return undefined;
    if (typeof v === 'string') {
      if (v !== '') return v;
      if (!this.quiet.has(field)) this.notes.note(this.noun, 'lacked', field);
      return undefined;
    }
    // A number that is still exact (big ones were quoted before parsing) reads as its digits.
    if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
    return this.unreadable(field);
  }

  text(field: string): string | undefined {
    const v = this.present(field);
    if (v === undefined) return undefined;
    if (typeof v === 'string') return v;
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    return this.unreadable(field);
  }

  number(field: string): number | undefined {
    const v = this.present(field);
    if (v === undefined) return undefined;
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (typeof v === 'string' && NUMERIC.test(v)) return Number(v);
    return this.unreadable(field);
  }

  count(field: string): number | undefined {
    const n = this.number(field);
    if (n === undefined) return undefined;
    return Number.isInteger(n) && n >= 0 ? n : this.unreadable(field);
  }

  flag(field: string): boolean | undefined {
    const v = this.present(field);
    if (v === undefined) return undefined;
    if (typeof v === 'boolean') return v;
    if (v === 'true' || v === 1) return true;
    if (v === 'false' || v === 0) return false;
    return this.unreadable(field);
  }
}

/**
 * The count paths' look at a list: presence only — no conversion, no copies — so an odd item still
 * shows in the account's diagnostics while a count costs little more than the list's length. Notes
 * what `readItem` would note as "lacked" or a whole item unreadable; a value of the wrong type is only
 * caught when the list itself is read (session lists in the window and the CLI).
 */
export function notePresence(items: readonly unknown[], noun: string, fields: readonly string[], notes: ReadNotes): void {
  const lacking = new Array<number>(fields.length).fill(0);
  const order: number[] = [];
  let whole = 0;
  for (const item of items) {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      whole += 1;
      continue;
    }
    for (let f = 0; f < fields.length; f++) {
      const v = (item as Record<string, unknown>)[fields[f]!];
      if (v === undefined || v === null) {
        // Noted in the order first met, as readItem would over the same list.
        if (lacking[f] === 0) order.push(f);
        lacking[f]! += 1;
      }
    }
  }
  if (whole > 0) notes.note(noun, 'unreadable', WHOLE_ITEM, whole);
  for (const f of order) notes.note(noun, 'lacked', fields[f]!, lacking[f]);
}

export function readItem(value: unknown, noun: string, notes: ReadNotes, quiet: ReadonlySet<string> = NONE): ItemFields {
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isObject) notes.note(noun, 'unreadable', WHOLE_ITEM);
  return new Fields(isObject ? (value as Record<string, unknown>) : {}, noun, notes, quiet, isObject);
}
