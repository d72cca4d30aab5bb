import { INVALID_JSON, json, type Reply, type RequestContext } from './reply';
import type { Params } from './router';

export type Handler = (ctx: RequestContext, params: Params) => Reply | Promise<Reply>;
export type FieldError = { field: string; errors: string[] };

/**
 * LuaAuth's reply envelope. Every answer is {success:true,...} or
 * {success:false,error:{code,message,failed?}}. HTTP statuses are undocumented [U];
 * ASSUMPTION: 200 ok, 400 invalid input, 401 bad token, 404 unknown route or id,
 * 429 ratelimited, 500 internal — the envelope is the same whatever the status.
 */
export const ok = (extra: Record<string, unknown> = {}): Reply => json(200, { success: true, ...extra });
export const fail = (status: number, code: number, message: string, failed?: unknown, headers?: Record<string, string>): Reply =>
  json(status, { success: false, error: failed === undefined ? { code, message } : { code, message, failed } }, headers);
export const invalid = (status: number, failed: Array<string | FieldError>) => fail(status, -1, 'unauthorized or invalid request', failed);
export const fieldErrors = (errors: FieldError[]) => invalid(400, errors);
export const invalidEndpoint = () => fail(404, -1, 'invalid endpoint');

/** The body as a plain object, or a 400 reply. Missing body counts as {}. */
export function objectBody(ctx: RequestContext): { body: Record<string, unknown> } | { error: Reply } {
  if (ctx.body === INVALID_JSON) return { error: fieldErrors([{ field: 'body', errors: ['body must be valid JSON'] }]) };
  if (ctx.body === undefined || ctx.body === null) return { body: {} };
  if (typeof ctx.body !== 'object' || Array.isArray(ctx.body)) return { error: fieldErrors([{ field: 'body', errors: ['body must be a JSON object'] }]) };
  return { body: ctx.body as Record<string, unknown> };
}

export const stringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
