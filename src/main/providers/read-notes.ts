import type { ProviderId } from '../../shared/model';
import { providerLabel } from '../../shared/provider-descriptor';

/**
 * What was wrong with the items of a response that was still read.
 *
 * Providers stray from their docs (a Junkie session with `robloxUsername: null`, a LuaProt session
 * without it, a LuaAuth `roblox_id` sent as a string). One odd item must never fail a whole count or
 * list, but it must not pass silently either: each item is read with what is known, and what was
 * missing or unreadable is tallied here, then shown in the account's status as a short line such as
 * "LuaProt: 1 session lacked robloxUsername".
 */
export type ReadProblem = 'lacked' | 'unreadable';

export interface ReadNote {
  /** What the item is, singular: "session", "script", "key record", "script count". */
  noun: string;
  problem: ReadProblem;
  /** The provider's own field name, as sent. */
  field: string;
  count: number;
}

/** The `field` of a note about an item that was not an object at all. */
export const WHOLE_ITEM = '';

/** Called once per response that had at least one note; see CallOptions.onReadNotes. */
export type ReadNotesListener = (notes: ReadNotes) => void;

const PLURAL: Record<string, string> = { 'key record': 'key records', 'script count': 'script counts', reply: 'replies' };
const plural = (noun: string, n: number): string => (n === 1 ? noun : (PLURAL[noun] ?? `${noun}s`));

/** Tally of notes for one provider; merging two tallies adds their counts. */
export class ReadNotes {
  private readonly tally = new Map<string, ReadNote>();

  constructor(readonly provider: ProviderId) {}

  note(noun: string, problem: ReadProblem, field: string, count = 1): void {
    const key = `${noun}\u0000${problem}\u0000${field}`;
    const known = this.tally.get(key);
    if (known) known.count += count;
    else this.tally.set(key, { noun, problem, field, count });
  }

  add(other: ReadNotes): void {
    for (const n of other.list()) this.note(n.noun, n.problem, n.field, n.count);
  }

  get empty(): boolean {
    return this.tally.size === 0;
  }

  list(): ReadNote[] {
    return [...this.tally.values()].map((n) => ({ ...n }));
  }

  /** One short line per kind of problem, e.g. "LuaProt: 2 sessions lacked robloxUsername". */
  lines(): string[] {
    const name = providerLabel(this.provider);
    return this.list().map((n) => {
      const what = `${n.count} ${plural(n.noun, n.count)}`;
      if (n.field === WHOLE_ITEM) return `${name}: ${what} could not be read at all`;
      return n.problem === 'lacked' ? `${name}: ${what} lacked ${n.field}` : `${name}: ${what} had an unreadable ${n.field}`;
    });
  }
}

/** Hands a response's notes to the caller's listener, if there are any and anyone listens. */
export function reportNotes(notes: ReadNotes, listener: ReadNotesListener | undefined): void {
  if (!listener || notes.empty) return;
  try {
    listener(notes);
  } catch {
    // A listener must never break the call whose answer it observes.
  }
}
