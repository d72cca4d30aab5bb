import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { PROVIDERS, type ProviderId } from '../../shared/model';
import type { Clock } from '../../shared/clock';
import { handleControl } from './control';
import { nginxErrorPage, truncateJson, type FaultBoard } from './faults';
import type { ProviderApi } from './provider-api';
import { delay, INVALID_JSON, json, type Reply, type RequestContext } from './reply';
import type { RequestLog } from './request-log';
import { splitPath } from './router';
import { forbiddenReply, serialize, strayBody } from './strays';
import type { SimulatorControl } from './types';
import type { World } from './world';

const MAX_BODY_BYTES = 1_000_000;

/** Where each provider's base URL ends, to log paths relative to it. */
export const BASE_PATHS: Record<ProviderId, string> = { junkie: '/junkie/api/v2', luaprot: '/luaprot', luaauth: '/luaauth' };

export interface ServerDeps {
  clock: Clock;
  world: World;
  apis: Record<ProviderId, ProviderApi>;
  faults: FaultBoard;
  log: RequestLog;
  control: SimulatorControl;
}

/** The one HTTP server behind all three providers and /__control. */
export class SimServer {
  private readonly server: Server;
  /** Aborted on close so waiting handlers (LuaAuth messages, slow faults) end at once. */
  private readonly shutdown = new AbortController();

  constructor(private readonly deps: ServerDeps) {
    this.server = createServer((req, res) => {
      this.serve(req, res).catch(() => {
        if (!res.headersSent) send(res, json(500, { error: 'simulator failure' }));
        else res.destroy();
      });
    });
  }

  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        const address = this.server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  }

  close(): Promise<void> {
    this.shutdown.abort();
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { clock, world, apis, faults, log, control } = this.deps;
    const method = req.method ?? 'GET';
    const { segments, rawPath, query } = splitPath(req.url ?? '/');
    const head = segments[0] ?? '';

    if (head === '__control') {
      // Browsers send Origin on cross-site POSTs (even text/plain ones that skip preflight): a web page
      // must not steer the demo world. curl, tests and the CLI send none.
      if (req.headers.origin !== undefined) return send(res, json(403, { error: 'control requests from web pages are refused' }));
      const body = await readJson(req);
      return send(res, handleControl(control, faults, method, segments.slice(1).join('/'), body));
    }
    if (!(PROVIDERS as readonly string[]).includes(head)) return send(res, json(404, { error: 'Not Found' }));
    const provider = head as ProviderId;
    const api = apis[provider];

    const now = clock.now();
    const base = rawPath.startsWith(BASE_PATHS[provider]) ? BASE_PATHS[provider] : `/${provider}`;
    const entry = log.add({ provider, method, path: rawPath.slice(base.length) || '/', at: now, status: 0 });

    const aborter = new AbortController();
    const onShutdown = () => aborter.abort();
    this.shutdown.signal.addEventListener('abort', onShutdown, { once: true });
    res.on('close', () => {
      this.shutdown.signal.removeEventListener('abort', onShutdown);
      if (!res.writableFinished) aborter.abort();
    });

    const fault = faults.take(provider);
    let mangle = false;
    if (fault) {
      switch (fault.type) {
        case 'drop_connection':
          req.socket.destroy();
          return;
        case 'status':
          entry.status = fault.status;
          return send(res, api.faultReply('status', fault.status));
        case 'rate_limit_burst':
          entry.status = 429;
          return send(res, api.faultReply('rate_limited', 429, fault.retryAfterSeconds));
        case 'html_error': {
          const status = fault.status ?? 502;
          entry.status = status;
          res.writeHead(status, { 'Content-Type': 'text/html' });
          res.end(nginxErrorPage(status));
          return;
        }
        case 'slow':
          if (!(await delay(fault.delayMs, aborter.signal))) return;
          break;
        case 'malformed_json':
          mangle = true;
          break;
      }
    }

    if (world.strays.has(provider, 'forbidden_wording')) {
      entry.status = 403;
      return send(res, forbiddenReply(provider));
    }

    const body = await readJson(req);
    world.step(clock.now());
    const ctx: RequestContext = {
      method,
      segments: segments.slice(1),
      params: {},
      query,
      headers: req.headers,
      remoteAddress: (req.socket.remoteAddress ?? '').replace(/^::ffff:/, ''),
      now: clock.now(),
      body,
      signal: aborter.signal,
    };
    let reply: Reply;
    try {
      reply = await api.handle(ctx);
    } catch {
      reply = api.faultReply('status', 500);
    }
    if (aborter.signal.aborted) return;
    entry.status = mangle ? 200 : reply.status;
    const modes = new Set(world.strays.of(provider));
    if (modes.size > 0 && reply.status >= 200 && reply.status < 300) reply = { ...reply, body: strayBody(provider, reply.body, modes) };
    send(res, reply, mangle);
  }
}

function send(res: ServerResponse, reply: Reply, mangle = false): void {
  const text = serialize(reply.body);
  res.writeHead(mangle ? 200 : reply.status, { 'Content-Type': 'application/json; charset=utf-8', ...reply.headers });
  res.end(mangle ? truncateJson(text) : text);
}

/** The request body as JSON: undefined when empty, INVALID_JSON when unparsable or too large. */
async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return INVALID_JSON;
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return INVALID_JSON;
  }
}
