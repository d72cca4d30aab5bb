import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeWebContents, preventable, resetElectronFake, type ElectronFake } from './electron-fake';
import { hardenApp } from './security';

vi.mock('electron', () => import('./electron-fake').then((m) => m.electronModule));

const POLICY = "default-src 'self'; frame-ancestors 'none'";
const isAppUrl = (url: string) => url.startsWith('app://pulsebar/index.html');

let fake: ElectronFake;
let contents: FakeWebContents;
beforeEach(() => {
  fake = resetElectronFake();
  hardenApp(isAppUrl, POLICY);
  contents = new FakeWebContents();
  fake.module.app.emit('web-contents-created', preventable(), contents);
});

describe('hardenApp', () => {
  it('puts the CSP header on every response, keeping the other headers and replacing a served policy', () => {
    const listener = fake.module.session.defaultSession.webRequest.onHeadersReceived.mock.calls[0]![0] as unknown as (
      details: { responseHeaders?: Record<string, string[]> },
      callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
    ) => void;
    const served: (Record<string, string[]> | undefined)[] = [
      { 'Content-Type': ['text/html'], 'Content-Security-Policy': ['default-src *'] },
      { 'Content-Type': ['text/javascript'] },
      undefined,
    ];
    for (const responseHeaders of served) {
      const callback = vi.fn();
      listener({ responseHeaders }, callback);
      expect(callback).toHaveBeenCalledWith({
        responseHeaders: { ...responseHeaders, 'Content-Security-Policy': [POLICY] },
      });
    }
  });

  it('denies every other permission request and check', () => {
    const request = fake.module.session.defaultSession.setPermissionRequestHandler.mock.calls[0]![0]!;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'] as const) {
      const callback = vi.fn();
      request(contents as never, permission, callback, {} as never);
      expect(callback, permission).toHaveBeenCalledWith(false);
    }
    const check = fake.module.session.defaultSession.setPermissionCheckHandler.mock.calls[0]![0]!;
    expect(check(contents as never, 'media', 'app://pulsebar', {} as never)).toBe(false);
  });

  it('lets only the app page write the clipboard (copy buttons), never read it', () => {
    const request = fake.module.session.defaultSession.setPermissionRequestHandler.mock.calls[0]![0]!;
    const check = fake.module.session.defaultSession.setPermissionCheckHandler.mock.calls[0]![0]!;
    const asked = (permission: string, requestingUrl: string | undefined): boolean => {
      const callback = vi.fn();
      request(contents as never, permission as never, callback, { requestingUrl } as never);
      return callback.mock.calls[0]![0] as boolean;
    };
    expect(asked('clipboard-sanitized-write', 'app://pulsebar/index.html#/sessions')).toBe(true);
    expect(check(contents as never, 'clipboard-sanitized-write' as never, 'app://pulsebar', { requestingUrl: 'app://pulsebar/index.html' } as never)).toBe(true);
    for (const url of ['https://evil.example/', 'app://pulsebar/other.html', undefined]) {
      expect(asked('clipboard-sanitized-write', url), String(url)).toBe(false);
      expect(check(contents as never, 'clipboard-sanitized-write' as never, 'x', { requestingUrl: url } as never), String(url)).toBe(false);
    }
    expect(asked('clipboard-read', 'app://pulsebar/index.html')).toBe(false);
    expect(check(contents as never, 'clipboard-read', 'app://pulsebar', { requestingUrl: 'app://pulsebar/index.html' } as never)).toBe(false);
  });

  it('denies every new window', () => {
    expect(contents.windowOpenHandler?.({ url: 'app://pulsebar/index.html' } as never)).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' } as never)).toEqual({ action: 'deny' });
  });

  it.each(['will-navigate', 'will-redirect'])('%s: refuses any page but the app, allows the app', (name) => {
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://pulsebar/other.html']) {
      const event = preventable();
      contents.emit(name, event, url);
      expect(event.defaultPrevented(), url).toBe(true);
    }
    const event = preventable();
    contents.emit(name, event, 'app://pulsebar/index.html#/alerts');
    expect(event.defaultPrevented()).toBe(false);
  });

  it('refuses to attach a <webview>', () => {
    const event = preventable();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented()).toBe(true);
  });
});
