import type { ProviderErrorInfo } from '../../shared/errors';
import type { JsonRead } from './json-text';
import { parseRetryAfter } from './retry-after';

/** One finished HTTP exchange, as the error mapping sees it. */
export interface Exchange {
  /** e.g. "GET /live-users/{id}" */
  request: string;
  status: number;
  headers: Headers;
  body: JsonRead;
}

/** What a classifier decides; the HTTP layer adds provider, status and request. */
export type ErrorDraft = Omit<ProviderErrorInfo, 'provider' | 'request' | 'status'>;

/** A classifier returns undefined when the exchange is a success to be validated by the schema. */
export type Classifier = (exchange: Exchange) => ErrorDraft | undefined;

const isOk = (status: number): boolean => status >= 200 && status < 300;

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function describeBody(exchange: Exchange): string {
  // Stryker disable next-line OptionalChaining: split always returns at least one element
  const type = exchange.headers.get('content-type')?.split(';')[0]?.trim();
  return `HTTP ${exchange.status} with a body that is not JSON${type ? ` (${type})` : ''}`;
}

/**
 * Meaning of a failed status when the provider adds nothing more specific.
 * 401/403/404/429/5xx are decided by status even when the body is not JSON
 * (an HTML 429 from a proxy is still a rate limit); any other non-2xx status
 * with an unreadable body is `malformed`, with a JSON body `provider_refused`.
 */
export function byStatus(exchange: Exchange, message?: string): ErrorDraft | undefined {
  const { status } = exchange;
  if (isOk(status)) return undefined;
  const text = message ?? (exchange.body.ok ? `HTTP ${status}` : describeBody(exchange));
  if (status === 401) return { kind: 'unauthorized', message: text };
  if (status === 403) return { kind: 'forbidden', message: text };
  if (status === 404) return { kind: 'not_found', message: text };
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(exchange.headers.get('retry-after'));
    return { kind: 'rate_limited', message: text, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  }
  if (status >= 500) return { kind: 'unavailable', message: text };
  return { kind: exchange.body.ok ? 'provider_refused' : 'malformed', message: text };
}

/* ---------------- Junkie: status only (its error bodies are undocumented) ---------------- */

function junkieMessage(body: JsonRead): string | undefined {
  // Stryker disable next-line ConditionalExpression: an unreadable body has no value, so record() gives undefined anyway
  if (!body.ok) return undefined;
  const obj = record(body.value);
  if (!obj) return undefined;
  if (typeof obj.error === 'string') return obj.error;
  if (typeof obj.message === 'string') return obj.message;
  const nested = record(obj.error);
  return typeof nested?.message === 'string' ? nested.message : undefined;
}

export const classifyJunkie: Classifier = (exchange) => {
  // Stryker disable next-line ConditionalExpression: byStatus also returns undefined for a 2xx; this only skips reading the body
  if (isOk(exchange.status)) return undefined;
  const said = junkieMessage(exchange.body);
  // The seed documents 502 as "Heartbeat service unavailable"; say so when the body doesn't.
  const fallback = exchange.status === 502 ? 'Heartbeat service unavailable' : undefined;
  return byStatus(exchange, said ?? fallback);
};

/* ---------------- LuaProt: {success:false, message} + 4xx ---------------- */

const LUAPROT_GONE = ['invalid session', 'you cannot manage this session', 'key could not be found', 'hub not found'];
// Stryker disable next-line ArrayDeclaration: equivalent, see the use below
const LUAPROT_NOTHING_TO_DO = ['no active sessions found'];
const LUAPROT_403_GONE = /not found|unauthori[sz]ed to manage/i;

