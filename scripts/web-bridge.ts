/**
 * Browser bridge: hosts the real, Electron-free app core (accounts, poller, history, alerts,
 * keychain, demo simulator) over HTTP and serves the built renderer, so the same window runs in a
 * plain browser (`npm run web`) and under Playwright. Only Electron's IPC transport is replaced:
 *   POST /ipc/<channel>  {request}  → dispatch(core, channel, request) → IpcResult JSON
 *   GET  /events                     → Server-Sent Events, one message per push {event, payload}
 *   GET  /__bridge/client.js         → defines window.pulsebar; injected into index.html as <script src>
 * With --test-hooks (e2e only) it also records what the OS would have shown:
 *   GET /__test/info, GET /__test/notifications, GET /__test/window, POST /__test/reset
 *
 * Any program on this computer can reach a loopback port and write any Origin header it likes, so
 * every request needs this run's token (as Jupyter does): it is printed in the URL the bridge shows
 * (`/?token=…`); that first page load sets it as an HttpOnly, SameSite=Strict cookie and redirects
 * to the clean URL, and the page's requests carry the cookie from then on. Programs (the e2e
 * fixtures) may send it as an `x-pulsebar-token` header instead. The token comes from
 * PULSEBAR_BRIDGE_TOKEN when set (the e2e runner shares one with its fixtures), else it is random.
 *
 *   tsx scripts/web-bridge.ts [--port 5178] [--host 127.0.0.1] [--config-dir DIR] [--demo]
 *                             [--secrets auto|keychain|memory] [--keychain-service NAME] [--test-hooks]
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { createAppCore, type PulsebarCore } from '../src/main/core/app-core';
import type { NotificationRequest, TrayModel } from '../src/main/core/ports';
import { dispatch } from '../src/main/ipc/dispatch';
import { KeytarSecretStore, MemorySecretStore, type SecretStore } from '../src/main/secrets';
import { isLoopbackHost } from '../src/main/providers/paths';
import { CONTENT_SECURITY_POLICY_HEADER } from '../src/shared/content-security-policy';
import type { EventChannel, IpcEvents } from '../src/shared/ipc-contract';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
const CLIENT_PATH = join(repoRoot, 'scripts/web-bridge-client.js');
const CSP = CONTENT_SECURITY_POLICY_HEADER;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export interface WebBridgeOptions {
  /** This run's access token (16–256 of A–Z a–z 0–9 _ -); random when omitted. */
  token?: string;
  port?: number;
  host?: string;
  /** Settings and history directory; a fresh temp dir (removed on close) when omitted. */
  configDir?: string;
  /** 'auto' uses the OS keychain when it answers, else memory (with a warning). */
  secrets?: 'auto' | 'keychain' | 'memory';
  keychainService?: string;
  /** Start demo mode at once (npm run web). */
  demo?: boolean;
  testHooks?: boolean;
  rendererDir?: string;
  log?: (line: string) => void;
}

export interface RecordedNotification extends NotificationRequest {
  at: number;
}

export interface RunningWebBridge {
  /** The origin, without the token. */
  url: string;
  /** The URL to open: the origin with `?token=…`; the first load trades it for a cookie. */
  openUrl: string;
  token: string;
  port: number;
  secretsKind: SecretStore['kind'];
  /** Where this run's settings live, whether they go away at exit, and whether demo mode is on. */
  describe(): { configDir: string; temporary: boolean; demo: boolean };
  close(): Promise<void>;
}

async function chooseSecrets(mode: WebBridgeOptions['secrets'], service: string, log: (l: string) => void): Promise<SecretStore> {
  if (mode === 'memory') return new MemorySecretStore();
  const keychain = new KeytarSecretStore({ service });
  try {
    await keychain.probe();
    return keychain;
  } catch (err) {
    if (mode === 'keychain') throw err;
    log(`web-bridge: OS keychain unavailable (${(err as Error).message.split('.')[0]}); keys are kept in memory for this run.`);
    return new MemorySecretStore();
  }
}

/** Largest IPC request body; the biggest legitimate one (10,000 session ids) is well under it. */
export const IPC_BODY_MAX_BYTES = 1_000_000;
/** Past this much an oversized body is no longer read to its end (to answer 413) but cut off. */
const DRAIN_MAX_BYTES = 64 * IPC_BODY_MAX_BYTES;

