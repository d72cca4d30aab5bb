import { app, session, type WebContents } from 'electron';

/**
 * App-wide hardening, installed before any window exists: no new windows, no
 * navigation away from the app, no <webview>, no permissions (camera, geolocation…) but writing the
 * clipboard from the app's own page, and the Content-Security-Policy header on every response (the dev
 * server's too; app:// sets its own as well).
 */
/** What the app's own page may do beyond a plain page; everything else is refused. */
const APP_PAGE_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function hardenApp(isAppUrl: (url: string) => boolean, policy: string): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] },
    });
  });
  // The sessions table's copy buttons use navigator.clipboard.writeText, which Chromium gates on
  // `clipboard-sanitized-write`; only the app's own page gets it (never reading the clipboard).
  const allowed = (permission: string, url: string | undefined): boolean =>
    APP_PAGE_PERMISSIONS.has(permission) && url !== undefined && isAppUrl(url);
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(allowed(permission, details?.requestingUrl)),
  );
  session.defaultSession.setPermissionCheckHandler((_contents, permission, _origin, details) => allowed(permission, details?.requestingUrl));

  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
