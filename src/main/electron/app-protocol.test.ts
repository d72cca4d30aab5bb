import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL, APP_SCHEME, appResponse, isAppPageUrl, registerAppScheme, resolveAppFile, serveAppProtocol } from './app-protocol';
import { resetElectronFake, type ElectronFake } from './electron-fake';

vi.mock('electron', () => import('./electron-fake').then((m) => m.electronModule));

const POLICY = "default-src 'self'";
const root = mkdtempSync(join(tmpdir(), 'pulsebar-app-protocol-'));
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>Pulsebar</title>');
writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}');
// A file beside the renderer folder: what a traversal would try to reach.
const secret = join(root, '..', `${root.split(/[/\\]/).pop()}-secret.txt`);
writeFileSync(secret, 'not for the page');
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(secret, { force: true });
});

let fake: ElectronFake;
beforeEach(() => {
  fake = resetElectronFake();
});

const get = (url: string, method = 'GET') => appResponse(root, { url, method }, POLICY);

describe('app:// scheme', () => {
  it('is registered as standard and secure, and nothing more', () => {
    registerAppScheme();
    expect(fake.module.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true } },
    ]);
  });

  it('serves the built page and its assets with their types and the CSP header', async () => {
    for (const [url, type, body] of [
      [APP_ENTRY_URL, 'text/html; charset=utf-8', '<!doctype html><title>Pulsebar</title>'],
      ['app://pulsebar/', 'text/html; charset=utf-8', '<!doctype html><title>Pulsebar</title>'],
      ['app://pulsebar/assets/index-abc.js', 'text/javascript; charset=utf-8', 'console.log(1)'],
      ['app://pulsebar/assets/index-abc.css?v=1#x', 'text/css; charset=utf-8', 'body{}'],
    ] as const) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type'), url).toBe(type);
      expect(response.headers.get('content-security-policy'), url).toBe(POLICY);
      expect(response.headers.get('x-content-type-options'), url).toBe('nosniff');
      expect(await response.text(), url).toBe(body);
    }
  });

  it('refuses every path that leaves the renderer folder, with the CSP header', async () => {
    const name = `${root.split(/[/\\]/).pop()}-secret.txt`;
    for (const url of [
      `app://pulsebar/%2E%2E%2F${name}`,
      `app://pulsebar/assets/%2e%2e%2f%2e%2e%2f${name}`,
      `app://pulsebar/..%2f${name}`,
      `app://pulsebar/..%5c${name}`.replace('%5c', process.platform === 'win32' ? '%5c' : '%2f'),
      `app://pulsebar/%2fetc%2fpasswd`.replace('%2fetc', '%2f..%2f..%2f..%2f..%2f..%2f..%2fetc'),
      'app://pulsebar/index.html%00.js',
      'app://pulsebar/%E0%A4%A',
      'app://evil/index.html',
      'file:///etc/passwd',
    ]) {
      expect(resolveAppFile(root, url), url).toBeNull();
      const response = await get(url);
      expect(response.status, url).toBe(403);
      expect(response.headers.get('content-security-policy'), url).toBe(POLICY);
      expect(await response.text(), url).not.toContain('not for the page');
    }
  });

  it('keeps dot segments the URL parser folds (literal or %2e%2e) inside the folder; 404 for what is not there', async () => {
    expect(resolveAppFile(root, 'app://pulsebar/assets/../index.html')).toBe(join(root, 'index.html'));
    const name = `${root.split(/[/\\]/).pop()}-secret.txt`;
    for (const url of [`app://pulsebar/%2e%2e/${name}`, `app://pulsebar/assets/%2e%2e/%2e%2e/${name}`]) {
      expect(resolveAppFile(root, url), url).toBe(join(root, name));
      expect((await get(url)).status, url).toBe(404);
    }
    const missing = await get('app://pulsebar/nothing.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(POLICY);
    expect((await get('app://pulsebar/assets')).status).toBe(404); // a folder is not a file
  });

  it('answers only GET and HEAD', async () => {
    expect((await get(APP_ENTRY_URL, 'POST')).status).toBe(405);
    const head = await get(APP_ENTRY_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('serveAppProtocol hands app:// requests to that folder', async () => {
    serveAppProtocol(root, POLICY);
    expect(fake.module.protocol.handle).toHaveBeenCalledWith(APP_SCHEME, expect.any(Function));
    const handler = fake.module.protocol.handle.mock.calls[0]![1];
    const response = await handler(new Request(APP_ENTRY_URL.replace('app:', 'http:')) as never);
    // A Request with an app: URL cannot be built in Node; the handler only reads url and method.
    expect(response.status).toBe(403); // http://pulsebar is not app://pulsebar
    const ok = await handler({ url: APP_ENTRY_URL, method: 'GET' } as never);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toBe(POLICY);
  });

  it('isAppPageUrl accepts only the entry page of app://pulsebar', () => {
    expect(isAppPageUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppPageUrl(`${APP_ENTRY_URL}#/accounts?x=1`)).toBe(true);
    for (const url of [
      'app://pulsebar/other.html',
      'app://evil/index.html',
      'app://user:pw@pulsebar/index.html',
      'app://pulsebar:8080/index.html',
      'file:///work/out/renderer/index.html',
      'https://pulsebar/index.html',
      'not a url',
    ]) {
      expect(isAppPageUrl(url), url).toBe(false);
    }
  });
});
