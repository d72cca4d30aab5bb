import { describe, expect, it } from 'vitest';
import { classifyJunkie, classifyLuaAuth, classifyLuaProt, type Exchange } from './error-mapping';
import { readJson } from './json-text';

function ex(status: number, body: unknown, headers: Record<string, string> = {}): Exchange {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return { request: 'GET /x', status, headers: new Headers(headers), body: readJson(text, true) };
}
const envelope = (code: number, message: string, failed?: unknown) => ({ success: false, error: { code, message, ...(failed ? { failed } : {}) } });

describe('LuaAuth envelope (decided by success, not status)', () => {
  it('success:true is not an error whatever the status', () => {
    expect(classifyLuaAuth(ex(200, { success: true }))).toBeUndefined();
    expect(classifyLuaAuth(ex(202, { success: true, processed: false, reason: 'x' }))).toBeUndefined();
  });

  it('success:false is an error even with HTTP 200', () => {
    expect(classifyLuaAuth(ex(200, envelope(-1, 'ratelimited')))).toMatchObject({ kind: 'rate_limited', code: -1 });
  });

  it('ratelimited keeps Retry-After', () => {
    expect(classifyLuaAuth(ex(429, envelope(-1, 'ratelimited'), { 'retry-after': '2' }))).toMatchObject({ kind: 'rate_limited', retryAfterMs: 2000 });
  });

  it('unauthorized or invalid request: strings → unauthorized, field errors → invalid_input', () => {
    expect(classifyLuaAuth(ex(401, envelope(-1, 'unauthorized or invalid request', ['invalid token'])))).toMatchObject({
      kind: 'unauthorized',
      code: -1,
      failed: ['invalid token'],
      message: 'unauthorized or invalid request: invalid token',
    });
    expect(classifyLuaAuth(ex(200, envelope(-1, 'unauthorized or invalid request')))).toMatchObject({ kind: 'unauthorized' });
    // Same error for an id that is not there (or not yours): about the id, not the key.
    expect(classifyLuaAuth(ex(404, envelope(-1, 'unauthorized or invalid request', ['session not found'])))).toMatchObject({ kind: 'not_found', failed: ['session not found'] });
    expect(classifyLuaAuth(ex(400, envelope(-1, 'unauthorized or invalid request', ['script not found'])))).toMatchObject({ kind: 'not_found' });
    const failed = [{ field: 'from', errors: ['must be a positive number'] }, { field: 'data', errors: [{ message: 'bad json', errors: ['unexpected token'] }] }];
    const draft = classifyLuaAuth(ex(400, envelope(-1, 'unauthorized or invalid request', failed)));
    expect(draft).toMatchObject({ kind: 'invalid_input', code: -1, failed });
    expect(draft?.message).toBe('unauthorized or invalid request: from: must be a positive number; data: bad json (unexpected token)');
  });

  it('generic messages', () => {
    expect(classifyLuaAuth(ex(404, envelope(-1, 'invalid endpoint')))).toMatchObject({ kind: 'not_found', message: 'invalid endpoint' });
    expect(classifyLuaAuth(ex(500, envelope(-1, 'internal server error')))).toMatchObject({ kind: 'unavailable' });
  });

  it('endpoint codes 0/1/2 are refusals in the provider words', () => {
    for (const [code, message] of [[0, 'account expired'], [1, 'cannot edit nothing'], [2, 'tier does not allow ffa mode']] as const) {
      expect(classifyLuaAuth(ex(400, envelope(code, message)))).toEqual({ kind: 'provider_refused', message, code });
    }
  });

  it('bodies without an envelope fall back to the status', () => {
    expect(classifyLuaAuth(ex(502, '<html>bad gateway</html>', { 'content-type': 'text/html' }))).toMatchObject({ kind: 'unavailable' });
    expect(classifyLuaAuth(ex(200, '<html>'))).toBeUndefined(); // the HTTP layer then says malformed
    expect(classifyLuaAuth(ex(429, 'slow down', { 'retry-after': '3' }))).toMatchObject({ kind: 'rate_limited', retryAfterMs: 3000 });
    expect(classifyLuaAuth(ex(400, 'nope'))).toMatchObject({ kind: 'malformed' });
  });
});

