import { mkdtemp, rm } from 'node:fs/promises';
import { clampPollInterval } from '../shared/poll-intervals';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAppCore } from '../main/core/app-core';
import { MemorySecretStore } from '../main/secrets';
import { SettingsStore, type Settings } from '../main/settings';
import { PROVIDER_NAMES, PROVIDERS } from '../shared/model';
import { plural } from '../shared/plural';
import type { MonitorSnapshot } from '../shared/ipc-contract';
import { UsageError, type CliArgs } from './args';
import { selectAccounts, type CliAccount } from './cli-accounts';
import type { CliIo } from './commands';
import type { CliChannel } from './cli-channels';
import { channelSecretId } from '../main/alerts/channels/channel-config';
import type { ChannelStatus } from '../shared/alert-channels';

function clockTime(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}

/** One line per change: total, then each account's total and state. */
export function snapshotLine(snapshot: MonitorSnapshot): string {
  const parts = snapshot.accounts.map((a) => {
    const state = a.status.state === 'ok' ? '' : ` [${a.status.state}${a.status.explanation ? `: ${a.status.explanation.title}` : ''}]`;
    // A stale account's last total is not in the grand total: say so next to it.
    return `${PROVIDER_NAMES[a.account.provider]} ${a.account.label}: ${a.total ?? '?'}${a.stale ? ' (not live)' : ''}${state}`;
  });
  return `${clockTime(snapshot.at)}  total ${snapshot.total}  |  ${parts.join('  |  ')}`;
}

/**
 * `watch`: the app's own core (poller, history, alert rules) headless. It runs
 * on a private copy of the settings so it never races the app over its files;
 * alert rules and quiet hours come from the user's settings (`userSettings`, read
 * read-only from the config folder the CLI was given) when there are any.
 */
export async function runWatch(
  args: CliArgs,
  allAccounts: CliAccount[],
  io: CliIo,
  userSettings: Settings | null,
  channels: readonly CliChannel[] = [],
): Promise<void> {
  if (allAccounts.length === 0) {
    throw new UsageError('No accounts configured. Add one in the app, set PULSEBAR_<PROVIDER>_KEY, or use --demo.');
  }
  const accounts = selectAccounts(allAccounts, args);
  const dir = await mkdtemp(path.join(tmpdir(), 'pulsebar-watch-'));
  try {
    const store = new SettingsStore({ dir });
    await store.load();
    const interval = args.interval;
    await store.update({
      accounts: accounts.map((a) => a.config),
      channels: channels.map((c) => c.config),
      alerts: userSettings?.alerts ?? {},
      pollIntervalSeconds: interval
        ? Object.fromEntries(PROVIDERS.map((p) => [p, clampPollInterval(interval)]))
        : (userSettings?.pollIntervalSeconds ?? {}),
    });
    await store.flush();

    const core = createAppCore({
      configDir: dir,
      secrets: new MemorySecretStore([
        ...accounts.map((a) => [a.config.id, a.key] as const),
        ...channels.map((c) => [channelSecretId(c.config.id), c.url] as const),
      ]),
      demo: false,
      ports: {
        notifier: { notify: (n) => io.out(`${clockTime(io.now())}  ALERT  ${n.title} — ${n.body}`) },
      },
    });
    let last = '';
    core.subscribe((event, payload) => {
      if (event === 'monitor:update') {
        const snapshot = payload as MonitorSnapshot;
        // Before the first answer there is nothing to say but "idle".
        if (snapshot.accounts.every((a) => a.total === null && a.status.error === null)) return;
        const line = snapshotLine(snapshot);
        // Status-only pushes repeat the same numbers; print changes.
        const key = line.slice(10);
        if (key !== last) io.out(line);
        last = key;
      } else if (event === 'notice') {
        io.err(String(payload));
      } else if (event === 'channels:status') {
        const { status } = payload as { status: ChannelStatus };
        // Said once per failure, in words (channel, HTTP status, the receiver's message); never the URL.
        if (status.state === 'failing' && status.lastError) io.err(`${clockTime(io.now())}  pulsebar: alert not delivered: ${status.lastError}`);
      }
    });
    io.err(
      `Watching ${plural(accounts.length, 'account')}${channels.length > 0 ? `, alerts also to ${channels.map((c) => c.config.label).join(', ')}` : ''}; Ctrl-C to stop.`,
    );
    await core.start();
    await io.interrupted;
    await core.stop();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
