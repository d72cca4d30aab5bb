import { describe, expect, it } from 'vitest';
import { UrlInputError, buildQuery, buildUrl, encodePathSegment, normalizeBaseUrl, stripTrailingSlashes } from './paths';

describe('encodePathSegment', () => {
  it.each([
    ['abc123', 'abc123'],
    ['a/b', 'a%2Fb'],
    ['a?b=1', 'a%3Fb%3D1'],
    ['a#frag', 'a%23frag'],
    ['100%', '100%25'],
    ['..', null],
    ['../../live-users', '%2E%2E%2F%2E%2E%2Flive-users'],
    ['v1.2', 'v1%2E2'],
    ['...', '%2E%2E%2E'],
    ['a b', 'a%20b'],
  ])('%s', (input, expected) => {
    if (expected === null) expect(() => encodePathSegment(input)).toThrow(UrlInputError);
    else expect(encodePathSegment(input)).toBe(expected);
  });

  it('refuses ids that are empty, "." or "..", which no encoding can keep in place', () => {
    expect(() => encodePathSegment('')).toThrow(/empty/);
    expect(() => encodePathSegment('.')).toThrow(UrlInputError);
    expect(() => encodePathSegment('..', 'scriptId')).toThrow(/scriptId/);
  });

  it('refuses lone surrogates instead of throwing a URIError', () => {
    expect(() => encodePathSegment('a\uD800')).toThrow(UrlInputError);
  });

  it.each(['../../live-users', 'x/../../y', '%2e%2e', '..%2F', 'a?b#c', '...', '.hidden'])(
    'keeps the route when the platform URL parser reads it: %s',
    (id) => {
      const url = buildUrl('http://h/junkie/api/v2', '/live-users/{id}', { id });
      const parsed = new Request(url).url;
      const path = new URL(parsed).pathname;
      expect(path.startsWith('/junkie/api/v2/live-users/')).toBe(true);
      expect(path.split('/')).toHaveLength(6); // "", junkie, api, v2, live-users, then the id as ONE segment
      expect(new URL(parsed).search).toBe('');
      expect(decodeURIComponent(path.split('/')[5]!)).toBe(id);
    },
  );
});

describe('buildUrl / normalizeBaseUrl', () => {
  it('tolerates trailing slashes on the base URL', () => {
    expect(buildUrl(normalizeBaseUrl('https://luaprot.net/'), '/api/v1/hubs/get')).toBe('https://luaprot.net/api/v1/hubs/get');
    expect(buildUrl(normalizeBaseUrl('https://api.jnkie.com/api/v2//'), '/live-users')).toBe('https://api.jnkie.com/api/v2/live-users');
  });

  it('refuses base URLs that are not plain http(s)', () => {
    expect(() => normalizeBaseUrl('ftp://x')).toThrow(/http/);
    expect(() => normalizeBaseUrl('not a url')).toThrow(/not a valid URL/);
    expect(() => normalizeBaseUrl('https://x/?a=1')).toThrow(/"\?"/);
  });

  it('quotes at most a short prefix of a refused base URL (10 MB in is not 10 MB out)', () => {
    const huge = `x${'y'.repeat(10 * 1024 * 1024)}`;
    expect(() => normalizeBaseUrl(huge)).toThrow(/not a valid URL/);
    try {
      normalizeBaseUrl(huge);
    } catch (error) {
      expect((error as Error).message.length).toBeLessThan(200);
    }
    try {
      normalizeBaseUrl(`${'a'.repeat(1024 * 1024)}://host`);
    } catch (error) {
      expect((error as Error).message).toMatch(/http:\/\/ or https:\/\//);
      expect((error as Error).message.length).toBeLessThan(300);
    }
  });

  it('drops trailing slashes without a pattern', () => {
    expect(stripTrailingSlashes('https://x/api//')).toBe('https://x/api');
    expect(stripTrailingSlashes('///')).toBe('');
    expect(stripTrailingSlashes('a')).toBe('a');
    expect(stripTrailingSlashes(`${'/'.repeat(100_000)}x`)).toBe(`${'/'.repeat(100_000)}x`);
  });

  it('refuses a lone UTF-16 surrogate in a query value with a named input error, not a URIError', () => {
    expect(() => buildQuery({ search: 'bob\uD800' })).toThrow(UrlInputError);
    expect(() => buildQuery({ search: 'bob\uD800' })).toThrow(/search holds text that cannot be sent/);
    expect(buildQuery({ search: 'emoji \u{1F600}' })).toBe('?search=emoji%20%F0%9F%98%80');
  });

  it('encodes query values and skips undefined ones', () => {
    expect(buildQuery({ page: 2, search: 'a&b=c d', limit: undefined })).toBe('?page=2&search=a%26b%3Dc%20d');
    expect(buildQuery({})).toBe('');
  });
});
