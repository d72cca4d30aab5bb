import type { AlertRule, QuietHours } from '../../shared/alerts';
import type { Clock } from '../../shared/clock';
import type { AlertSettings, AppPreferences } from '../../shared/ipc-contract';
import type { Settings, SettingsStore } from '../settings';
import { CoreError } from './core-errors';
import type { SystemPort } from './ports';

/** An alert pause stored in settings counts only while the core runs and until it ends. */
export function alertsPausedUntil(settings: Settings, now: number, running: boolean): number | null {
  const until = running ? settings.alerts.pausedUntil : null;
  return until !== null && until > now ? until : null;
}

export interface SettingsEffectsOptions {
  store: SettingsStore;
  clock: Clock;
  running: () => boolean;
  system?: SystemPort;
  /** The alert rules as they apply (the alert engine's view, defaults filled in). */
  effectiveRules: () => AlertRule[];
  /** Something the snapshot shows changed (alert pause): commit now. */
  commit: (force: boolean) => void;
  /** New poll intervals apply from the next cycle: re-arm the schedule. */
  rescheduled: () => void;
}

/**
 * Settings the window and tray change, and what each change sets off (shortcut, login item, schedule).
 * What the window hears of a change is pushed from the store's subscription (settings-pushes.ts).
 */
export class SettingsEffects {
  constructor(private readonly options: SettingsEffectsOptions) {}

  private get settings(): Settings {
    return this.options.store.get();
  }

  alertsPausedUntil(): number | null {
    return alertsPausedUntil(this.settings, this.options.clock.now(), this.options.running());
  }

  preferences(): AppPreferences {
    const s = this.settings;
    return {
      pollIntervalSeconds: { ...s.pollIntervalSeconds },
      notifications: s.notifications,
      launchAtLogin: s.launchAtLogin,
      theme: s.theme,
      globalShortcut: s.globalShortcut,
      luaauthCountMode: s.luaauthCountMode,
    };
  }

  alertSettings(): AlertSettings {
    return {
      rules: this.options.effectiveRules(),
      quietHours: { ...this.settings.alerts.quietHours },
      pausedUntil: this.alertsPausedUntil(),
    };
  }

  /** Pauses alerts for `minutes` (null: resumes them). */
  async pauseAlerts(minutes: number | null): Promise<AlertSettings> {
    const pausedUntil = minutes === null ? null : this.options.clock.now() + minutes * 60_000;
    await this.options.store.update({ alerts: { pausedUntil } });
    this.options.commit(true);
    return this.alertSettings();
  }

  async setRules(rules: AlertRule[]): Promise<AlertSettings> {
    await this.options.store.update({ alerts: { rules } });
    return this.alertSettings();
  }

  async setQuietHours(quietHours: QuietHours): Promise<AlertSettings> {
    await this.options.store.update({ alerts: { quietHours } });
    return this.alertSettings();
  }

  /** settings:update: the system side effects first (a shortcut that cannot be registered refuses the change). */
  async updatePreferences(patch: Partial<AppPreferences>): Promise<AppPreferences> {
    const current = this.settings;
    const system = this.options.system;
    if (patch.globalShortcut !== undefined && patch.globalShortcut !== current.globalShortcut && system) {
      if (!system.setGlobalShortcut(patch.globalShortcut)) {
        throw new CoreError(
          'failed',
          `The shortcut ${patch.globalShortcut ?? ''} could not be registered (taken by another app or not a valid accelerator).`,
        );
      }
    }
    if (patch.launchAtLogin !== undefined && patch.launchAtLogin !== current.launchAtLogin) {
      system?.setLaunchAtLogin(patch.launchAtLogin);
    }
    const change: Parameters<SettingsStore['update']>[0] = {};
    if (patch.pollIntervalSeconds !== undefined) change.pollIntervalSeconds = patch.pollIntervalSeconds;
    if (patch.notifications !== undefined) change.notifications = patch.notifications;
    if (patch.launchAtLogin !== undefined) change.launchAtLogin = patch.launchAtLogin;
    if (patch.theme !== undefined) change.theme = patch.theme;
    if (patch.globalShortcut !== undefined) change.globalShortcut = patch.globalShortcut;
    if (patch.luaauthCountMode !== undefined) change.luaauthCountMode = patch.luaauthCountMode;
    await this.options.store.update(change);
    this.options.rescheduled();
    return this.preferences();
  }
}
