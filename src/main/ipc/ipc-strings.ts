/**
 * The one way an IPC schema takes a string: its length is checked first, and a string over the
 * limit stops there (`abort`), so no later rule — trim, pattern, refinement, URL parser — ever sees
 * it. Then lone UTF-16 surrogates are refused: they cannot be encoded into a URL or UTF-8 and have
 * no meaning in any field, so they are named here instead of failing deep inside a provider call.
 */
import { z } from 'zod';

/** True when `text` holds half of a surrogate pair on its own (linear scan, no pattern). */
export function hasLoneSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xd800 || code > 0xdfff) continue;
    if (code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
    }
    return true;
  }
  return false;
}

export function tooLongMessage(what: string, max: number): string {
  return `${what} is too long (at most ${max} characters)`;
}

export interface BoundedStringMessages {
  /** When the value is not a string at all. */
  typeError?: string;
  /** When it is over the limit (default: "<what> is too long (at most N characters)"). */
  tooLong?: string;
}

/** A string of at most `max` characters without lone surrogates; further rules chain after it. */
export function boundedString(what: string, max: number, messages: BoundedStringMessages = {}) {
  return z
    .string({ error: messages.typeError ?? `${what} must be a string` })
    .max(max, { error: messages.tooLong ?? tooLongMessage(what, max), abort: true })
    .refine((value) => !hasLoneSurrogate(value), {
      error: `${what} holds a broken Unicode character (half of a surrogate pair); type or paste it again`,
      abort: true,
    });
}
