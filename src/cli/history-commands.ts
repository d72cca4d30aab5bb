import { backfillDemoHistory } from '../main/demo/demo-history';
import { historyPoints } from '../main/core/monitor-service';
import { History } from '../main/history/history';
import { HistoryStore } from '../main/history/history-store';
import { computeInsights, systemZone, type InsightsZone } from '../main/monitor/insights';
import { seriesKey } from '../main/history/series-key';
import { accountSeries, targetSeries, TOTAL_SERIES, type SeriesRef } from '../shared/series-ref';
import { resolveConfigDir } from '../main/settings';
import type { RunningSimulator } from '../main/simulator/types';
import { HISTORY_RANGE_MS, historyCsv, type HistoryRange } from '../shared/history-ranges';
import { PEAK_WINDOWS, type Insights, type Peak, type PeakWindow } from '../shared/insights';
import { PROVIDER_NAMES } from '../shared/model';
import { UsageError, type CliArgs } from './args';
import { selectAccounts, type CliAccount } from './cli-accounts';
import type { CliIo } from './commands';

/**
 * `insights` and `history`: what the app has kept of the counts, read-only from its config folder
 * (history.bin + history.journal), or, with --demo, the demo accounts' 90 days of made-up history.
 */

export interface HistorySource {
  history: History;
  now: number;
}

export async function loadHistorySource(args: CliArgs, env: Record<string, string | undefined>, io: CliIo, simulator?: RunningSimulator, accounts: CliAccount[] = []): Promise<HistorySource> {
  const now = io.now();
  if (args.demo && simulator) {
    const history = new History();
    backfillDemoHistory(history, simulator, accounts.map((a) => a.config), true, now);
    return { history, now };
  }
  const loaded = await new HistoryStore(resolveConfigDir({ env }), { readOnly: true }).load();
  if (loaded.notice) io.err(`pulsebar: ${loaded.notice}`);
  return { history: loaded.history, now };
}

interface Series {
  /** The app's history key. */
  key: string;
  /** The same series as the window and `monitor:history` name it (printed by --json). */
  ref: SeriesRef;
  label: string;
}

/** The series named by --target / --account / --provider, or All accounts. */
export function pickSeries(args: CliArgs, accounts: CliAccount[], history: History): Series {
  if (args.target !== undefined) {
    const id = args.target;
    const candidates = (args.account !== undefined || args.provider !== undefined ? selectAccounts(accounts, args) : accounts).filter((a) =>
      history.has(seriesKey(targetSeries(a.config.id, id))),
    );
    if (candidates.length === 0) throw new UsageError(`--target ${id}: no history is kept for it (is it watched? the app keeps what it polled).`);
    if (candidates.length > 1) {
      throw new UsageError(`--target ${id} is watched by ${candidates.length} accounts; pick one with --account (${candidates.map((a) => `"${a.config.label}"`).join(', ')}).`);
    }
    const a = candidates[0]!;
    const label = a.config.targets.find((t) => t.id === id)?.label || id;
    const ref = targetSeries(a.config.id, id);
    return { key: seriesKey(ref), ref, label: `${label} (${PROVIDER_NAMES[a.config.provider]} ${a.config.label})` };
  }
  if (args.account !== undefined || args.provider !== undefined) {
    const chosen = selectAccounts(accounts, args);
    if (chosen.length !== 1) throw new UsageError(`Name one account with --account (${chosen.map((a) => `"${a.config.label}"`).join(', ')}).`);
    const a = chosen[0]!;
    const ref = accountSeries(a.config.id);
    return { key: seriesKey(ref), ref, label: `${PROVIDER_NAMES[a.config.provider]} ${a.config.label}` };
  }
  return { key: seriesKey(TOTAL_SERIES), ref: TOTAL_SERIES, label: 'All accounts' };
}

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const WINDOW_WORDS: Record<PeakWindow, string> = { today: 'today', '7d': '7 days', '30d': '30 days', '90d': '90 days' };
const SHADES = ' .:-=+*#%@';

/** A peak's time; one only an hour bucket holds is said to the hour. */
function when(peak: Peak): string {
  const minute = peak.hour ? {} : ({ minute: '2-digit' } as const);
  return new Date(peak.at).toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: peak.hour ? 'numeric' : '2-digit', ...minute });
}

