import type { PulsebarApi } from '../../src/shared/ipc-contract';

declare global {
  interface Window {
    pulsebar?: PulsebarApi;
    /** Every push event the page received, as JSON, recorded by recordPushEvents(). */
    __pulsebarEvents?: string[];
  }
}

export {};
