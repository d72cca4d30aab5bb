import { create } from 'zustand';
import type { AlertEvent, AlertRule, QuietHours } from '../../../shared/alerts';
import type { AlertSettings } from '../../../shared/ipc-contract';
import { call } from '../api';

/** Alert rules, quiet hours, pause, and the history (newest first). */
interface AlertsState {
  settings: AlertSettings | null;
  log: AlertEvent[];
  load(): Promise<void>;
  saveRules(rules: AlertRule[]): Promise<void>;
  saveQuietHours(quiet: QuietHours): Promise<void>;
  pause(minutes: number | null): Promise<void>;
  fired(events: AlertEvent[]): void;
}

const newestFirst = (events: AlertEvent[]) => [...events].sort((a, b) => b.at - a.at);

export const useAlerts = create<AlertsState>()((set) => ({
  settings: null,
  log: [],
  async load() {
    const [settings, log] = await Promise.all([call('alerts:get'), call('alerts:log')]);
    set({ settings, log: newestFirst(log) });
  },
  async saveRules(rules) {
    set({ settings: await call('alerts:setRules', { rules }) });
  },
  async saveQuietHours(quiet) {
    set({ settings: await call('alerts:setQuietHours', quiet) });
  },
  async pause(minutes) {
    set({ settings: await call('alerts:pause', { minutes }) });
  },
  fired(events) {
    set((s) => {
      const known = new Set(s.log.map((e) => e.id));
      return { log: newestFirst([...events.filter((e) => !known.has(e.id)), ...s.log]).slice(0, 200) };
    });
  },
}));