describe('LuaProt', () => {
  const fail = (message: string) => ({ success: false, message });
  it('a 403 worded otherwise (not the seed\'s "not found") is access refused, not a missing session', () => {
    expect(classifyLuaProt(ex(403, fail('Access denied.')))).toMatchObject({ kind: 'forbidden', message: 'Access denied.' });
    expect(classifyLuaProt(ex(403, fail('Forbidden')))).toMatchObject({ kind: 'forbidden' });
  });

  it('403 whitelist → forbidden, the seed\'s 403 → not_found', () => {
    expect(classifyLuaProt(ex(403, fail('Your IP is not whitelisted.')))).toMatchObject({ kind: 'forbidden' });
    expect(classifyLuaProt(ex(403, fail('Session not found or unauthorized to manage.')))).toEqual({
      kind: 'not_found',
      message: 'Session not found or unauthorized to manage.',
    });
  });
  it('400 session messages → not_found; no active sessions → provider_refused', () => {
    expect(classifyLuaProt(ex(400, fail('Invalid session.')))).toMatchObject({ kind: 'not_found' });
    expect(classifyLuaProt(ex(400, fail('You cannot manage this session.')))).toMatchObject({ kind: 'not_found' });
    expect(classifyLuaProt(ex(400, fail('Key could not be found.')))).toMatchObject({ kind: 'not_found' });
    expect(classifyLuaProt(ex(400, fail('No active sessions found.')))).toMatchObject({ kind: 'provider_refused', message: 'No active sessions found.' });
    expect(classifyLuaProt(ex(400, fail('Something else.')))).toMatchObject({ kind: 'provider_refused' });
  });
  it('status mapping and 2xx success:false', () => {
    expect(classifyLuaProt(ex(401, fail('Invalid API key.')))).toMatchObject({ kind: 'unauthorized', message: 'Invalid API key.' });
    expect(classifyLuaProt(ex(404, fail('Hub not found or linked to your account.')))).toMatchObject({ kind: 'not_found' });
    expect(classifyLuaProt(ex(429, fail('Too many requests'), { 'retry-after': '10' }))).toMatchObject({ kind: 'rate_limited', retryAfterMs: 10_000 });
    expect(classifyLuaProt(ex(503, '<html/>'))).toMatchObject({ kind: 'unavailable' });
    expect(classifyLuaProt(ex(200, fail('odd')))).toMatchObject({ kind: 'provider_refused', message: 'odd' });
    expect(classifyLuaProt(ex(200, { success: true, message: 'ok' }))).toBeUndefined();
  });
});

describe('Junkie (status only)', () => {
  it('maps the documented statuses', () => {
    expect(classifyJunkie(ex(401, ''))).toMatchObject({ kind: 'unauthorized' });
    expect(classifyJunkie(ex(404, { error: 'Script not found' }))).toEqual({ kind: 'not_found', message: 'Script not found' });
    expect(classifyJunkie(ex(429, {}, { 'retry-after': 'Thu, 01 Jan 2099 00:00:00 GMT' }))?.retryAfterMs).toBeGreaterThan(0);
    expect(classifyJunkie(ex(502, ''))).toEqual({ kind: 'unavailable', message: 'Heartbeat service unavailable' });
    expect(classifyJunkie(ex(500, { message: 'boom' }))).toEqual({ kind: 'unavailable', message: 'boom' });
    expect(classifyJunkie(ex(418, '<html>'))).toMatchObject({ kind: 'malformed' });
    expect(classifyJunkie(ex(200, { counts: {}, total: 0 }))).toBeUndefined();
  });
});
