import type { IncomingHttpHeaders } from 'node:http';
import type { Params } from './router';

/** What a provider handler returns; the server serialises it (and may mangle it when a fault says so). */
export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export const INVALID_JSON = Symbol('invalid json');

/** One request as a provider handler sees it. */
export interface RequestContext {
  method: string;
  /** Decoded segments after the provider's base path. */
  segments: string[];
  params: Params;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Client address without the IPv4-mapped prefix. */
  remoteAddress: string;
  /** Clock time when the request arrived. */
  now: number;
  /** Parsed JSON body: undefined when empty, INVALID_JSON when unparsable. */
  body: unknown;
  /** Aborted when the client goes away or the simulator closes. */
  signal: AbortSignal;
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): Reply => ({ status, body, headers });

export function header(ctx: RequestContext, name: string): string | undefined {
  const v = ctx.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Real-time wait that ends early (returning false) when the signal aborts. */
export function delay(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
