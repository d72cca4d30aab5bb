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

export const useSettings = create<SettingsState>()((set, get) => ({
  prefs: null,
  async load() {
    set({ prefs: await call('settings:get') });
  },
  // Optimistic, so a checkbox or radio shows its new state at once; main's answer (or refusal) settles it.
  async update(patch) {
    const before = get().prefs;
    if (before) set({ prefs: { ...before, ...patch } });
    try {
      const prefs = await call('settings:update', patch);
      set({ prefs });
      return prefs;
    } catch (err) {
      set({ prefs: before });
      throw err;
    }
  },
  set(prefs) {
    set({ prefs });
  },
}));
