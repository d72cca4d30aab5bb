import { byStatus, record, type Classifier } from '../error-mapping';
import { parseRetryAfter } from '../retry-after';

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