export const classifyLuaProt: Classifier = (exchange) => {
  const obj = exchange.body.ok ? record(exchange.body.value) : undefined;
  const said = typeof obj?.message === 'string' ? obj.message : undefined;
  // Stryker disable next-line StringLiteral: `lower` is read only when `said` is defined
  const lower = said?.toLowerCase() ?? '';
  if (isOk(exchange.status)) {
    // A 2xx that still says success:false is a refusal in the provider's words.
    return obj?.success === false ? { kind: 'provider_refused', message: said ?? 'success: false' } : undefined;
  }
  if (exchange.status === 403 && said !== undefined) {
    // The seed's one 403 ("Session not found or unauthorized to manage.") means the session is gone.
    // Any other 403, whitelist wording or not, is taken as access refused: the IP whitelist is the
    // documented reason and its wording is not [assumption: LuaProt answers a non-whitelisted IP with
    // 403]. Reading "Access denied." as "not found" left a hub out of the total instead of saying so.
    if (LUAPROT_403_GONE.test(said) && !/whitelist|\bip\b|ip address/i.test(said)) return { kind: 'not_found', message: said };
    return { kind: 'forbidden', message: said };
  }
  if (exchange.status === 400 && said !== undefined) {
    if (LUAPROT_GONE.some((m) => lower.includes(m))) return { kind: 'not_found', message: said };
    // The hub or key exists, there is just nobody to act on: not an id problem.
    // Stryker disable next-line all: equivalent to the byStatus fallback below (a 400 with a message is
    // provider_refused too); kept so the rule stays written where LuaProt's 400 wordings are read.
    if (LUAPROT_NOTHING_TO_DO.some((m) => lower.includes(m))) return { kind: 'provider_refused', message: said };
  }
  return byStatus(exchange, said);
};

/* ---------------- LuaAuth: decided by `success`, not by status ---------------- */

function describeFailed(failed: unknown): string {
  if (!Array.isArray(failed)) return '';
  const parts = failed.map((item) => {
    if (typeof item === 'string') return item;
    const obj = record(item);
    if (!obj) return JSON.stringify(item);
    const errors = Array.isArray(obj.errors) ? obj.errors : [];
    const texts = errors.map((e) => {
      if (typeof e === 'string') return e;
      const nested = record(e);
      const inner = Array.isArray(nested?.errors) ? ` (${nested.errors.filter((x) => typeof x === 'string').join(', ')})` : '';
      return `${typeof nested?.message === 'string' ? nested.message : 'invalid'}${inner}`;
    });
    return `${typeof obj.field === 'string' ? obj.field : '?'}: ${texts.join(', ') || 'invalid'}`;
  });
  return parts.join('; ');
}

const NOT_FOUND_WORDS = /not found|does ?n[o']?t exist|no such|unknown (session|script|project)/i;

export const classifyLuaAuth: Classifier = (exchange) => {
  const obj = exchange.body.ok ? record(exchange.body.value) : undefined;
  if (obj?.success === true) return undefined;
  if (obj?.success !== false) return byStatus(exchange);

  const error = record(obj.error);
  const message = typeof error?.message === 'string' ? error.message : undefined;
  const code = typeof error?.code === 'number' ? error.code : undefined;
  const failed = error?.failed;
  const extras = { ...(code !== undefined ? { code } : {}), ...(failed !== undefined ? { failed } : {}) };
  if (message === undefined) {
    return { ...(byStatus(exchange, 'success: false without an error message') ?? { kind: 'provider_refused', message: 'success: false without an error message' }), ...extras };
  }

  switch (message.trim().toLowerCase()) {
    case 'ratelimited': {
      const retryAfterMs = parseRetryAfter(exchange.headers.get('retry-after'));
      return { kind: 'rate_limited', message, ...extras, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
    }
    case 'unauthorized or invalid request': {
      // Strings in `failed` are authorization problems; {field, errors} items are input problems.
      // The docs also use this error for "not your resource": a 404 or a failure naming something
      // not found is about the id, and telling the user to replace a working key would mislead.
      const fieldErrors = Array.isArray(failed) && failed.some((item) => record(item) !== undefined);
      const detail = describeFailed(failed);
      const missing = exchange.status === 404 || (Array.isArray(failed) && failed.some((f) => typeof f === 'string' && NOT_FOUND_WORDS.test(f)));
      return {
        kind: fieldErrors ? 'invalid_input' : missing ? 'not_found' : 'unauthorized',
        message: detail ? `${message}: ${detail}` : message,
        ...extras,
      };
    }
    case 'invalid endpoint':
      return { kind: 'not_found', message, ...extras };
    case 'internal server error':
      return { kind: 'unavailable', message, ...extras };
  }
  // Endpoint-specific codes (0 account expired, 1 cannot edit nothing, 2 tier does not allow ffa, ...).
  if (code !== undefined && code >= 0) return { kind: 'provider_refused', message, ...extras };
  const status = byStatus(exchange, message);
  return { ...(status ?? { kind: 'provider_refused', message }), ...extras };
};
