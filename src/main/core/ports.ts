/**
 * The seam between the Electron-free application core and whatever hosts it:
 * the Electron shell (src/main/electron), the browser bridge used by e2e tests
 * and `npm run web`, and the CLI. The core only ever talks to these ports.
 */
import type { EventChannel, IpcEvents, RequestChannel, RequestOf, ResponseOf } from '../../shared/ipc-contract';
import type { SeriesRef } from '../../shared/series-ref';
import type { WindowBounds } from '../settings';

export type Handlers = {
  [C in RequestChannel]: (request: RequestOf<C>) => Promise<ResponseOf<C>>;
};

export type EventListener = <E extends EventChannel>(event: E, payload: IpcEvents[E]) => void;

/** One native notification; `onClick` opens the window on the subject. */
export interface NotificationRequest {
  title: string;
  body: string;
  /** Where a click should take the user. */
  target?: { accountId: string; targetId?: string };
  silent?: boolean;
}
export interface NotifierPort {
  notify(request: NotificationRequest, onClick: () => void): void;
}

export type TrayIconState = 'normal' | 'alert' | 'error' | 'paused';

/** What a tray menu item does when clicked: carried by the item, so nothing is ever parsed out of its id. */
export type TrayCommand =
  | { type: 'show'; series: Extract<SeriesRef, { type: 'account' | 'target' }> }
  | { type: 'refresh' | 'pause-alerts' | 'resume-alerts' | 'open' | 'quit' };

export interface TrayMenuItem {
  /** Unique within the menu; an identity only. */
  id: string;
  label: string;
  /** What a click does (none: the item is a label or a submenu). */
  command?: TrayCommand;
  enabled?: boolean;
  type?: 'normal' | 'separator' | 'checkbox';
  checked?: boolean;
  submenu?: TrayMenuItem[];
}
/** Everything the tray shows, computed purely from the monitor snapshot (src/main/tray/tray-model.ts). */
export interface TrayModel {
  icon: TrayIconState;
  tooltip: string;
  /** macOS menu-bar title: the live total. */
  title: string;
  menu: TrayMenuItem[];
}
export interface TrayPort {
  update(model: TrayModel): void;
}

export interface WindowPort {
  show(target?: { accountId: string; targetId?: string }): void;
  hide(): void;
  /**
   * Panel beside the tray (fixed size) or ordinary window; a detached window goes to `bounds` (where
   * the user last left it) when known, kept on a display. The panel ignores them.
   */
  setDetached(detached: boolean, bounds?: WindowBounds): void;
}

export interface SystemPort {
  setLaunchAtLogin(enabled: boolean): void;
  /** Returns false when the accelerator could not be registered (taken or invalid). */
  setGlobalShortcut(accelerator: string | null): boolean;
  quit(): void;
  appVersion(): string;
}

/** Host-level signals the core reacts to (Electron's powerMonitor and net state). */
export type SystemSignal = 'suspend' | 'resume' | 'online' | 'offline';

export interface AppCore {
  handlers: Handlers;
  subscribe(listener: EventListener): () => void;
  /** Tray menu clicks land here with the clicked item's command. */
  trayAction(command: TrayCommand): void;
  signal(signal: SystemSignal): void;
  /** The detached window was moved or resized (reported once it settles): stored, to come back there. */
  windowMoved(bounds: WindowBounds): void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

