import type { ProviderErrorInfo, ProviderErrorKind } from '../../shared/errors';
import type { ProviderId } from '../../shared/model';

/**
 * The only error a provider client rejects with, apart from cancellation
 * (see `isAbortError`). `info` is plain data: safe to send over IPC and to log.
 */
export class ProviderError extends Error {
  readonly info: ProviderErrorInfo;

  constructor(info: ProviderErrorInfo) {
    super(info.message);
    this.name = 'ProviderError';
    this.info = info;
  }

  get kind(): ProviderErrorKind {
    return this.info.kind;
  }
}

/** Duck-typed as well, so an error from a second copy of this module (bundles, tests) still counts. */
export function isProviderError(error: unknown, kind?: ProviderErrorKind): error is ProviderError {
  if (error instanceof ProviderError) return kind === undefined || error.info.kind === kind;
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as { name?: unknown; info?: { kind?: unknown } };
  if (candidate.name !== 'ProviderError' || typeof candidate.info?.kind !== 'string') return false;
  return kind === undefined || candidate.info.kind === kind;
}

/**
 * A call cancelled through `signal` rejects with a DOMException named "AbortError"
 * (what fetch itself does), never with a ProviderError: cancelling is the app's own
 * decision, not a provider failure, so the poller must not count it and the UI must not explain it.
 */
export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

export function abortError(what: string): DOMException {
  return new DOMException(`${what} was cancelled`, 'AbortError');
}

export function invalidInput(provider: ProviderId, request: string, message: string): ProviderError {
  return new ProviderError({ kind: 'invalid_input', provider, message, request });
}
