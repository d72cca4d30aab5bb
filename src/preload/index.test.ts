import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNELS, REQUEST_CHANNELS, wireName, type PulsebarApi } from '../shared/ipc-contract';
import { resetElectronFake, type ElectronFake } from '../main/electron/electron-fake';

vi.mock('electron', () => import('../main/electron/electron-fake').then((m) => m.electronModule));

let fake: ElectronFake;
let api: PulsebarApi;
let exposedCalls: unknown[][];
// The preload runs once, as in a page; its api reaches whichever fake is current when called.
beforeAll(async () => {
  fake = resetElectronFake();
  await import('./index');
  exposedCalls = fake.module.contextBridge.exposeInMainWorld.mock.calls;
  api = exposedCalls[0]![1] as PulsebarApi;
});
beforeEach(() => {
  fake = resetElectronFake();
});
const invoke = (channel: string, payload?: unknown) => (api.invoke as (c: string, p?: unknown) => Promise<unknown>)(channel, payload);

describe('preload', () => {
  it('exposes only invoke and on (no ipcRenderer, no Node)', () => {
    expect(exposedCalls).toHaveLength(1);
    expect(exposedCalls[0]![0]).toBe('pulsebar');
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
  });

  it('invokes each contract channel under its wire name with the one payload', async () => {
    for (const channel of REQUEST_CHANNELS) {
      await expect(invoke(channel, { x: 1 })).resolves.toEqual({ ok: true, value: 'from main' });
      expect(fake.module.ipcRenderer.invoke).toHaveBeenLastCalledWith(wireName(channel), { x: 1 });
    }
  });

  it('refuses a channel outside the contract without sending it', async () => {
    await expect(invoke('shell:openExternal')).resolves.toEqual({
      ok: false,
      error: { kind: 'invalid_request', message: 'Unknown channel "shell:openExternal".' },
    });
    expect(fake.module.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('delivers contract events to the listener and unsubscribes', () => {
    for (const event of EVENT_CHANNELS) {
      const listener = vi.fn();
      const off = api.on(event, listener);
      fake.module.ipcRenderer.emit(wireName(event), { sender: 'main' }, { payload: event });
      expect(listener, event).toHaveBeenCalledWith({ payload: event });
      off();
      fake.module.ipcRenderer.emit(wireName(event), { sender: 'main' }, { payload: 'late' });
      expect(listener, event).toHaveBeenCalledTimes(1);
      expect(fake.module.ipcRenderer.listenerCount(wireName(event))).toBe(0);
    }
  });

  it('throws for an event outside the contract', () => {
    expect(() => api.on('ipc:raw' as never, () => {})).toThrow('Unknown event "ipc:raw".');
    expect(fake.module.ipcRenderer.eventNames()).toEqual([]);
  });
});
