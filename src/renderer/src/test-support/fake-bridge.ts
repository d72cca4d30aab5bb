/**
 * A test double for `window.pulsebar`: each channel answers from a handler the test gives (a value, a
 * function of the request, or an IpcError to fail with); every call is recorded; `emit` pushes an event
 * as main would. Unhandled channels fail loudly so a test never passes on a call it did not expect.
 */
import type {
  EventChannel,
  IpcError,
  IpcEvents,
  IpcResult,
  PulsebarApi,
  RequestChannel,
  RequestOf,
  ResponseOf,
} from '../../../shared/ipc-contract';

export type FakeHandler<C extends RequestChannel> =
  | ResponseOf<C>
  | { fail: IpcError }
  | ((request: RequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>> | { fail: IpcError });

export type FakeHandlers = { [C in RequestChannel]?: FakeHandler<C> };

export interface FakeBridge {
  api: PulsebarApi;
  calls: Array<{ channel: RequestChannel; request: unknown }>;
  callsTo<C extends RequestChannel>(channel: C): Array<RequestOf<C>>;
  handle<C extends RequestChannel>(channel: C, handler: FakeHandler<C>): void;
  emit<E extends EventChannel>(event: E, payload: IpcEvents[E]): void;
}

const isFailure = (v: unknown): v is { fail: IpcError } => typeof v === 'object' && v !== null && 'fail' in v;

/** Installs a fake bridge as window.pulsebar (the setup removes it after each test). */
export function installFakeBridge(handlers: FakeHandlers = {}): FakeBridge {
  const table: Record<string, unknown> = { ...handlers };
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const calls: FakeBridge['calls'] = [];
  const api: PulsebarApi = {
    invoke: (async (channel: RequestChannel, request?: unknown): Promise<IpcResult<unknown>> => {
      calls.push({ channel, request });
      if (!(channel in table)) {
        return { ok: false, error: { kind: 'failed', message: `fake bridge: no handler for ${channel}` } };
      }
      const handler = table[channel];
      const out = typeof handler === 'function' ? await (handler as (r: unknown) => unknown)(request) : handler;
      return isFailure(out) ? { ok: false, error: out.fail } : { ok: true, value: structuredClone(out) };
    }) as PulsebarApi['invoke'],
    on: ((event: string, listener: (payload: unknown) => void) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    }) as PulsebarApi['on'],
  };
  window.pulsebar = api;
  return {
    api,
    calls,
    callsTo: <C extends RequestChannel>(channel: C) =>
      calls.filter((c) => c.channel === channel).map((c) => c.request as RequestOf<C>),
    handle: (channel, handler) => {
      table[channel] = handler;
    },
    emit: (event, payload) => {
      for (const l of listeners.get(event) ?? []) l(payload);
    },
  };
}

/** A promise a test settles by hand, for a call that must stay in flight (sending phases, races). */
export function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
