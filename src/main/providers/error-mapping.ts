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

export const isOk = (status: number): boolean => status >= 200 && status < 300;

export function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

export function describeBody(exchange: Exchange): string {
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

/* The classifiers of each provider live in its folder (<id>/errors.ts); re-exported for the tests. */
export { classifyJunkie } from './junkie/errors';
export { classifyLuaProt } from './luaprot/errors';
export { classifyLuaAuth } from './luaauth/errors';
