import type { AlertEvent } from '../../shared/alerts';
import type { MonitorSnapshot } from '../../shared/ipc-contract';
import { liveTotals } from '../../shared/live-totals';

/* Test support for the tray model's tests: a snapshot and an alert with everything not under test at rest. */

export const TRAY_TEST_NOW = Date.UTC(2026, 0, 5, 12);

/** A snapshot with the given parts; its `live` totals follow main's one rule (shared/live-totals). */
export function traySnapshot(parts: Partial<Omit<MonitorSnapshot, 'live'>>): MonitorSnapshot {
  const whole: Omit<MonitorSnapshot, 'live'> = {
    at: TRAY_TEST_NOW,
    seq: 1,
    total: 0,
    byProvider: { junkie: 0, luaprot: 0, luaauth: 0 },
    accounts: [],
    alertsPausedUntil: null,
    demo: false,
    paused: false,
    keyStore: 'keychain',
    glance: { since: 0, changes: [], alerts: [], demoInTotal: false, demoInProvider: { junkie: false, luaprot: false, luaauth: false } },
    ...parts,
  };
  return { ...whole, live: liveTotals(whole) };
}

/** A rise on All accounts at `at`. */
export const trayAlertAt = (at: number, silenced = false): AlertEvent => ({
  id: `e${at}`,
  ruleId: 'r',
  kind: 'rise',
  scope: { type: 'total' },
  subject: 'All accounts',
  at,
  value: 10,
  reference: 5,
  message: 'Users rose',
  silenced,
});
