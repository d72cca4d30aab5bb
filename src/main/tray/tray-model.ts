/**
 * The tray, computed purely from the monitor snapshot: icon, tooltip, title and
 * menu. Rebuilt on every update (Linux only shows a menu when it is set again).
 */
import { accountWithProvider } from '../../shared/account-name';
import type { AlertEvent } from '../../shared/alerts';
import type { AccountLive, MonitorSnapshot, TargetLive } from '../../shared/ipc-contract';
import type { AccountState, ProviderId } from '../../shared/model';
import { providerLabel } from '../providers/registry';
import { inErrorState, needsAttention } from '../../shared/account-attention';
import { haltWords } from '../../shared/account-words';
import { seriesIdentity } from '../../shared/series-ref';
import type { TrayIconState, TrayMenuItem, TrayModel } from '../core/ports';

/** Ids of the command items (each item also carries its command: the core never reads an id). */
export const TRAY_ACTIONS = {
  refresh: 'refresh',
  pauseAlerts: 'pause-alerts',
  resumeAlerts: 'resume-alerts',
  open: 'open',
  quit: 'quit',
} as const;

/** A command item: its id and its command are the same word. */
const commandItem = (type: (typeof TRAY_ACTIONS)[keyof typeof TRAY_ACTIONS], label: string, extra: Partial<TrayMenuItem> = {}): TrayMenuItem => ({
  id: type,
  label,
  command: { type },
  ...extra,
});

/** How long a fired alert keeps the icon in its alert state. */
export const ALERT_ICON_MS = 10 * 60_000;
/** Windows truncates tooltips at 127 characters. */
const TOOLTIP_MAX = 127;

/** Stale accounts named one by one in the tooltip; more are counted. */
const TOOLTIP_STALE_LINES = 2;

export function trendArrow(trend: number | null): string {
  if (trend === null) return '';
  if (trend > 0) return ' ↑';
  if (trend < 0) return ' ↓';
  return ' →';
}

const fmt = (count: number | null): string => (count === null ? '–' : count.toLocaleString('en-US'));

export function trayIconState(snapshot: MonitorSnapshot, recentAlerts: readonly AlertEvent[], now: number): TrayIconState {
  const alertsPaused = snapshot.alertsPausedUntil !== null && snapshot.alertsPausedUntil > now;
  if (snapshot.paused || alertsPaused) return 'paused';
  if (snapshot.accounts.some(needsAttention)) return 'error';
  if (recentAlerts.some((e) => !e.silenced && now - e.at < ALERT_ICON_MS && e.at <= now)) return 'alert';
  return 'normal';
}

/**
 * Why a stale account's total is not live, in a few words: the key or access was refused, or how long
 * it has not answered.
 */
export function staleReason(account: AccountLive, now: number): string {
  const { status } = account;
  if (status.state === 'unauthorized' || status.error?.kind === 'unauthorized' || status.error?.kind === 'forbidden') {
    return haltWords(status, account.account.provider);
  }
  if (status.lastSuccessAt === null) return 'key rejected';
  const minutes = Math.max(1, Math.floor((now - status.lastSuccessAt) / 60_000));
  return minutes < 120 ? `no answer for ${minutes} min` : `no answer for ${Math.floor(minutes / 60)} h`;
}

const notLive = (account: AccountLive, now: number): string => `(not live — ${staleReason(account, now)})`;

/** The grand total as main computed it (a dash when nothing is live: see shared/live-totals). */
const liveTotal = (snapshot: MonitorSnapshot): string => fmt(snapshot.live.total);

function tooltip(snapshot: MonitorSnapshot, now: number): string {
  const lines = [`Pulsebar${snapshot.demo ? ' (demo)' : ''} — ${liveTotal(snapshot)} live`];
  // Providers with a live account only: the tooltip has no room for dashes.
  const present = (Object.entries(snapshot.live.byProvider) as Array<[ProviderId, number | null]>).filter(([, n]) => n !== null);
  if (present.length > 0) lines.push(present.map(([p, n]) => `${providerLabel(p)} ${fmt(n)}`).join(' · '));
  const stale = snapshot.accounts.filter((a) => a.stale);
  if (stale.length > TOOLTIP_STALE_LINES) lines.push(`${stale.length} accounts not live, left out of the total`);
  else for (const a of stale) lines.push(`${a.account.label}: ${fmt(a.total)} ${notLive(a, now)}`);
  const troubled = snapshot.accounts.filter((a) => !a.stale && inErrorState(a));
  if (troubled.length > 0) lines.push(`${troubled.length} account${troubled.length > 1 ? 's' : ''} need attention`);
  if (snapshot.paused) lines.push('Monitoring paused');
  const text = lines.join('\n');
  return text.length > TOOLTIP_MAX ? `${text.slice(0, TOOLTIP_MAX - 1)}…` : text;
}

const STATE_WORDS: Partial<Record<AccountState, string>> = {
  degraded: 'degraded',
  rate_limited: 'rate limited',
  offline: 'offline',
  paused: 'paused',
};

function targetItem(account: AccountLive, target: TargetLive): TrayMenuItem {
  const series = { type: 'target', accountId: account.account.id, targetId: target.id } as const;
  return {
    id: seriesIdentity(series),
    label: `${target.label}: ${fmt(target.count)}${trendArrow(target.trend)}`,
    command: { type: 'show', series },
  };
}

function accountItem(account: AccountLive, now: number): TrayMenuItem {
  const { status } = account;
  const state = status.state === 'unauthorized' ? haltWords(status, account.account.provider) : STATE_WORDS[status.state];
  const note = account.stale ? ` ${notLive(account, now)}` : state ? ` — ${state}` : '';
  const series = { type: 'account', accountId: account.account.id } as const;
  return {
    id: seriesIdentity(series),
    command: { type: 'show', series },
    label: `${accountWithProvider(account.account.label, providerLabel(account.account.provider))}: ${fmt(account.total)}${note}`,
    submenu: account.targets.length > 0 ? account.targets.map((t) => targetItem(account, t)) : undefined,
  };
}

export function buildTrayModel(
  snapshot: MonitorSnapshot,
  options: { recentAlerts?: readonly AlertEvent[]; now: number },
): TrayModel {
  const alertsPaused = snapshot.alertsPausedUntil !== null && snapshot.alertsPausedUntil > options.now;
  const menu: TrayMenuItem[] = [
    { id: 'total', label: `Live users: ${liveTotal(snapshot)}${snapshot.demo ? ' (demo)' : ''}`, enabled: false },
    { id: 'sep-1', label: '', type: 'separator' },
  ];
  if (snapshot.accounts.length === 0) menu.push({ id: 'no-accounts', label: 'No accounts yet', enabled: false });
  for (const account of snapshot.accounts) menu.push(accountItem(account, options.now));
  menu.push(
    { id: 'sep-2', label: '', type: 'separator' },
    commandItem(TRAY_ACTIONS.refresh, 'Refresh now', { enabled: !snapshot.paused }),
    alertsPaused ? commandItem(TRAY_ACTIONS.resumeAlerts, 'Resume alerts') : commandItem(TRAY_ACTIONS.pauseAlerts, 'Pause alerts for 1 hour'),
    commandItem(TRAY_ACTIONS.open, 'Open Pulsebar'),
    { id: 'sep-3', label: '', type: 'separator' },
    commandItem(TRAY_ACTIONS.quit, 'Quit'),
  );
  return {
    icon: trayIconState(snapshot, options.recentAlerts ?? [], options.now),
    tooltip: tooltip(snapshot, options.now),
    title: liveTotal(snapshot),
    menu,
  };
}
