/**
 * The one way an IPC schema takes a string: its length is checked first, and a string over the
 * limit stops there (`abort`), so no later rule — trim, pattern, refinement, URL parser — ever sees
 * it. Then lone UTF-16 surrogates are refused: they cannot be encoded into a URL or UTF-8 and have
 * no meaning in any field, so they are named here instead of failing deep inside a provider call.
 */
import { z } from 'zod';
import { hasLoneSurrogate } from '../../shared/well-formed-text';

export { hasLoneSurrogate };

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
