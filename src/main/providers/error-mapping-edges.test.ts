import { describe, expect, it } from 'vitest';
import { byStatus, classifyJunkie, classifyLuaAuth, classifyLuaProt, type Exchange } from './error-mapping';
import { readJson } from './json-text';

/*
 * The edges of the error mapping: each kind decides what the user is told to do (replace the key,
 * check the id, wait, whitelist the IP), so a wrong kind is a wrong instruction.
 */

function ex(status: number, body: unknown, headers: Record<string, string> = {}): Exchange {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return { request: 'GET /x', status, headers: new Headers(headers), body: readJson(text, true) };
}
const luaauthFail = (error: unknown) => ({ success: false, error });

describe('byStatus: the meaning of a status when the provider says nothing more', () => {
  it('treats every 2xx as success and the statuses just outside as failures', () => {
    expect(byStatus(ex(200, {}))).toBeUndefined();
    expect(byStatus(ex(204, {}))).toBeUndefined();
    expect(byStatus(ex(299, {}))).toBeUndefined();
    expect(byStatus(ex(300, {}))).toEqual({ kind: 'provider_refused', message: 'HTTP 300' });
    expect(byStatus(ex(199, {}))).toEqual({ kind: 'provider_refused', message: 'HTTP 199' });
  });

  it('names each documented status, with our wording when no message is given', () => {
    expect(byStatus(ex(401, {}))).toEqual({ kind: 'unauthorized', message: 'HTTP 401' });
    expect(byStatus(ex(403, {}))).toEqual({ kind: 'forbidden', message: 'HTTP 403' });
    expect(byStatus(ex(404, {}))).toEqual({ kind: 'not_found', message: 'HTTP 404' });
    expect(byStatus(ex(500, {}))).toEqual({ kind: 'unavailable', message: 'HTTP 500' });
    expect(byStatus(ex(499, {}))).toEqual({ kind: 'provider_refused', message: 'HTTP 499' });
    expect(byStatus(ex(404, {}), 'Hub gone')).toEqual({ kind: 'not_found', message: 'Hub gone' });
  });

  it('keeps Retry-After on a 429 and leaves it out when absent', () => {
    expect(byStatus(ex(429, {}, { 'retry-after': '7' }))).toEqual({ kind: 'rate_limited', message: 'HTTP 429', retryAfterMs: 7000 });
    const none = byStatus(ex(429, {}));
    expect(none).toEqual({ kind: 'rate_limited', message: 'HTTP 429' });
    expect(none).not.toHaveProperty('retryAfterMs');
  });

  it('describes a body that is not JSON by its content type (never by its content)', () => {
    expect(byStatus(ex(418, '<html>secret</html>', { 'content-type': 'text/html; charset=utf-8' }))).toEqual({
      kind: 'malformed',
      message: 'HTTP 418 with a body that is not JSON (text/html)',
    });
    expect(byStatus(ex(418, '<html>'))).toEqual({ kind: 'malformed', message: 'HTTP 418 with a body that is not JSON' });
    expect(byStatus(ex(503, 'down', { 'content-type': '  text/plain ;x' }))?.message).toBe('HTTP 503 with a body that is not JSON (text/plain)');
  });
});

describe('Junkie messages', () => {
  it('reads the error from error, message or error.message, in that order', () => {
    expect(classifyJunkie(ex(400, { error: 'bad id', message: 'other' }))).toEqual({ kind: 'provider_refused', message: 'bad id' });
    expect(classifyJunkie(ex(400, { message: 'only message' }))).toEqual({ kind: 'provider_refused', message: 'only message' });
    expect(classifyJunkie(ex(400, { error: { message: 'nested' } }))).toEqual({ kind: 'provider_refused', message: 'nested' });
  });

  it('falls back to the status when the body says nothing usable', () => {
    expect(classifyJunkie(ex(400, { error: { code: 3 } }))).toEqual({ kind: 'provider_refused', message: 'HTTP 400' });
    expect(classifyJunkie(ex(400, ['not', 'an', 'object']))).toEqual({ kind: 'provider_refused', message: 'HTTP 400' });
    expect(classifyJunkie(ex(400, 'null'))).toEqual({ kind: 'provider_refused', message: 'HTTP 400' });
    expect(classifyJunkie(ex(400, { error: 5, message: 6 }))).toEqual({ kind: 'provider_refused', message: 'HTTP 400' });
  });

  it('says what a 502 means only when Junkie itself does not, and never for other 5xx', () => {
    expect(classifyJunkie(ex(502, { error: 'Upstream down' }))).toEqual({ kind: 'unavailable', message: 'Upstream down' });
    expect(classifyJunkie(ex(503, ''))).toEqual({ kind: 'unavailable', message: 'HTTP 503 with a body that is not JSON' });
  });
});

