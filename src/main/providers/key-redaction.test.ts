import { describe, expect, it } from 'vitest';
import { REDACTED, keyRedactor, redactKeys } from './key-redaction';

const KEY = 'sk_live_Secret/Key+123456==';

describe('keyRedactor', () => {
  const redact = keyRedactor(KEY);
  const b64 = (text: string) => Buffer.from(text).toString('base64');

  it.each([
    ['as sent', KEY],
    ['URL-encoded', encodeURIComponent(KEY)],
    ['URL-encoded twice', encodeURIComponent(encodeURIComponent(KEY))],
    ['lower-cased', KEY.toLowerCase()],
    ['upper-cased', KEY.toUpperCase()],
    ['URL-encoded, lower-cased hex', encodeURIComponent(KEY).toLowerCase()],
    ['form-encoded', new URLSearchParams({ k: KEY }).toString().slice(2)],
    ['JSON-escaped', JSON.stringify(KEY).slice(1, -1)],
    ['base64', b64(KEY)],
    ['base64 inside Basic auth', b64(`user:${KEY}`)],
    ['base64 inside Basic auth (other alignment)', b64(`usr:${KEY}`)],
    ['base64url', b64(KEY).replace(/\+/g, '-').replace(/\//g, '_')],
    ['hex', Buffer.from(KEY).toString('hex')],
    ['truncated to its first 8', KEY.slice(0, 8)],
    ['a middle piece of 8', KEY.slice(9, 17)],
    ['its last 10', KEY.slice(-10)],
  ])('removes the key %s', (_form, echoed) => {
    const text = `Invalid key "${echoed}" for this route`;
    const out = redact(text);
    expect(out).toContain(REDACTED);
    expect(out).toMatch(/^Invalid key "/);
    expect(out).toMatch(/" for this route$/);
    // What is left of the echo is at most the encoding of "user:" before the key and base64 padding.
    const left = out.slice('Invalid key "'.length, -'" for this route'.length).split(REDACTED).join('');
    expect(left.length, left).toBeLessThanOrEqual(10);
    if (!_form.includes('inside')) expect(left).toBe('');
  });

  it('leaves text without the key alone, and fewer than 8 characters of it', () => {
    expect(redact('Unauthorized: invalid token')).toBe('Unauthorized: invalid token');
    expect(redact(`prefix ${KEY.slice(0, 7)} end`)).toBe(`prefix ${KEY.slice(0, 7)} end`);
  });

  it('removes every occurrence and merges overlapping pieces into one mark', () => {
    expect(redact(`a ${KEY} b ${KEY.toLowerCase()} c`)).toBe(`a ${REDACTED} b ${REDACTED} c`);
  });

  it('a short key is removed whole, in any case, never by pieces', () => {
    const short = keyRedactor('AbCd12');
    expect(short('key abcd12 and ABCD12 and AbCd1')).toBe(`key ${REDACTED} and ${REDACTED} and AbCd1`);
  });

  it('redactKeys applies every key', () => {
    expect(redactKeys(`x ${KEY} y other-secret-999`, [KEY, 'other-secret-999'])).toBe(`x ${REDACTED} y ${REDACTED}`);
  });
});
