import type { PulsebarApi } from '../../shared/ipc-contract';

declare global {
  interface Window {
    /** Exposed by the preload (Electron) or the browser bridge client (npm run web, e2e). */
    pulsebar?: PulsebarApi;
  }
}

declare module '*.css';

export {};
