import ky, { isTimeoutError, type KyInstance } from 'ky';
import type { z } from 'zod';
import type { ProviderErrorInfo } from '../../shared/errors';
import type { ProviderId } from '../../shared/model';
import type { AssumptionRef } from '../../shared/provider-assumptions';
import type { ClientOptions } from './types';
import type { Classifier, Exchange } from './error-mapping';
import { ProviderError, abortError, invalidInput } from './errors';
import { readJson } from './json-text';
import { apiKeyProblem } from './api-key-rules';
import { keyRedactor } from './key-redaction';
import { UrlInputError, buildUrl, normalizeBaseUrl, type QueryValue } from './paths';

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_LONG_TIMEOUT_MS = 90_000;

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

export interface RequestSpec {
  method: HttpMethod;
  /** Route template relative to the base URL, e.g. "/live-users/{id}"; also what errors and onRequest show. */
  route: string;
  params?: Record<string, string>;
  query?: Record<string, QueryValue>;
  /** JSON body; sent with Content-Type: application/json. */
  json?: unknown;
  /** Use `longTimeoutMs` (LuaAuth message calls that wait on a game client). */
  long?: boolean;
  signal?: AbortSignal;
  /** The route itself is assumed (not in the seed): a "not found" answer names this assumption. */
  assumption?: AssumptionRef;
}

export interface ProviderHttp {
  readonly provider: ProviderId;
  /** Sends one request, maps any failure into ProviderError, validates the success body with `schema`. */
  call<S extends z.ZodType>(spec: RequestSpec, schema: S): Promise<z.output<S>>;
  /** An `invalid_input` error for `METHOD route`, thrown before anything is sent. */
  refuse(method: HttpMethod, route: string, message: string): ProviderError;
}

interface Profile {
  classify: Classifier;
  /** Accept trailing commas in JSON (LuaAuth's documented examples have them). */
  lenientJson?: boolean;
}

/** The exact auth header each provider expects. */
export function authHeaders(provider: ProviderId, apiKey: string): Record<string, string> {
  switch (provider) {
    case 'junkie':
      return { authorization: `Bearer ${apiKey}` };
    case 'luaprot':
      return { authorization: apiKey };
    case 'luaauth':
      return { token: apiKey };
  }
}

/** Short reason for a transport failure, from undici's error cause (ECONNREFUSED, UND_ERR_SOCKET, ...). */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  const known: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset',
    ENOTFOUND: 'host not found',
    EAI_AGAIN: 'host lookup failed',
    ETIMEDOUT: 'connection timed out',
    EHOSTUNREACH: 'host unreachable',
    UND_ERR_SOCKET: 'connection closed before the response was complete',
  };
  if (code && known[code]) return `${known[code]} [${code}]`;
  if (code) return code;
  if (typeof cause?.message === 'string') return cause.message;
  return error instanceof Error ? error.message : 'request failed';
}

function formatIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 3).map((issue) => {
    const path = issue.path.map(String).join('.') || '(root)';
    return `${path}: ${issue.message}`;
  });
  const more = error.issues.length > 3 ? ` (+${error.issues.length - 3} more)` : '';
  return shown.join('; ') + more;
}

/** Largest answer read (a LuaProt hub with 100 000 sessions is about 20 MB); more is refused, not buffered. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

/** Carries no Location: a redirect target can hold anything (the key, a token) and never reaches the user. */
class RedirectRefused extends Error {
  constructor() {
    super('redirect refused');
  }
}
class BodyTooLarge extends Error {}

/** Reads the body as text, giving up past `max` bytes so a hostile endpoint cannot exhaust memory. */
async function readCapped(response: Response, max: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    await response.body?.cancel().catch(() => undefined);
    throw new BodyTooLarge();
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The one HTTP layer behind all three clients: builds URLs by hand (see paths.ts),
 * sets the provider's auth header, applies timeouts, never retries (the poller owns
 * retries), and turns every failure into a ProviderError whose info never holds the key.
 */
