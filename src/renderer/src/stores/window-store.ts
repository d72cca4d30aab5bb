import { create } from 'zustand';
import { call } from '../api';

/**
 * The window itself: attached to the tray (a panel) or detached, and hiding it. The renderer's one copy of
 * the detached flag (it was local to the header). Assumption: the window starts attached, as main's
 * window does at every start (electron/window.ts); main does not restore settings.window.detached.
 */
interface WindowState {
  detached: boolean;
  setDetached(detached: boolean): Promise<void>;
  hide(): Promise<void>;
}

export const useWindow = create<WindowState>()((set) => ({
  detached: false,
  async setDetached(detached) {
    await call('window:detach', { detached });
    set({ detached });
  },
  async hide() {
    await call('window:hide');
  },
}));
