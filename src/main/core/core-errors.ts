import type { IpcError } from '../../shared/ipc-contract';
import type { ProviderErrorInfo } from '../../shared/errors';
import { PROVIDERS, type ProviderId } from '../../shared/model';

/**
 * An error raised by the core itself whose message is written for the user and
 * safe to show (never holds a key). Anything else that escapes a handler is
 * reported as a generic failure.
 */
export class CoreError extends Error {
  constructor(
    readonly kind: IpcError['kind'],
    message: string,
    readonly extra: Omit<IpcError, 'kind' | 'message'> = {},
  ) {
    super(message);
    this.name = 'CoreError';
  }
}

/** Refusal of a request before any provider call (unknown account, wrong action for this provider...). */
export function invalidRequest(message: string): CoreError {
  return new CoreError('invalid_request', message);
}

/** A provider-side refusal raised locally (e.g. Junkie has no message action), explained like provider errors. */
export function providerInvalidInput(provider: ProviderId, message: string): CoreError {
  return new CoreError('invalid_input', message, { provider });
}

/**
 * Provider clients throw a ProviderError carrying `.info` (src/main/providers); recognised by shape so the
 * core does not depend on the class identity (tests, bundling twice, a CLI build).
 */
export function providerErrorInfo(error: unknown): ProviderErrorInfo | null {
  if (typeof error !== 'object' || error === null || !('info' in error)) return null;
  const info = (error as { info: unknown }).info;
  if (typeof info !== 'object' || info === null) return null;
  const candidate = info as Partial<ProviderErrorInfo>;
  if (typeof candidate.kind !== 'string' || typeof candidate.message !== 'string') return null;
  if (!PROVIDERS.includes(candidate.provider as ProviderId)) return null;
  return candidate as ProviderErrorInfo;
}

/** Same as providerErrorInfo, but a plain `ProviderErrorInfo` object also counts (adapters may pass it as-is). */
export function asProviderErrorInfo(error: unknown): ProviderErrorInfo | null {
  const viaInfo = providerErrorInfo(error);
  if (viaInfo) return viaInfo;
  if (typeof error === 'object' && error !== null && 'kind' in error && 'provider' in error && 'message' in error) {
    const candidate = error as ProviderErrorInfo;
    if (PROVIDERS.includes(candidate.provider) && typeof candidate.message === 'string') return candidate;
  }
  return null;
}