/** The request header programs may send the token in (the page uses the cookie). */
export const TOKEN_HEADER = 'x-pulsebar-token';
/** Cookies ignore the port, so each bridge's cookie is named for its port. */
export const tokenCookieName = (port: number): string => `pulsebar-token-${port}`;

/**
 * The body as text, or null when it is over `limit`: the rest is read and dropped so the client,
 * still sending, gets a 413 answer rather than a connection reset.
 */
function readBody(req: IncomingMessage, limit = IPC_BODY_MAX_BYTES): Promise<string | null> {
  return new Promise((ok, fail) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= limit) chunks.push(c);
      else if (size > DRAIN_MAX_BYTES) req.destroy();
    });
    req.on('end', () => ok(size > limit ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

/** Compares in constant time (hashes first, so lengths never differ). */
function sameToken(given: string, token: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(token));
}

function isUsableToken(token: string): boolean {
  if (token.length < 16 || token.length > 256) return false;
  for (const ch of token) if (!/[A-Za-z0-9_-]/.test(ch)) return false;
  return true;
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return null;
}

function send(res: ServerResponse, status: number, body: unknown, type = 'application/json'): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(text);
}

export async function startWebBridge(options: WebBridgeOptions = {}): Promise<RunningWebBridge> {
  const log = options.log ?? ((line: string) => console.log(line));
  const token = options.token ?? randomBytes(24).toString('base64url');
  if (!isUsableToken(token)) throw new Error('the bridge token must be 16–256 characters of A–Z, a–z, 0–9, _ and -');
  const host = options.host ?? '127.0.0.1';
  // The bridge has the app's full authority (keys, actions): it only ever listens on this computer.
  if (!isLoopbackHost(host)) throw new Error(`--host must be a loopback address (127.0.0.1, localhost, ::1), not "${host}"`);
  const rendererDir = resolve(options.rendererDir ?? join(repoRoot, 'out/renderer'));
  const service = options.keychainService ?? 'Pulsebar';
  const secrets = await chooseSecrets(options.secrets ?? 'auto', service, log);
  const clientJs = await readFile(CLIENT_PATH, 'utf8');

  // Recorded host effects (what Electron would have shown), reset with the core.
  let notifications: RecordedNotification[] = [];
  let windowCalls = { hide: 0, show: 0, detached: false, lastShowTarget: null as unknown };
  let tray: TrayModel | null = null;
  let system = { launchAtLogin: false, shortcut: null as string | null };

  // SSE clients outlive a core reset (e2e isolation), so events go through one hub.
  const streams = new Set<ServerResponse>();
  const push = <E extends EventChannel>(event: E, payload: IpcEvents[E]) => {
    const frame = `data: ${JSON.stringify({ event, payload })}\n\n`;
    for (const s of streams) s.write(frame);
  };

  let configDir = '';
  let ownsConfigDir = false;
  let core: PulsebarCore;
  let unsubscribe: () => void = () => {};

  async function bootCore(): Promise<void> {
    ownsConfigDir = !options.configDir;
    configDir = options.configDir ?? (await mkdtemp(join(tmpdir(), 'pulsebar-web-')));
    notifications = [];
    windowCalls = { hide: 0, show: 0, detached: false, lastShowTarget: null };
    core = createAppCore({
      configDir,
      secrets,
      // Without --demo the core decides: demo when no account is configured (a first run).
      ...(options.demo ? { demo: true } : {}),
      log,
      ports: {
        notifier: {
          notify(request) {
            notifications.push({ ...request, at: Date.now() });
          },
        },
        window: {
          show: (target) => {
            windowCalls.show++;
            windowCalls.lastShowTarget = target ?? null;
          },
          hide: () => {
            windowCalls.hide++;
          },
          setDetached: (detached) => {
            windowCalls.detached = detached;
          },
        },
        system: {
          setLaunchAtLogin: (enabled) => {
            system.launchAtLogin = enabled;
          },
          setGlobalShortcut: (accelerator) => {
            system.shortcut = accelerator;
            return true;
          },
          quit: () => undefined,
          appVersion: () => process.env.npm_package_version ?? '0.1.0',
        },
        tray: {
          update: (model) => {
            tray = model;
          },
        },
      },
    });
    unsubscribe = core.subscribe(push);
    await core.start();
  }

  async function stopCore(): Promise<void> {
    unsubscribe();
    await core.stop();
    if (ownsConfigDir) await rm(configDir, { recursive: true, force: true });
  }

  await bootCore();

  let origin = '';
  /** Names this server answers to; anything else is DNS rebinding or a mistake (421). */
  let hosts = new Set<string>();
  const server = createServer((req, res) => {
    void handle(req, res).catch((err) => {
      log(`web-bridge: ${req.method} ${req.url} failed: ${(err as Error).name}`);
      if (!res.headersSent) send(res, 500, { ok: false, error: { kind: 'failed', message: 'bridge error' } });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hosts.has(String(req.headers.host ?? '').toLowerCase())) {
      return send(res, 421, 'this server only answers to 127.0.0.1 / localhost', 'text/plain');
    }
    const url = new URL(req.url ?? '/', origin);
    const path = url.pathname;
    const cookieName = tokenCookieName(port);

    // The URL the bridge printed: trade the token for a cookie, then show the clean URL.
    const offered = url.searchParams.get('token');
    if (offered !== null && (req.method === 'GET' || req.method === 'HEAD')) {
      if (!sameToken(offered, token)) return refuse(res, path, 'the token in this URL is not this run\'s');
      url.searchParams.delete('token');
      // One leading "/" only: "//host" would send the browser to another site.
      let first = 0;
      while (path[first] === '/') first++;
      res.writeHead(303, {
        location: `/${path.slice(first)}${url.search}`,
        'set-cookie': `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        'cache-control': 'no-store',
      });
      return void res.end();
    }
    const presented = cookieValue(req.headers.cookie, cookieName) ?? req.headers[TOKEN_HEADER];
    if (typeof presented !== 'string' || !sameToken(presented, token)) {
      return refuse(res, path, 'no token or a wrong one');
    }

    if (path.startsWith('/ipc/') && req.method === 'POST') {
      // Another site open in the same browser must not drive the app: our own origin and JSON only
      // (a cross-origin JSON POST needs a CORS preflight, which is never answered). Browsers always
      // send Origin on POST, so a request without one is not from the page.
      const from = String(req.headers.origin ?? '');
      const type = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (!hosts.has(from.replace(/^http:\/\//, '')) || type !== 'application/json') {
        return send(res, 403, { ok: false, error: { kind: 'invalid_request', message: 'cross-origin request refused' } });
      }
      let request: unknown;
      try {
        const body = await readBody(req);
        if (body === null) {
          return send(res, 413, {
            ok: false,
            error: { kind: 'invalid_request', message: `request body over ${IPC_BODY_MAX_BYTES / 1_000_000} MB refused; send less at once` },
          });
        }
        request = (JSON.parse(body || '{}') as { request?: unknown }).request;
      } catch {
        return send(res, 400, { ok: false, error: { kind: 'invalid_request', message: 'body must be JSON' } });
      }
      let channel: string;
      try {
        channel = decodeURIComponent(path.slice('/ipc/'.length));
      } catch {
        return send(res, 400, { ok: false, error: { kind: 'invalid_request', message: 'channel: not a valid channel name' } });
      }
      return send(res, 200, await dispatch(core, channel, request, { log }));
    }

    if (path === '/events' && req.method === 'GET') {
      // EventSource sends Origin only across origins, and Sec-Fetch-Site says where the request came from.
      const from = req.headers.origin;
      const site = req.headers['sec-fetch-site'];
      if ((from !== undefined && !hosts.has(String(from).replace(/^http:\/\//, ''))) || (site !== undefined && site !== 'same-origin')) {
        return send(res, 403, 'cross-origin event stream refused', 'text/plain');
      }
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      streams.add(res);
      const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
      req.on('close', () => {
        clearInterval(keepAlive);
        streams.delete(res);
      });
      return;
    }

    if (path === '/__bridge/client.js') return send(res, 200, clientJs, TYPES['.js']);

    if (options.testHooks && path.startsWith('/__test/')) {
      const action = path.slice('/__test/'.length);
      if (action === 'info') return send(res, 200, { configDir, secrets: secrets.kind, keychainService: service });
      if (action === 'notifications') return send(res, 200, notifications);
      if (action === 'window') return send(res, 200, windowCalls);
      if (action === 'tray') return send(res, 200, tray);
      if (action === 'system') return send(res, 200, system);
      if (action === 'reset' && req.method === 'POST') {
        await stopCore();
        system = { launchAtLogin: false, shortcut: null };
        await bootCore();
        return send(res, 200, { ok: true, configDir });
      }
      return send(res, 404, { error: 'unknown test hook' });
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed', 'text/plain');
    const file = resolve(rendererDir, `.${decodeURIComponent(path === '/' ? '/index.html' : path)}`);
    if (file !== rendererDir && !file.startsWith(rendererDir + sep)) return send(res, 404, 'not found', 'text/plain');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return send(res, 404, 'not found', 'text/plain');
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string> = { 'content-type': type, 'x-content-type-options': 'nosniff', 'cache-control': 'no-cache' };
    if (extname(file) === '.html') {
      headers['content-security-policy'] = CSP;
      const html = body.toString('utf8');
      // The bridge client must run before the app bundle; a same-origin <script src> keeps the CSP strict.
      const tag = '<script src="/__bridge/client.js"></script>\n    ';
      const at = html.indexOf('<script');
      body = Buffer.from(at >= 0 ? html.slice(0, at) + tag + html.slice(at) : html.replace('</head>', `${tag}</head>`));
    }
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  /** 403 with a way out: IPC gets an IpcResult the page can show, anything else a plain page. */
  function refuse(res: ServerResponse, path: string, why: string): void {
    const message = `Pulsebar web bridge: ${why}. Open the URL the bridge printed when it started (it ends in ?token=…).`;
    if (path.startsWith('/ipc/')) return send(res, 403, { ok: false, error: { kind: 'invalid_request', message } });
    return send(res, 403, message, 'text/plain; charset=utf-8');
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, host, () => ok());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, new URL(origin).host]);

  return {
    url: origin,
    openUrl: `${origin}/?token=${token}`,
    token,
    port,
    secretsKind: secrets.kind,
    describe: () => ({ configDir, temporary: ownsConfigDir, demo: core.snapshot().demo }),
    async close() {
      for (const s of streams) s.end();
      streams.clear();
      await new Promise<void>((ok) => server.close(() => ok()));
      server.closeAllConnections();
      await stopCore();
    },
  };
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const { ensureRenderer, rendererIsStale } = await import('./web-bridge-build.mjs');
  if (rendererIsStale()) console.log('Building the window: its sources changed since the last build (or there is none yet)…');
  const rendererDir = await ensureRenderer({ quiet: true });
  const secretsArg = argValue(args, '--secrets');
  const bridge = await startWebBridge({
    ...(process.env.PULSEBAR_BRIDGE_TOKEN ? { token: process.env.PULSEBAR_BRIDGE_TOKEN } : {}),
    port: Number(argValue(args, '--port') ?? process.env.PORT ?? 5178),
    host: argValue(args, '--host') ?? '127.0.0.1',
    ...(argValue(args, '--config-dir') ? { configDir: argValue(args, '--config-dir')! } : {}),
    secrets: secretsArg === 'keychain' || secretsArg === 'memory' ? secretsArg : 'auto',
    keychainService: argValue(args, '--keychain-service') ?? (args.includes('--test-hooks') ? `Pulsebar-e2e-${randomBytes(4).toString('hex')}` : 'Pulsebar'),
    demo: args.includes('--demo'),
    testHooks: args.includes('--test-hooks'),
    rendererDir,
  });
  const run = bridge.describe();
  console.log(`Pulsebar web bridge: ${bridge.openUrl}  (keys in ${bridge.secretsKind === 'keychain' ? 'the OS keychain' : 'memory only, gone at exit'})`);
  console.log(
    `  settings: ${run.configDir}${run.temporary ? ' (temporary: removed at exit; --config-dir DIR keeps them)' : ''}; ` +
      `demo mode ${run.demo ? 'on — the counts are simulated (turn it off in Accounts)' : 'off'}`,
  );
  const stop = () => void bridge.close().finally(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error(`web-bridge: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
