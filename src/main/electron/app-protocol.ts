import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve } from 'node:path';

/**
 * The packaged page is served as `app://pulsebar/…` instead of `file://`, so the
 * `grantFileProtocolExtraPrivileges` fuse can be off (electron-builder.yml): a file:// page may read
 * any file:// URL; this origin can only reach the files of the built renderer.
 */
export const APP_SCHEME = 'app';
const APP_HOST = 'pulsebar';
const ENTRY_PATH = '/index.html';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}${ENTRY_PATH}`;

/**
 * Must run before the app is ready. `standard` gives the page a real origin (relative URLs,
 * storage); `secure` makes it a secure context like https. Deliberately not `corsEnabled`
 * (that would let other origins read it), `bypassCSP` or `supportFetchAPI` (the page fetches nothing).
 * Assumption (no Electron binary here to try it): same-origin module scripts load from a
 * standard, secure scheme without further privileges.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);
}

/** The app's page, whatever its hash or query: the only URL allowed to load in the window and use IPC. */
export function isAppPageUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.pathname === ENTRY_PATH && !parsed.username && !parsed.password && !parsed.port;
}

/**
 * The file under `root` an app:// URL names, or null when it names something else: another host,
 * a path that decodes to `..` (or a drive or absolute path) leaving `root`, a NUL byte.
 */
export function resolveAppFile(root: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let path: string;
  try {
    // The URL parser already folded literal `..` segments; encoded ones (%2e%2e%2f) surface here.
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  if (path.includes('\0')) return null;
  const base = resolve(root);
  const file = resolve(base, `.${path === '/' ? ENTRY_PATH : path}`);
  const inside = relative(base, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return file;
}

/** What the built renderer contains; anything else is served as opaque bytes (and nosniff). */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json',
};

/** Answers one app:// request from `root`, with the CSP header on every response. */
export async function appResponse(root: string, request: { url: string; method: string }, policy: string): Promise<Response> {
  const headers = { 'Content-Security-Policy': policy, 'X-Content-Type-Options': 'nosniff' };
  const plain = (status: number, text: string) =>
    new Response(text, { status, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } });
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
  const file = resolveAppFile(root, request.url);
  if (!file) return plain(403, 'Forbidden');
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return plain(404, 'Not found');
  }
  const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers: { ...headers, 'Content-Type': type } });
}

/** Serves the built renderer at app://pulsebar/ (after ready). */
export function serveAppProtocol(root: string, policy: string): void {
  protocol.handle(APP_SCHEME, (request) => appResponse(root, request, policy));
}
