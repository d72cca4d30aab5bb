import type { PulsebarApi } from '../shared/ipc-contract';

declare global {
  interface Window {
    pulsebar: PulsebarApi;
  }
}
export {};