describe('LuaProt edges', () => {
  const fail = (message: string) => ({ success: false, message });

  it('reads a 403 naming the IP or whitelist as access refused even when it also says "not found"', () => {
    expect(classifyLuaProt(ex(403, fail('IP address not found in whitelist')))).toEqual({ kind: 'forbidden', message: 'IP address not found in whitelist' });
    expect(classifyLuaProt(ex(403, fail('Not found: your ip')))).toEqual({ kind: 'forbidden', message: 'Not found: your ip' });
    expect(classifyLuaProt(ex(403, fail('Key not found.')))).toEqual({ kind: 'not_found', message: 'Key not found.' });
    expect(classifyLuaProt(ex(403, fail('Unauthorised to manage.')))).toEqual({ kind: 'not_found', message: 'Unauthorised to manage.' });
  });

  it('decides a 403 without a message by status alone', () => {
    expect(classifyLuaProt(ex(403, {}))).toEqual({ kind: 'forbidden', message: 'HTTP 403' });
    expect(classifyLuaProt(ex(403, '<html>'))).toMatchObject({ kind: 'forbidden' });
  });

  it('matches the 400 wordings whatever their case, and only on a 400', () => {
    expect(classifyLuaProt(ex(400, fail('HUB NOT FOUND')))).toEqual({ kind: 'not_found', message: 'HUB NOT FOUND' });
    expect(classifyLuaProt(ex(400, fail('no ACTIVE sessions found.')))).toEqual({ kind: 'provider_refused', message: 'no ACTIVE sessions found.' });
    expect(classifyLuaProt(ex(409, fail('Invalid session.')))).toEqual({ kind: 'provider_refused', message: 'Invalid session.' });
    expect(classifyLuaProt(ex(400, {}))).toEqual({ kind: 'provider_refused', message: 'HTTP 400' });
  });

  it('takes a 2xx without success:false as success, and says so when a refusal has no words', () => {
    expect(classifyLuaProt(ex(200, { sessions: [] }))).toBeUndefined();
    expect(classifyLuaProt(ex(200, '<html>'))).toBeUndefined();
    expect(classifyLuaProt(ex(200, { success: false }))).toEqual({ kind: 'provider_refused', message: 'success: false' });
    expect(classifyLuaProt(ex(200, { success: false, message: 42 }))).toEqual({ kind: 'provider_refused', message: 'success: false' });
  });
});

