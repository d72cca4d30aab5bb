/**
 * Demo users never pose as the user's own in the grand total's history. While demo is on, the
 * grand total ("*", what the window, alerts, tray and CSV show) counts demo accounts too, and
 * OWN_TOTAL_KEY records the real accounts' total alone (MonitorService.commit). Turning demo off
 * puts that own total in place of the grand total, so nothing of demo is left in it.
 */
import type { History } from '../history/history';
import { OWN_TOTAL_KEY, seriesKey } from '../history/series-key';
import { TOTAL_SERIES } from '../../shared/series-ref';

const TOTAL_KEY = seriesKey(TOTAL_SERIES);

/** The user turns demo on: the grand total so far is theirs alone, so their own total starts from it. */
export function keepOwnTotal(history: History): void {
  if (history.has(TOTAL_KEY) && !history.has(OWN_TOTAL_KEY)) history.replaceWith(OWN_TOTAL_KEY, TOTAL_KEY);
}

/** The user turns demo off: the grand total becomes the real accounts' own (nothing, when there were none). */
export function dropDemoTotal(history: History): void {
  history.replaceWith(TOTAL_KEY, OWN_TOTAL_KEY);
  history.remove(OWN_TOTAL_KEY);
}
