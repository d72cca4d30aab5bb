/**
 * The one entry point every host (Electron ipcMain, browser bridge, CLI) uses to
 * call the core: validates the channel and the request, runs the handler and
 * turns every outcome into an IpcResult. Errors cross as data, never as throws.
 */
import { explainError } from '../../shared/errors';
import { REQUEST_CHANNELS, type IpcError, type IpcResult, type RequestChannel } from '../../shared/ipc-contract';
import type { AppCore } from '../core/ports';
import { CoreError, providerErrorInfo } from '../core/core-errors';
import { SecretStoreError } from '../secrets';
import { describeIssues, requestSchemas } from './ipc-schemas';
import { plainDataProblem } from './plain-data';

const channels = new Set<string>(REQUEST_CHANNELS);

export function isRequestChannel(channel: unknown): channel is RequestChannel {
  return typeof channel === 'string' && channels.has(channel);
}

export interface DispatchOptions {
  /** Where unexpected failures are reported; gets the channel and the error name only, never a request. */
  log?: (message: string) => void;
}

export async function dispatch(
  core: AppCore,
  channel: unknown,
  request: unknown,
  options: DispatchOptions = {},
): Promise<IpcResult<unknown>> {
  if (!isRequestChannel(channel)) {
    const shown = typeof channel === 'string' ? `"${channel.slice(0, 60)}"` : typeof channel;
    return { ok: false, error: { kind: 'invalid_request', message: `channel: unknown channel ${shown}` } };
  }
  const notPlain = plainDataProblem(request);
  if (notPlain) {
    return { ok: false, error: { kind: 'invalid_request', message: `Invalid ${channel} request: ${notPlain}` } };
  }
  const parsed = requestSchemas[channel].safeParse(request);
  if (!parsed.success) {
    return {
      ok: false,
      error: { kind: 'invalid_request', message: `Invalid ${channel} request: ${describeIssues(parsed.error)}` },
    };
  }
  try {
    // The schema's output is exactly RequestOf<channel>; TypeScript cannot correlate the two across the union.
    const handler = core.handlers[channel] as (request: unknown) => Promise<unknown>;
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: toIpcError(error, channel, options) };
  }
}

/** Maps a thrown value to what the window may see: provider errors with their explanation, else a safe text. */
export function toIpcError(error: unknown, channel = 'request', options: DispatchOptions = {}): IpcError {
  const info = providerErrorInfo(error);
  if (info) {
    const out: IpcError = {
      kind: info.kind,
      message: info.message,
      provider: info.provider,
      explanation: explainError(info),
    };
    if (info.status !== undefined) out.status = info.status;
    if (info.retryAfterMs !== undefined) out.retryAfterMs = info.retryAfterMs;
    return out;
  }
  if (error instanceof CoreError) {
    const out: IpcError = { kind: error.kind, message: error.message, ...error.extra };
    if (error.kind !== 'invalid_request' && error.kind !== 'failed' && error.extra.provider) {
      out.explanation = explainError({ kind: error.kind, provider: error.extra.provider, message: error.message });
    }
    return out;
  }
  // Secret store messages are written to name the account, never the key.
  if (error instanceof SecretStoreError) return { kind: 'failed', message: error.message };
  const name = error instanceof Error ? error.name : typeof error;
  options.log?.(`pulsebar: ${channel} failed unexpectedly (${name})`);
  return { kind: 'failed', message: `Pulsebar could not complete ${channel} (internal error: ${name}).` };
}
