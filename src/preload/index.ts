/**
 * Exposes exactly the IPC contract as `window.pulsebar` — no raw ipcRenderer,
 * no Node. Channels outside the contract are refused here as well as in main.
 */
import { contextBridge, ipcRenderer } from 'electron';
import {
  EVENT_CHANNELS,
  REQUEST_CHANNELS,
  wireName,
  type EventChannel,
  type IpcEvents,
  type IpcResult,
  type PulsebarApi,
  type RequestChannel,
} from '../shared/ipc-contract';

const requestChannels = new Set<string>(REQUEST_CHANNELS);
const eventChannels = new Set<string>(EVENT_CHANNELS);

const api: PulsebarApi = {
  invoke(channel: RequestChannel, ...request: unknown[]) {
    if (!requestChannels.has(channel)) {
      return Promise.resolve({
        ok: false,
        error: { kind: 'invalid_request', message: `Unknown channel "${String(channel)}".` },
      } as IpcResult<never>);
    }
    return ipcRenderer.invoke(wireName(channel), request[0]);
  },
  on<E extends EventChannel>(event: E, listener: (payload: IpcEvents[E]) => void) {
    if (!eventChannels.has(event)) throw new Error(`Unknown event "${String(event)}".`);
    const handler = (_event: Electron.IpcRendererEvent, payload: IpcEvents[E]) => listener(payload);
    ipcRenderer.on(wireName(event), handler);
    return () => {
      ipcRenderer.removeListener(wireName(event), handler);
    };
  },
} as PulsebarApi;

contextBridge.exposeInMainWorld('pulsebar', api);