export function createProviderHttp(provider: ProviderId, options: ClientOptions, profile: Profile): ProviderHttp {
  let base: string;
  try {
    base = normalizeBaseUrl(options.baseUrl);
  } catch (error) {
    throw invalidInput(provider, 'base URL', error instanceof Error ? error.message : String(error));
  }
  const keyProblem = apiKeyProblem(options.apiKey);
  if (keyProblem) throw invalidInput(provider, 'API key', keyProblem);
  const apiKey = options.apiKey;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const longTimeoutMs = options.longTimeoutMs ?? DEFAULT_LONG_TIMEOUT_MS;

  const client: KyInstance = ky.create({
    headers: { accept: 'application/json', ...authHeaders(provider, apiKey) },
    retry: 0,
    throwHttpErrors: false,
    // Never follow: a redirect would carry LuaAuth's `token` header (fetch drops only Authorization) to another host.
    redirect: 'manual',
  });

  // Belt and braces: whatever a provider echoes back — the key in any case or encoding, or 8+
  // characters of it — never leaves in an error (see key-redaction.ts).
  const redact = keyRedactor(apiKey);

  const redactDeep = (value: unknown): unknown =>
    typeof value === 'string'
      ? redact(value)
      : Array.isArray(value)
        ? value.map(redactDeep)
        : value && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [redact(k), redactDeep(v)]))
          : value;

  const fail = (info: ProviderErrorInfo): ProviderError => {
    const clean: ProviderErrorInfo = { ...info, message: redact(info.message) };
    if (info.failed !== undefined) clean.failed = redactDeep(info.failed);
    return new ProviderError(clean);
  };

  const observe = (method: string, route: string, started: number, status?: number): void => {
    if (!options.onRequest) return;
    try {
      options.onRequest({ provider, method, path: route, durationMs: Date.now() - started, ...(status !== undefined ? { status } : {}) });
    } catch {
      // An observer must never break the call it observes.
    }
  };

  async function call<S extends z.ZodType>(spec: RequestSpec, schema: S): Promise<z.output<S>> {
    const request = `${spec.method} ${spec.route}`;
    let url: string;
    try {
      url = buildUrl(base, spec.route, spec.params, spec.query);
    } catch (error) {
      if (error instanceof UrlInputError) throw invalidInput(provider, request, error.message);
      throw error;
    }

    const cancel = [options.signal, spec.signal].filter((s): s is AbortSignal => s !== undefined);
    if (cancel.some((s) => s.aborted)) throw abortError(request);
    const limit = spec.long ? longTimeoutMs : timeoutMs;
    // ky's timeout only covers the wait for headers; this deadline also covers reading the body.
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), limit);
    const signal = AbortSignal.any([...cancel, deadline.signal]);

    const started = Date.now();
    let status: number | undefined;
    let exchange: Exchange;
    try {
      const response = await client(url, {
        method: spec.method,
        signal,
        timeout: limit,
        ...(spec.json !== undefined ? { json: spec.json } : {}),
      });
      status = response.status;
      if (status >= 300 && status < 400) {
        await response.body?.cancel().catch(() => undefined);
        throw new RedirectRefused();
      }
      const text = await readCapped(response, MAX_BODY_BYTES);
      exchange = { request, status, headers: response.headers, body: readJson(text, profile.lenientJson) };
    } catch (error) {
      observe(spec.method, spec.route, started, status);
      if (error instanceof RedirectRefused) {
        throw fail({
          kind: 'provider_refused',
          provider,
          request,
          status,
          message: `The server answered with a redirect (HTTP ${status}). Pulsebar does not follow redirects, so the key only goes to the base URL you set; check the account's base URL (https://, host and path as the provider documents them).`,
        });
      }
      if (error instanceof BodyTooLarge) {
        throw fail({ kind: 'malformed', provider, request, status, message: `The answer is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB; refused.` });
      }
      if (cancel.some((s) => s.aborted)) throw abortError(request);
      if (isTimeoutError(error) || deadline.signal.aborted) {
        throw fail({ kind: 'timeout', provider, request, message: `No complete answer within ${limit} ms` });
      }
      throw fail({ kind: 'network', provider, request, message: networkReason(error), ...(status !== undefined ? { status } : {}) });
    } finally {
      clearTimeout(timer);
    }
    observe(spec.method, spec.route, started, status);

    const draft = profile.classify(exchange);
    if (draft) {
      // A missing route Pulsebar only assumed exists: the answer is about the assumption, not an id.
      const assumption = draft.kind === 'not_found' && spec.assumption ? { assumption: spec.assumption } : {};
      throw fail({ ...draft, ...assumption, provider, request, status });
    }
    if (!exchange.body.ok) {
      throw fail({ kind: 'malformed', provider, request, status, message: `HTTP ${status} body is not valid JSON` });
    }
    const parsed = schema.safeParse(exchange.body.value);
    if (!parsed.success) {
      throw fail({ kind: 'malformed', provider, request, status, message: `Unexpected response: ${formatIssues(parsed.error)}` });
    }
    return parsed.data;
  }

  return {
    provider,
    call,
    refuse: (method, route, message) => invalidInput(provider, `${method} ${route}`, message),
  };
}