describe('LuaAuth edges', () => {
  it('without an error message, still an error: the status decides, or a refusal', () => {
    expect(classifyLuaAuth(ex(500, luaauthFail({ code: 3 })))).toEqual({ kind: 'unavailable', message: 'success: false without an error message', code: 3 });
    expect(classifyLuaAuth(ex(200, luaauthFail(null)))).toEqual({ kind: 'provider_refused', message: 'success: false without an error message' });
    expect(classifyLuaAuth(ex(200, { success: false, error: 'flat string' }))).toEqual({
      kind: 'provider_refused',
      message: 'success: false without an error message',
    });
  });

  it('recognises the generic messages whatever their case and spacing', () => {
    expect(classifyLuaAuth(ex(200, luaauthFail({ code: -1, message: '  RateLimited ' })))).toEqual({ kind: 'rate_limited', message: '  RateLimited ', code: -1 });
    expect(classifyLuaAuth(ex(200, luaauthFail({ message: 'Invalid Endpoint' })))).toEqual({ kind: 'not_found', message: 'Invalid Endpoint' });
    expect(classifyLuaAuth(ex(200, luaauthFail({ message: 'Internal Server Error' })))).toEqual({ kind: 'unavailable', message: 'Internal Server Error' });
  });

  it('keeps no Retry-After, code or failed list when LuaAuth sent none', () => {
    const draft = classifyLuaAuth(ex(429, luaauthFail({ code: -1, message: 'ratelimited' })));
    expect(draft).toStrictEqual({ kind: 'rate_limited', message: 'ratelimited', code: -1 });
    expect(classifyLuaAuth(ex(200, luaauthFail({ message: 'invalid endpoint' })))).toStrictEqual({ kind: 'not_found', message: 'invalid endpoint' });
  });

  it('falls back to the status for a body that is JSON but no envelope (null, a list)', () => {
    expect(classifyLuaAuth(ex(500, 'null'))).toStrictEqual({ kind: 'unavailable', message: 'HTTP 500' });
    expect(classifyLuaAuth(ex(502, '[1]'))).toStrictEqual({ kind: 'unavailable', message: 'HTTP 502' });
  });

  it('treats an unknown message by its code: an endpoint code is a refusal, -1 falls back to the status', () => {
    expect(classifyLuaAuth(ex(500, luaauthFail({ code: 0, message: 'account expired' })))).toEqual({ kind: 'provider_refused', message: 'account expired', code: 0 });
    expect(classifyLuaAuth(ex(503, luaauthFail({ code: -1, message: 'try later' })))).toEqual({ kind: 'unavailable', message: 'try later', code: -1 });
    expect(classifyLuaAuth(ex(200, luaauthFail({ code: -1, message: 'odd' })))).toEqual({ kind: 'provider_refused', message: 'odd', code: -1 });
    expect(classifyLuaAuth(ex(401, luaauthFail({ code: '7', message: 'who?' })))).toEqual({ kind: 'unauthorized', message: 'who?' });
  });

  it('words every shape of `failed` a user may need to fix, without dumping objects', () => {
    const message = 'unauthorized or invalid request';
    const draft = (failed: unknown, status = 400) => classifyLuaAuth(ex(status, luaauthFail({ code: -1, message, failed })));
    expect(draft([{ errors: ['too long'] }])?.message).toBe(`${message}: ?: too long`);
    expect(draft([{ field: 'data' }])?.message).toBe(`${message}: data: invalid`);
    expect(draft([{ field: 'data', errors: [] }])?.message).toBe(`${message}: data: invalid`);
    expect(draft([{ field: 'data', errors: [{}] }])?.message).toBe(`${message}: data: invalid`);
    expect(draft([{ field: 'data', errors: [{ message: 'm', errors: ['a', 3, 'b'] }] }])?.message).toBe(`${message}: data: m (a, b)`);
    expect(draft([{ field: 'from', errors: ['x', 'y'] }, { field: 'to', errors: ['z'] }])?.message).toBe(`${message}: from: x, y; to: z`);
    expect(draft([7])?.message).toBe(`${message}: 7`);
    expect(draft([7])?.kind).toBe('unauthorized');
    expect(draft('not a list')?.message).toBe(message);
    expect(draft('not a list')?.kind).toBe('unauthorized');
    expect(draft('not a list', 404)?.kind).toBe('not_found');
    expect(draft([{ field: 'data', errors: [5, null] }])?.message).toBe(`${message}: data: invalid, invalid`);
  });

  it('treats any field error as an input problem even beside authorization strings', () => {
    const message = 'unauthorized or invalid request';
    const failed = ['invalid token', { field: 'from', errors: ['must be a number'] }];
    expect(classifyLuaAuth(ex(401, luaauthFail({ code: -1, message, failed })))?.kind).toBe('invalid_input');
  });

  it('reads every "not found" wording in `failed` as about the id, not the key', () => {
    const message = 'unauthorized or invalid request';
    const kind = (f: string) => classifyLuaAuth(ex(401, luaauthFail({ code: -1, message, failed: [f] })))?.kind;
    for (const f of ['Script not found', 'project does not exist', "session doesn't exist", 'doesnt exist', 'no such key', 'Unknown session', 'unknown script', 'unknown project']) {
      expect(kind(f), f).toBe('not_found');
    }
    expect(kind('invalid token')).toBe('unauthorized');
    expect(kind('unknown token')).toBe('unauthorized');
    const both = classifyLuaAuth(ex(401, luaauthFail({ code: -1, message, failed: ['invalid token', 'script not found'] })));
    expect(both?.kind).toBe('not_found');
  });
});
