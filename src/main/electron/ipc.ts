import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { dispatch } from '../ipc/dispatch';
import type { AppCore } from '../core/ports';
import { REQUEST_CHANNELS, wireName, type IpcResult } from '../../shared/ipc-contract';

/**
 * Registers one handler per contract channel. Requests are answered only when
 * they come from the app's own window showing the app's own page; anything else
 * (another webContents, a navigated frame, an iframe) is refused without a call.
 */
export function registerIpc(core: AppCore, getWindow: () => BrowserWindow | null, isAppUrl: (url: string) => boolean): () => void {
  const trusted = (event: IpcMainInvokeEvent): boolean => {
    const window = getWindow();
    if (!window || event.sender !== window.webContents) return false;
    const frame = event.senderFrame;
    return !!frame && frame === window.webContents.mainFrame && isAppUrl(frame.url);
  };
  for (const channel of REQUEST_CHANNELS) {
    ipcMain.handle(wireName(channel), (event, request: unknown): Promise<IpcResult<unknown>> | IpcResult<unknown> => {
      if (!trusted(event)) {
        return { ok: false, error: { kind: 'invalid_request', message: 'Refused: request did not come from the Pulsebar window.' } };
      }
      return dispatch(core, channel, request);
    });
  }
  const unsubscribe = core.subscribe((event, payload) => {
    const window = getWindow();
    if (window && !window.isDestroyed()) window.webContents.send(wireName(event), payload);
  });
  return () => {
    unsubscribe();
    for (const channel of REQUEST_CHANNELS) ipcMain.removeHandler(wireName(channel));
  };
}
