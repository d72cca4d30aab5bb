import { create } from 'zustand';
import { call } from '../api';

/**
 * The window itself: attached to the tray (a panel) or detached, and hiding it. The renderer's one copy of
 * the detached flag. Main's one source is settings.window.detached, which it applies to the window at
 * start (a window left detached comes back detached) and on every change; `load` reads it from there.
 */
interface WindowState {
  detached: boolean;
  /** Reads whether main's window is detached (window:state). */
  load(): Promise<void>;
  setDetached(detached: boolean): Promise<void>;
  hide(): Promise<void>;
}

export const useWindow = create<WindowState>()((set) => ({
  detached: false,
  async load() {
    set({ detached: (await call('window:state')).detached });
  },
  async setDetached(detached) {
    await call('window:detach', { detached });
    set({ detached });
  },
  async hide() {
    await call('window:hide');
  },
}));
