import type { MonitorSnapshot } from '../../shared/ipc-contract';

/** One history series the user can pick: the grand total, an account's total, or one target. */
export interface SeriesOption {
  key: string;
  label: string;
}

/** Every series of the snapshot with the names the providers gave, for the chart and Insights pickers. */
export function seriesOptions(snapshot: MonitorSnapshot | null): SeriesOption[] {
  const options: SeriesOption[] = [{ key: 'total', label: 'All accounts' }];
  for (const a of snapshot?.accounts ?? []) {
    options.push({ key: `account:${a.account.id}`, label: `${a.account.label} (total)` });
    for (const t of a.targets) options.push({ key: `target:${a.account.id}:${t.id}`, label: `${t.label} · ${a.account.label}` });
  }
  return options;
}
