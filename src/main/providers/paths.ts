/**
 * URL building done by hand: ids go into path segments fully encoded, and the
 * resulting string is handed to ky as-is (no prefixUrl/searchParams), so neither
 * ky nor the URL parser can turn an id into a different route.
 */

import { quoteInput } from '../../shared/quoted-input';

/** Thrown for input that cannot be put in a URL; the HTTP layer turns it into `invalid_input`. */
export class UrlInputError extends Error {
  override name = 'UrlInputError';
}

/**
 * encodeURIComponent leaves `.` alone, and `..` inside a URL is a "go up" step, so every
 * `.` is encoded too. The WHATWG URL parser still treats a whole segment of `%2E` or
 * `%2E%2E` as a dot segment, so ids that are exactly "." or ".." cannot be addressed at
 * all and are refused (no provider issues such ids).
 */
export function encodePathSegment(value: string, what = 'id'): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new UrlInputError(`The ${what} is empty; give the ${what} to use.`);
  }
  if (value === '.' || value === '..') {
    throw new UrlInputError(`The ${what} "${value}" cannot be used in a request; check the ${what}.`);
  }
  let encoded: string;
  try {
    encoded = encodeURIComponent(value);
  } catch {
    throw new UrlInputError(`The ${what} holds text that cannot be sent (a broken Unicode character); check the ${what}.`);
  }
  return encoded.replace(/\./g, '%2E');
}

/** Fills `{name}` placeholders of a route template with encoded segments. */
export function fillRoute(template: string, params: Record<string, string> = {}): string {
  return template.replace(/\{([A-Za-z]+)\}/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined) throw new UrlInputError(`The ${name} is missing; give the ${name} to use.`);
    return encodePathSegment(value, name);
  });
}

export type QueryValue = string | number | boolean | undefined;

/**
 * `?name=value&…` with every part encoded. A value holding a lone UTF-16 surrogate cannot be encoded
 * (encodeURIComponent throws URIError); that becomes a UrlInputError naming the field, which the HTTP
 * layer reports as `invalid_input`, instead of an internal error.
 */
export function buildQuery(query: Record<string, QueryValue> = {}): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    try {
      parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`);
    } catch {
      throw new UrlInputError(`The ${name} holds text that cannot be sent (a broken Unicode character); type it again.`);
    }
  }
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** Drops trailing "/" by hand: the pattern /\/+$/ backtracks quadratically on a long run of slashes. */
export function stripTrailingSlashes(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x2f) end--;
  return text.slice(0, end);
}

/** Validates a base URL and drops trailing slashes so `${base}${path}` never doubles them. */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || hostname === '::1' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

export function normalizeBaseUrl(baseUrl: string): string {
  let parsed: URL;
  try {
    parsed = new URL(baseUrl);
  } catch {
    // Quoted short: a 10 MB "URL" must not come back as a 10 MB error message.
    throw new UrlInputError(`The base URL ${quoteInput(baseUrl)} is not a valid URL; use e.g. https://host/path.`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new UrlInputError(`The base URL must start with http:// or https:// (got ${quoteInput(parsed.protocol)}).`);
  }
  // Plain http would carry the key unencrypted; it is fine only to this computer (the simulator, a local proxy).
  if (parsed.protocol === 'http:' && !isLoopbackHost(parsed.hostname)) {
    throw new UrlInputError(
      `The base URL must use https:// so the API key is encrypted in transit; http:// is only accepted for this computer (127.0.0.1, localhost).`,
    );
  }
  if (parsed.search || parsed.hash) {
    throw new UrlInputError('The base URL must not contain "?" or "#"; give only the scheme, host and path.');
  }
  return stripTrailingSlashes(baseUrl.trim());
}

export function buildUrl(base: string, template: string, params?: Record<string, string>, query?: Record<string, QueryValue>): string {
  return `${base}${fillRoute(template, params)}${buildQuery(query)}`;
}
