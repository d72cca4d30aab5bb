import { create } from 'zustand';
import type { AppPreferences } from '../../../shared/ipc-contract';
import { call } from '../api';

/** App preferences; `settings:changed` pushes keep it in step with the tray and other windows. */
interface SettingsState {
  prefs: AppPreferences | null;
  load(): Promise<void>;
  update(patch: Partial<AppPreferences>): Promise<AppPreferences>;
  set(prefs: AppPreferences): void;
}

export const useSettings = create<SettingsState>()((set) => ({
  prefs: null,
  async load() {
    set({ prefs: await call('settings:get') });
  },
  async update(patch) {
    const prefs = await call('settings:update', patch);
    set({ prefs });
    return prefs;
  },
  set(prefs) {
    set({ prefs });
  },
}));
