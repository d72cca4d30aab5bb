/**
 * The window's only door to main: `window.pulsebar` (preload in Electron, bridge client in a browser).
 * `call` unwraps the IpcResult envelope and throws an IpcFailure carrying the error as data,
 * so views can show the provider's problem in words.
 */
import type {
  EventChannel,
  IpcError,
  IpcEvents,
  PulsebarApi,
  RequestChannel,
  RequestOf,
  ResponseOf,
} from '../../shared/ipc-contract';

export function bridge(): PulsebarApi | null {
  return typeof window !== 'undefined' && window.pulsebar ? window.pulsebar : null;
}

/** The browser build: OS features (launch at login, global shortcut) have no effect there. */
export function inBrowserBuild(): boolean {
  return bridge()?.host === 'browser';
}

export class IpcFailure extends Error {
  readonly error: IpcError;
  constructor(error: IpcError) {
    super(error.message);
    this.name = 'IpcFailure';
    this.error = error;
  }
}

export async function call<C extends RequestChannel>(
  channel: C,
  ...request: RequestOf<C> extends void ? [] : [RequestOf<C>]
): Promise<ResponseOf<C>> {
  const api = bridge();
  if (!api) throw new IpcFailure({ kind: 'failed', message: 'Pulsebar is not connected (window.pulsebar is missing).' });
  const result = await api.invoke(channel, ...request);
  if (!result.ok) throw new IpcFailure(result.error);
  return result.value;
}

export function onEvent<E extends EventChannel>(event: E, listener: (payload: IpcEvents[E]) => void): () => void {
  const api = bridge();
  return api ? api.on(event, listener) : () => {};
}

/** One line for a failed call: the explanation when main gave one, else its message. */
export function describeFailure(err: unknown): string {
  if (err instanceof IpcFailure) {
    const e = err.error;
    if (e.explanation) return `${e.explanation.title} ${e.explanation.advice}`;
    return e.message;
  }
  return err instanceof Error ? err.message : String(err);
}

export function newOpId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `op-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}
