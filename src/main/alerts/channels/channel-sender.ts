import ky from 'ky';
import { CHANNEL_KIND_INFO, type ChannelKind } from '../../../shared/alert-channels';
import type { ChannelRequest } from './channel-payloads';

/**
 * One HTTP attempt at a channel, turned into a verdict the delivery loop can act on. Errors name
 * the channel, the HTTP status and the receiver's own message, never the URL (it holds the token).
 */

export type AttemptOutcome =
  | { ok: true; status: number }
  | { ok: false; retry: boolean; retryAfterMs?: number; status?: number; error: string };

/** Most of a receiver's answer quoted in an error. */
const QUOTE_MAX = 160;
/** Read at most this much of an error answer: enough for a message, never a flood. */
const ERROR_BODY_MAX = 16 * 1024;

async function readSome(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < ERROR_BODY_MAX) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  await reader.cancel().catch(() => undefined);
  return Buffer.concat(chunks).toString('utf8').slice(0, ERROR_BODY_MAX);
}

/** The receiver's own words: Discord `{message, code}`, ntfy `{error}`, or the start of a text body. */
export function receiverMessage(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    const said = body['message'] ?? body['error'];
    if (typeof said === 'string' && said.trim()) return said.trim().slice(0, QUOTE_MAX);
  } catch {
    // not JSON: fall through to the text itself
  }
  const plain = text.replace(/\s+/g, ' ').trim();
  if (!plain || plain.startsWith('<')) return undefined;
  return plain.slice(0, QUOTE_MAX);
}

/** Discord's 429 body says `retry_after` in seconds (a float); the header may say seconds or a date. */
export function retryAfterMs(headers: Headers, text: string, now: number): number | undefined {
  try {
    const body = JSON.parse(text) as { retry_after?: unknown };
    if (typeof body.retry_after === 'number' && Number.isFinite(body.retry_after) && body.retry_after >= 0) {
      return Math.ceil(body.retry_after * 1000);
    }
  } catch {
    // fall back to the header
  }
  const header = headers.get('retry-after');
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000);
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

const ADVICE: Record<number, string> = {
  400: 'the receiver refused the message',
  401: 'the URL’s token is wrong or was revoked; paste the URL again',
  403: 'the URL’s token is wrong or was revoked; paste the URL again',
  404: 'the webhook or topic no longer exists; create it again and paste the new URL',
  413: 'the message was too large for the receiver',
};

export async function attempt(
  kind: ChannelKind,
  label: string,
  url: string,
  request: ChannelRequest,
  options: { timeoutMs: number; now: () => number; signal?: AbortSignal },
): Promise<AttemptOutcome> {
  const name = `${label} (${CHANNEL_KIND_INFO[kind].label})`;
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  let response: Response;
  let text = '';
  try {
    response = await ky.post(url, {
      headers: request.headers,
      body: request.body,
      retry: 0,
      timeout: false,
      throwHttpErrors: false,
      // A redirect could carry the alert elsewhere; a webhook URL that moved must be pasted again.
      redirect: 'manual',
      signal,
    });
    if (response.status >= 200 && response.status < 300) {
      await response.body?.cancel().catch(() => undefined);
      return { ok: true, status: response.status };
    }
    text = await readSome(response);
  } catch (error) {
    if (options.signal?.aborted) return { ok: false, retry: false, error: `${name}: cancelled` };
    if (deadline.aborted) return { ok: false, retry: true, error: `${name}: no answer within ${options.timeoutMs < 1_000 ? `${options.timeoutMs} ms` : `${Math.round(options.timeoutMs / 1_000)} s`}` };
    const code = (error as { cause?: { code?: unknown } }).cause?.code;
    return { ok: false, retry: true, error: `${name}: could not connect${typeof code === 'string' ? ` (${code})` : ''}` };
  }
  const status = response.status;
  const said = receiverMessage(text);
  const quoted = said ? ` "${said}"` : '';
  if (status >= 300 && status < 400) {
    return { ok: false, retry: false, status, error: `${name}: HTTP ${status}, a redirect; Pulsebar does not follow it. Paste the channel's current URL.` };
  }
  if (status === 429) {
    const wait = retryAfterMs(response.headers, text, options.now());
    return { ok: false, retry: true, status, ...(wait !== undefined ? { retryAfterMs: wait } : {}), error: `${name}: HTTP 429${quoted}, rate limited` };
  }
  if (status >= 500 || status === 408) return { ok: false, retry: true, status, error: `${name}: HTTP ${status}${quoted}, the receiver failed` };
  const advice = ADVICE[status] ?? 'the receiver refused the message';
  return { ok: false, retry: false, status, error: `${name}: HTTP ${status}${quoted}; ${advice}.` };
}
