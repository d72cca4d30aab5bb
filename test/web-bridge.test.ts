/**
 * The browser bridge trusts only its own page: every request needs this run's token (the URL it
 * prints trades it for an HttpOnly, SameSite=Strict cookie), /events refuses other origins, and an
 * oversized IPC body gets a 413 answer. Runs the real bridge (memory keys, a stub index.html).
 */
import { request as httpRequest } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IPC_BODY_MAX_BYTES, TOKEN_HEADER, startWebBridge, tokenCookieName, type RunningWebBridge } from '../scripts/web-bridge';

let bridge: RunningWebBridge;
let rendererDir: string;
let configDir: string;
let cookie: string;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One raw HTTP request (node:http, so Origin and Cookie are whatever the test says, as any local program could). */
function call(path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; stream?: boolean } = {}): Promise<Answer> {
  return new Promise((ok, fail) => {
    const req = httpRequest(`${bridge.url}${path}`, { method: options.method ?? 'GET', headers: options.headers ?? {} }, (res) => {
      if (options.stream) {
        // An event stream never ends: the first chunk is enough.
        res.once('data', (chunk: Buffer) => {
          ok({ status: res.statusCode ?? 0, headers: res.headers, body: chunk.toString() });
          req.destroy();
        });
        if (res.statusCode !== 200) res.resume();
      }
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', fail);
    req.end(options.body);
  });
}

const ipc = (channel: string, headers: Record<string, string>, body = JSON.stringify({ request: null })) =>
  call(`/ipc/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

beforeAll(async () => {
  rendererDir = await mkdtemp(join(tmpdir(), 'pulsebar-bridge-renderer-'));
  configDir = await mkdtemp(join(tmpdir(), 'pulsebar-bridge-config-'));
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><html><head><script src="/app.js"></script></head><body></body></html>');
  bridge = await startWebBridge({ secrets: 'memory', rendererDir, configDir, log: () => undefined });
  cookie = `${tokenCookieName(bridge.port)}=${bridge.token}`;
});

afterAll(async () => {
  await bridge?.close();
  await rm(rendererDir, { recursive: true, force: true });
  await rm(configDir, { recursive: true, force: true });
});

describe('the web bridge token', () => {
  it('is long and random, and the URL to open carries it', () => {
    expect(bridge.token.length).toBeGreaterThanOrEqual(16);
    expect(bridge.openUrl).toBe(`${bridge.url}/?token=${bridge.token}`);
  });

  it('the first tokened page load sets an HttpOnly SameSite=Strict cookie and redirects to the clean URL', async () => {
    const first = await call(`/?token=${bridge.token}`);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    const set = String(first.headers['set-cookie']);
    expect(set).toContain(`${tokenCookieName(bridge.port)}=${bridge.token}`);
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Strict/);

    const page = await call('/', { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('/__bridge/client.js');
    expect(page.headers['content-security-policy']).toBeTruthy();
  });

  it('keeps other query parameters and never redirects off the site', async () => {
    expect((await call(`/index.html?x=1&token=${bridge.token}`)).headers.location).toBe('/index.html?x=1');
    expect((await call(`//evil.example/?token=${bridge.token}`)).headers.location).not.toMatch(/^\/\//);
  });

  it('refuses the page, the client script, IPC and events without it or with a wrong one', async () => {
    const wrong: Array<Record<string, string>> = [{}, { cookie: `${tokenCookieName(bridge.port)}=wrong-token-0000000000` }, { [TOKEN_HEADER]: 'nope' }];
    for (const headers of wrong) {
      expect((await call('/', { headers })).status).toBe(403);
      expect((await call('/__bridge/client.js', { headers })).status).toBe(403);
      expect((await call('/events', { headers, stream: true })).status).toBe(403);
    }
    const wrongUrl = await call('/?token=not-the-token-000000');
    expect(wrongUrl.status).toBe(403);
    expect(wrongUrl.headers['set-cookie']).toBeUndefined();
    expect(wrongUrl.body).toMatch(/Open the URL the bridge printed/);
  });

  it('a local program that fakes Origin cannot call IPC without the token (was: every channel answered)', async () => {
    const faked = await ipc('accounts:list', { origin: bridge.url, host: new URL(bridge.url).host });
    expect(faked.status).toBe(403);
    expect(JSON.parse(faked.body)).toMatchObject({ ok: false, error: { kind: 'invalid_request' } });

    const own = await ipc('app:version', { origin: bridge.url, cookie });
    expect(own.status).toBe(200);
    expect(JSON.parse(own.body)).toMatchObject({ ok: true });
    // A program may send the token as a header instead of the cookie.
    expect((await ipc('app:version', { origin: bridge.url, [TOKEN_HEADER]: bridge.token })).status).toBe(200);
  });

  it('serves /events to its own page only: another Origin or a cross-site fetch is refused even with the token', async () => {
    expect((await call('/events', { headers: { cookie, origin: 'http://evil.example' }, stream: true })).status).toBe(403);
    expect((await call('/events', { headers: { cookie, 'sec-fetch-site': 'cross-site' }, stream: true })).status).toBe(403);
    const own = await call('/events', { headers: { cookie, 'sec-fetch-site': 'same-origin' }, stream: true });
    expect(own.status).toBe(200);
    expect(own.body).toContain(': connected');
    expect((await call('/events', { headers: { cookie, origin: bridge.url }, stream: true })).status).toBe(200);
  });

  it('a malformed channel name is a 400 naming it, not a bridge error', async () => {
    const answer = await ipc('%E0%A4%A', { origin: bridge.url, cookie });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { message: 'channel: not a valid channel name' } });
  });

  it('answers 413 to an IPC body over the limit (was: connection reset)', async () => {
    const big = JSON.stringify({ request: { text: 'x'.repeat(IPC_BODY_MAX_BYTES + 10) } });
    const answer = await ipc('sessions:message', { origin: bridge.url, cookie }, big);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { kind: 'invalid_request', message: expect.stringMatching(/over 1 MB/) } });
    // The connection is still usable afterwards.
    expect((await ipc('app:version', { origin: bridge.url, cookie })).status).toBe(200);
  });
});
