import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from './index';
import { isAbortError, isProviderError, ProviderError } from './errors';

/** A bare stub server: records what arrives and answers with whatever the test sets. */
let server: Server;
let base: string;
let seen: Array<{ method: string; url: string; headers: IncomingMessage['headers']; body: string }> = [];
let reply: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end('{}');

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      reply(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => {
  server.close(() => resolve());
  server.closeAllConnections();
}));
beforeEach(() => {
  seen = [];
  reply = (_req, res) => res.end('{}');
});

const json = (status: number, body: unknown) => (_req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

const KEY = 'sk_live_secret_123456';

describe('auth headers and bodies', () => {
  it('Junkie: Authorization: Bearer <key>, trailing slash on base tolerated', async () => {
    reply = json(200, { counts: { a: 1 }, total: 1 });
    const client = createClient('junkie', { baseUrl: `${base}/api/v2/`, apiKey: KEY });
    await client.liveCounts();
    expect(seen[0]?.url).toBe('/api/v2/live-users');
    expect(seen[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(seen[0]?.headers.token).toBeUndefined();
  });

  it('LuaProt: raw Authorization and a JSON body', async () => {
    reply = json(200, { success: true, message: 'Successfully messaged session.' });
    const client = createClient('luaprot', { baseUrl: base, apiKey: KEY });
    await expect(client.message('97963719390038484793', 'hi')).resolves.toBe('Successfully messaged session.');
    expect(seen[0]?.headers.authorization).toBe(KEY);
    expect(seen[0]?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(seen[0]!.body)).toEqual({ message: 'hi' });
  });

  it('LuaAuth: token header, no Authorization; edit sends only given fields', async () => {
    reply = json(200, { success: true });
    const client = createClient('luaauth', { baseUrl: base, apiKey: KEY });
    await client.edit('s1', { name: 'New', kick_outdated: undefined, require_sessions: false });
    expect(seen[0]?.headers.token).toBe(KEY);
    expect(seen[0]?.headers.authorization).toBeUndefined();
    expect(seen[0]?.url).toBe('/scripts/s1/edit');
    expect(JSON.parse(seen[0]!.body)).toEqual({ name: 'New', require_sessions: false });
  });

  it('never retries (the poller owns retries)', async () => {
    reply = json(503, { error: 'down' });
    const client = createClient('junkie', { baseUrl: base, apiKey: KEY });
    await expect(client.liveCounts()).rejects.toMatchObject({ info: { kind: 'unavailable', status: 503 } });
    expect(seen).toHaveLength(1);
  });

  it('refuses an empty key or a bad base URL at creation', () => {
    expect(() => createClient('junkie', { baseUrl: base, apiKey: ' ' })).toThrow(ProviderError);
    expect(() => createClient('luaauth', { baseUrl: 'api.luaauth.com', apiKey: KEY })).toThrow(/base URL/);
  });
});

describe('timeouts, cancellation, observation', () => {
  it('a body that stalls after the headers still times out', async () => {
    reply = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"counts":');
      setTimeout(() => res.end('{},"total":0}'), 400);
    };
    const client = createClient('junkie', { baseUrl: base, apiKey: KEY, timeoutMs: 100 });
    await expect(client.liveCounts()).rejects.toMatchObject({ info: { kind: 'timeout', request: 'GET /live-users' } });
  });

  it('LuaAuth message calls use longTimeoutMs, ordinary calls timeoutMs', async () => {
    reply = (_req, res) => setTimeout(() => json(200, { success: true, processed: true, response: {} })(_req, res), 150);
    const client = createClient('luaauth', { baseUrl: base, apiKey: KEY, timeoutMs: 50, longTimeoutMs: 2000 });
    await expect(client.message('s1', 'ping')).resolves.toMatchObject({ processed: true });
    await expect(client.session('s1')).rejects.toMatchObject({ info: { kind: 'timeout' } });
  });

  it('a cancelled call rejects with an AbortError, not a ProviderError', async () => {
    reply = (_req, res) => setTimeout(() => json(200, { counts: {}, total: 0 })(_req, res), 300);
    const client = createClient('junkie', { baseUrl: base, apiKey: KEY });
    const controller = new AbortController();
    const pending = client.liveCounts({ signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const error = await pending.catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
    expect(isProviderError(error)).toBe(false);
    // Already aborted (client-wide signal): nothing is sent.
    seen = [];
    const dead = createClient('junkie', { baseUrl: base, apiKey: KEY, signal: AbortSignal.abort() });
    expect(isAbortError(await dead.liveCounts().catch((e: unknown) => e))).toBe(true);
    expect(seen).toHaveLength(0);
  });

  it('onRequest sees provider, method, route template, status and duration, never the key or the id', async () => {
    reply = json(404, { error: 'Script not found' });
    const log: unknown[] = [];
    const client = createClient('junkie', { baseUrl: base, apiKey: KEY, onRequest: (info) => log.push(info) });
    await expect(client.sessions('secret-script', { page: 2 })).rejects.toMatchObject({
      info: { kind: 'not_found', status: 404, message: 'Script not found', request: 'GET /live-users/{id}' },
    });
    expect(seen[0]?.url).toBe('/live-users/secret-script?page=2');
    expect(log).toEqual([{ provider: 'junkie', method: 'GET', path: '/live-users/{id}', status: 404, durationMs: expect.any(Number) }]);
    expect(JSON.stringify(log)).not.toContain(KEY);
  });

  it('a key echoed back by a provider is redacted from the error', async () => {
    reply = json(401, { success: false, message: `Key ${KEY} is not valid` });
    const client = createClient('luaprot', { baseUrl: base, apiKey: KEY });
    const error = (await client.hubs().catch((e: unknown) => e)) as ProviderError;
    expect(error.info.kind).toBe('unauthorized');
    expect(JSON.stringify(error.info)).not.toContain(KEY);
    expect(error.message).not.toContain(KEY);
  });

  it.each([
    ['URL-encoded', (k: string) => encodeURIComponent(k)],
    ['lower-cased', (k: string) => k.toLowerCase()],
    ['upper-cased', (k: string) => k.toUpperCase()],
    ['truncated', (k: string) => k.slice(0, 10)],
    ['base64', (k: string) => Buffer.from(k).toString('base64')],
  ])('a key echoed back %s is redacted from the error', async (_form, echo) => {
    const key = 'Sk/Live+Secret_123456';
    reply = json(401, { success: false, message: `Key ${echo(key)} is not valid`, failed: [{ key: echo(key) }] });
    const client = createClient('luaprot', { baseUrl: base, apiKey: key });
    const error = (await client.hubs().catch((e: unknown) => e)) as ProviderError;
    expect(error.info.kind).toBe('unauthorized');
    const shown = JSON.stringify(error.info) + error.message;
    expect(shown).toContain('[redacted]');
    expect(shown).not.toContain(echo(key).slice(0, 8));
  });

  // Issue 9 item 3: an unreadable field of one item no longer fails the call (it used to reject
  // with "sessions.0.created_at"); an unusable envelope still does, with the path named.
  it('schema failures of the envelope name the field path', async () => {
    reply = json(200, { success: true, sessions: { a: { id: 'a' } } });
    const client = createClient('luaauth', { baseUrl: base, apiKey: KEY });
    await expect(client.sessions('s', { from: 0, limit: 5 })).rejects.toMatchObject({
      info: { kind: 'malformed', status: 200, message: expect.stringContaining('sessions') },
    });
  });

  it('an unreadable field of one item is read as unknown and noted, not a failed call', async () => {
    reply = json(200, { success: true, sessions: [{ id: 'a', created_at: 'yesterday' }] });
    const client = createClient('luaauth', { baseUrl: base, apiKey: KEY });
    const lines: string[] = [];
    const page = await client.sessions('s', { from: 0, limit: 5 }, { onReadNotes: (n) => lines.push(...n.lines()) });
    expect(page.sessions).toHaveLength(1);
    expect(page.sessions[0]!.createdAt).toBeUndefined();
    expect(lines).toContain('LuaAuth: 1 session had an unreadable created_at');
  });
});

describe('what a key may meet on the way', () => {
  it('never follows a redirect, so LuaAuth\'s token header cannot reach another host', async () => {
    const other: string[] = [];
    const elsewhere = createServer((req, res) => {
      other.push(String(req.headers.token));
      res.end('{"success":true,"script":{}}');
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    try {
      const target = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/steal`;
      reply = (_req, res) => {
        res.writeHead(302, { location: target });
        res.end();
      };
      const client = createClient('luaauth', { baseUrl: base, apiKey: KEY });
      const error = await client.script('abc').catch((e: unknown) => e);
      expect(isProviderError(error, 'provider_refused')).toBe(true);
      expect((error as ProviderError).info.message).toContain('does not follow redirects');
      expect(JSON.stringify((error as ProviderError).info)).not.toContain(KEY);
      expect(other).toEqual([]);
    } finally {
      elsewhere.close();
      elsewhere.closeAllConnections();
    }
  });

  it('never shows where a redirect pointed (a Location can carry anything)', async () => {
    const elsewhere = createServer((_req, res) => res.end('{}'));
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    try {
      const target = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/login?next=%2Fsteal&session=abc123xyz`;
      reply = (_req, res) => {
        res.writeHead(301, { location: target });
        res.end();
      };
      const client = createClient('junkie', { baseUrl: base, apiKey: KEY });
      const error = (await client.liveCounts().catch((e: unknown) => e)) as ProviderError;
      expect(isProviderError(error, 'provider_refused')).toBe(true);
      const shown = JSON.stringify(error.info) + error.message;
      expect(shown).toContain('HTTP 301');
      expect(shown).not.toContain('/login');
      expect(shown).not.toContain('abc123xyz');
      expect(shown).not.toContain(String((elsewhere.address() as AddressInfo).port));
    } finally {
      elsewhere.close();
      elsewhere.closeAllConnections();
    }
  });

  it('refuses an answer larger than the cap instead of buffering it', async () => {
    reply = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 40 && res.write(chunk)) sent++;
        if (sent < 40) res.once('drain', pump);
        else res.end();
      };
      pump();
    };
    const client = createClient('junkie', { baseUrl: base, apiKey: KEY });
    const error = await client.liveCounts().catch((e: unknown) => e);
    expect(isProviderError(error, 'malformed')).toBe(true);
    expect((error as ProviderError).info.message).toMatch(/larger than 32 MB/);
  });

  it('refuses keys with line breaks or spaces before any request, without quoting them', () => {
    for (const bad of ['abc\ndef-secret', 'abc def-secret', 'abc\tdef-secret', 'clé-secret']) {
      let error: unknown;
      try {
        createClient('luaprot', { baseUrl: base, apiKey: bad });
      } catch (e) {
        error = e;
      }
      expect(isProviderError(error, 'invalid_input')).toBe(true);
      expect((error as ProviderError).info.message).not.toContain('secret');
    }
    expect(seen).toEqual([]);
  });

  it('accepts plain http only for this computer', () => {
    expect(() => createClient('junkie', { baseUrl: 'http://api.example.com/api/v2', apiKey: KEY })).toThrow(/must use https:\/\//);
    for (const ok of ['https://api.example.com/api/v2', 'http://localhost:4710/junkie/api/v2', 'http://127.0.0.1:9/x', 'http://[::1]:9/x']) {
      expect(() => createClient('junkie', { baseUrl: ok, apiKey: KEY })).not.toThrow();
    }
  });
});
