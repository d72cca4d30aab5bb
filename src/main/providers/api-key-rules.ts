/**
 * What an API key may look like before it is put in a header: printable ASCII
 * without spaces. Anything else (a pasted line break, a tab, a smart quote)
 * would make the HTTP layer throw an error that quotes the header, key included.
 */
const KEY_PATTERN = /^[\x21-\x7e]+$/;
export const API_KEY_MAX_LENGTH = 4096;

/** Why this key cannot be used, in words that never repeat it; null when it is fine. */
export function apiKeyProblem(key: unknown): string | null {
  if (typeof key !== 'string' || key.trim() === '') return 'The API key is empty; enter the key from the provider dashboard.';
  if (key.length > API_KEY_MAX_LENGTH) return `The API key is longer than ${API_KEY_MAX_LENGTH} characters; check what was pasted.`;
  if (!KEY_PATTERN.test(key)) {
    return 'The API key contains spaces, line breaks or characters a key cannot have; copy it again from the provider dashboard.';
  }
  return null;
}
