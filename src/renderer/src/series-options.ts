import type { MonitorSnapshot } from '../../shared/ipc-contract';
import { accountSeries, seriesIdentity, targetSeries, TOTAL_SERIES, type SeriesRef } from '../../shared/series-ref';

/** One history series the user can pick: the grand total, an account's total, or one target. */
export interface SeriesOption {
  series: SeriesRef;
  /** The series' identity (seriesIdentity): a React key and <select> value, never parsed. */
  key: string;
  label: string;
}

function option(series: SeriesRef, label: string): SeriesOption {
  return { series, key: seriesIdentity(series), label };
}

/**
 * Every series of the snapshot with the names the providers gave, for the chart and Insights pickers.
 * `projectScripts`: a LuaAuth project's scripts are listed too (a script also watched on its own once).
 */
export function seriesOptions(snapshot: MonitorSnapshot | null, projectScripts = false): SeriesOption[] {
  const options: SeriesOption[] = [option(TOTAL_SERIES, 'All accounts')];
  for (const a of snapshot?.accounts ?? []) {
    options.push(option(accountSeries(a.account.id), `${a.account.label} (total)`));
    for (const t of a.targets) {
      options.push(option(targetSeries(a.account.id, t.id), `${t.label} · ${a.account.label}`));
      if (!projectScripts) continue;
      for (const c of t.children ?? []) {
        if (!a.targets.some((o) => o.id === c.id)) options.push(option(targetSeries(a.account.id, c.id), `${c.label} in ${t.label} · ${a.account.label}`));
      }
    }
  }
  return options;
}
