import type { AlertSettings, AppPreferences } from '../../shared/ipc-contract';
import type { SettingsStore } from '../settings';
import type { EventListener, WindowPort } from './ports';

export interface SettingsPushesOptions {
  store: SettingsStore;
  /** The views the window reads (settings:get, alerts:get), taken from the store's current settings. */
  views: { preferences(): AppPreferences; alertSettings(): AlertSettings };
  emit: EventListener;
  window?: WindowPort;
}

/** What the window was last told (views as JSON: the store hands over freshly parsed objects on every change). */
interface Seen {
  preferences: string;
  alerts: string;
  detached: boolean;
}

/**
 * Settings changes, whoever made them (this window, another, the tray's "Pause alerts"), pushed from the
 * store's one subscription: `settings:changed` when the preferences changed,
 * `alerts:changed` when the alert settings as `alerts:get` answers them changed, and the window port told
 * when `window.detached` changed (the setting is the one source of the flag), with the saved bounds.
 * Each only when it changed: a new `window.bounds` alone (the detached window moved) pushes nothing.
 */
export class SettingsPushes {
  #unsubscribe: (() => void) | null = null;
  #seen: Seen | null = null;

  constructor(private readonly options: SettingsPushesOptions) {}

  /** Subscribes (once) from the settings as loaded: what the window reads first. */
  start(): void {
    if (this.#unsubscribe) return;
    this.#seen = this.#seenOf(this.options.views.preferences(), this.options.views.alertSettings());
    this.#unsubscribe = this.options.store.subscribe(() => this.#changed());
  }

  /** Unsubscribes: a stopped core pushes nothing, and one started again subscribes again. */
  stop(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.#seen = null;
  }

  #seenOf(preferences: AppPreferences, alerts: AlertSettings): Seen {
    return { preferences: JSON.stringify(preferences), alerts: JSON.stringify(alerts), detached: this.options.store.get().window.detached };
  }

  #changed(): void {
    const before = this.#seen;
    if (!before) return;
    const { emit, views, window } = this.options;
    const preferences = views.preferences();
    const alerts = views.alertSettings();
    const now = this.#seenOf(preferences, alerts);
    this.#seen = now;
    if (now.detached !== before.detached) window?.setDetached(now.detached, this.options.store.get().window.bounds);
    if (now.preferences !== before.preferences) emit('settings:changed', preferences);
    if (now.alerts !== before.alerts) emit('alerts:changed', alerts);
  }
}
