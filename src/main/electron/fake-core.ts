/**
 * A stand-in AppCore for the Electron-layer tests: every handler, signal and lifecycle call is a
 * spy, and `emit` pushes an event to whoever subscribed (as the real core does to the window).
 * Test support only; nothing in the app imports it.
 */
import { vi } from 'vitest';
import type { AppCore, EventListener, Handlers, NotifierPort, SystemPort, TrayPort, WindowPort } from '../core/ports';
import { REQUEST_CHANNELS } from '../../shared/ipc-contract';

export type CorePorts = { notifier: NotifierPort; tray: TrayPort; window: WindowPort; system: SystemPort };

export function createFakeCore() {
  const listeners = new Set<EventListener>();
  const spies = Object.fromEntries(
    REQUEST_CHANNELS.map((channel) => [channel, vi.fn(async (_request: unknown) => `answer of ${channel}`)]),
  );
  const handlers = spies as unknown as Handlers;
  const core = {
    handlers,
    /** The same handlers as spies, by channel. */
    spies,
    subscribe: vi.fn((listener: EventListener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }),
    trayAction: vi.fn<AppCore['trayAction']>(),
    signal: vi.fn<AppCore['signal']>(),
    windowMoved: vi.fn<AppCore['windowMoved']>(),
    start: vi.fn<AppCore['start']>(async () => {}),
    stop: vi.fn<AppCore['stop']>(async () => {}),
    emit: ((event, payload) => {
      for (const listener of listeners) listener(event, payload);
    }) as EventListener,
    listenerCount: () => listeners.size,
    /** Whether any handler ran. */
    handled: () => Object.values(spies).some((spy) => spy.mock.calls.length > 0),
  } satisfies AppCore & Record<string, unknown>;
  return core;
}
export type FakeCore = ReturnType<typeof createFakeCore>;
