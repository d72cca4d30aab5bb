/**
 * Removing an API key from text that came back from a provider (error messages, failed items)
 * before it can reach the user — IPC responses, pushes, the page, the CLI, logs.
 *
 * A provider may echo the key in another form than it was sent, so what is removed is:
 * - the key as sent, URL-encoded (once or twice), form-encoded, JSON-escaped, hex, and base64 /
 *   base64url at each of the three byte alignments (so the key inside a longer base64 text, e.g.
 *   a Basic auth value "user:key", is found too);
 * - each of these in any letter case (a provider that lower- or upper-cases what it echoes);
 * - any run of REDACT_FRAGMENT_MIN or more characters of them (a truncated or partial echo).
 * Assumption (not in the seed documents): these are the forms a provider might plausibly echo;
 * an echo in another encoding (e.g. HTML entities of the key's punctuation) is not recognised.
 * Keys shorter than REDACT_FRAGMENT_MIN are removed only whole (in each form and case): fragments
 * of them would match ordinary words. Keys shorter than REDACT_KEY_MIN are not looked for at all.
 */

export const REDACTED = '[redacted]';
/** Shortest piece of a key that is removed on its own. */
export const REDACT_FRAGMENT_MIN = 8;
/** Shorter keys would match ordinary text; none of the three providers issues such keys. */
export const REDACT_KEY_MIN = 4;

function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

/** Base64 without its "=" padding (at most two), which an echo inside a longer text would not have. */
function withoutPadding(b64: string): string {
  let end = b64.length;
  while (end > 0 && b64[end - 1] === '=') end--;
  return b64.slice(0, end);
}

/** The forms of the key looked for (lower-cased; matching ignores case). */
export function keyForms(key: string): string[] {
  const forms = new Set<string>([key, encodeURIComponent(key), encodeURI(key), encodeURIComponent(encodeURIComponent(key))]);
  forms.add(new URLSearchParams({ k: key }).toString().slice(2));
  forms.add(JSON.stringify(key).slice(1, -1));
  forms.add(Buffer.from(key, 'utf8').toString('hex'));
  for (let offset = 0; offset < 3 && offset < key.length; offset++) {
    const b64 = withoutPadding(base64(key.slice(offset)));
    forms.add(b64);
    forms.add(b64.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return [...forms].map((form) => form.toLowerCase()).filter((form) => form.length >= REDACT_KEY_MIN);
}

export type Redactor = (text: string) => string;

/** A function that replaces every echo of `key` in a text with REDACTED (built once per key). */
export function keyRedactor(key: string): Redactor {
  if (key.length < REDACT_KEY_MIN) return (text) => text;
  // A short key is matched whole, in each form of its own length; a longer one by pieces of 8.
  const size = key.length >= REDACT_FRAGMENT_MIN ? REDACT_FRAGMENT_MIN : key.length;
  let pieces: Set<string> | undefined;
  // Built on first use (a client that never fails never pays for it): ~16 pieces per key character.
  const piecesOf = (): Set<string> => {
    if (pieces) return pieces;
    pieces = new Set<string>();
    for (const form of keyForms(key)) {
      if (key.length >= REDACT_FRAGMENT_MIN) {
        for (let i = 0; i + size <= form.length; i++) pieces.add(form.slice(i, i + size));
      } else if (form.length === size) {
        pieces.add(form);
      }
    }
    return pieces;
  };
  return (text: string): string => {
    if (text.length < size) return text;
    const pieces = piecesOf();
    const lower = text.toLowerCase();
    // toLowerCase can change the length (e.g. "İ"); positions are then not comparable, so fall back
    // to matching on the text as it is, which still catches the lower-case and exact forms.
    const haystack = lower.length === text.length ? lower : text;
    const cover: Array<[number, number]> = [];
    for (let i = 0; i + size <= haystack.length; i++) {
      if (!pieces.has(haystack.slice(i, i + size))) continue;
      const last = cover[cover.length - 1];
      if (last && i <= last[1]) last[1] = i + size;
      else cover.push([i, i + size]);
    }
    if (cover.length === 0) return text;
    let out = '';
    let at = 0;
    for (const [start, end] of cover) {
      out += text.slice(at, start) + REDACTED;
      at = end;
    }
    return out + text.slice(at);
  };
}

/** Every echo of any of `keys` removed from `text`. */
export function redactKeys(text: string, keys: Iterable<string>): string {
  let out = text;
  for (const key of keys) out = keyRedactor(key)(out);
  return out;
}