function compare(now: number | null, before: number | null): string {
  if (now === null || before === null) return 'no data';
  const pct = before > 0 ? ` (${now >= before ? '+' : '−'}${Math.round((Math.abs(now - before) / before) * 100)} %)` : '';
  return `${Math.round(before)}${pct}`;
}

export function insightsText(series: Series, insights: Insights, timeZone: string): string[] {
  const lines = [`Insights — ${series.label} (times in ${timeZone})`];
  for (const w of PEAK_WINDOWS) {
    const p = insights.peak[w];
    lines.push(`  peak ${WINDOW_WORDS[w].padEnd(8)} ${p ? `${p.value} at ${when(p)}` : 'no data'}`);
  }
  lines.push(`  average over 7 days  ${insights.average7d === null ? 'no data' : Math.round(insights.average7d)}`);
  lines.push(
    `  last hour ${insights.lastHour === null ? 'no data' : Math.round(insights.lastHour)}; same hour yesterday ${compare(insights.lastHour, insights.sameHourYesterday)}; same hour last week ${compare(insights.lastHour, insights.sameHourLastWeek)}`,
  );
  const values = insights.heatmap.flat().filter((v): v is number => v !== null);
  if (values.length === 0) return [...lines, '  when users are online: no data yet'];
  const max = Math.max(...values);
  let best = { d: 0, h: 0, v: -1 };
  insights.heatmap.forEach((row, d) => row.forEach((v, h) => v !== null && v > best.v && (best = { d, h, v })));
  lines.push(`  when users are online (mean users per hour; busiest ${DAYS[best.d]} ${String(best.h).padStart(2, '0')}:00, ${Math.round(best.v)}):`);
  lines.push(`       ${Array.from({ length: 24 }, (_, h) => (h % 6 === 0 ? String(h).padEnd(6) : '')).join('')}`);
  insights.heatmap.forEach((row, d) => {
    const cells = row.map((v) => (v === null ? ' ' : SHADES[Math.min(SHADES.length - 1, Math.round((v / (max || 1)) * (SHADES.length - 1)))]!)).join('');
    lines.push(`  ${DAYS[d]}  ${cells}`);
  });
  return lines;
}

export function insightsJson(series: Series, insights: Insights, timeZone: string): unknown {
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    series: series.ref,
    label: series.label,
    timeZone,
    peak: Object.fromEntries(
      PEAK_WINDOWS.map((w) => {
        const p = insights.peak[w];
        return [w, p ? { value: p.value, at: iso(p.at), ...(p.hour ? { hour: true } : {}) } : null];
      }),
    ),
    average7d: insights.average7d,
    lastHour: insights.lastHour,
    sameHourYesterday: insights.sameHourYesterday,
    sameHourLastWeek: insights.sameHourLastWeek,
    heatmap: insights.heatmap,
  };
}

export function runInsights(args: CliArgs, accounts: CliAccount[], source: HistorySource, io: CliIo, zone: InsightsZone = systemZone): void {
  const series = pickSeries(args, accounts, source.history);
  const from = source.now - HISTORY_RANGE_MS['90d'];
  const points = source.history.range(series.key, from, source.now, 90 * 24);
  const insights = computeInsights(points, source.now, zone, source.history.peakSources(series.key, from, source.now));
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (args.json) io.out(JSON.stringify(insightsJson(series, insights, timeZone), null, 2));
  else for (const line of insightsText(series, insights, timeZone)) io.out(line);
}

/** Every sample or bucket kept in the range, unfolded: the export is the data, not a chart. */
export function runHistory(args: CliArgs, accounts: CliAccount[], source: HistorySource, io: CliIo): void {
  const range: HistoryRange | undefined = args.range;
  if (!range) throw new UsageError('history needs --range (1h, 24h, 7d, 30d or 90d).');
  const series = pickSeries(args, accounts, source.history);
  const rows = historyPoints(source.history.range(series.key, source.now - HISTORY_RANGE_MS[range], source.now, Number.MAX_SAFE_INTEGER));
  if (args.json) io.out(JSON.stringify({ series: series.ref, label: series.label, range, points: rows.map((r) => ({ ...r, t: new Date(r.t).toISOString() })) }, null, 2));
  else io.out(historyCsv(rows).trimEnd());
}
