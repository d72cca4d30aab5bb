import { byStatus, record, isOk, type Classifier } from '../error-mapping';
import type { JsonRead } from '../json-text';

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

