/**
 * Pulsebar's command line: the same provider clients and monitor as the app,
 * in plain Node. `main` returns the exit code so tests run it in-process.
 */
import { pathToFileURL } from 'node:url';
import { isProviderError } from '../main/providers';
import { KeytarSecretStore, type SecretStore } from '../main/secrets';
import { resolveConfigDir, SettingsStore, type Settings } from '../main/settings';
import { PROVIDER_NAMES } from '../shared/model';
import { parseCli, UsageError, type CliArgs } from './args';
import { accountsFromEnv, type CliAccount } from './cli-accounts';
import { channelsFromEnv, channelsFromSettings, channelTestText, testChannels, type CliChannel } from './cli-channels';
import { explainForCli, refusedBeforeSending } from './cli-errors';
import { runAction, type CliIo } from './commands';
import { demoAccounts } from './demo-accounts';
import { appLearnedNames, runLive } from './live';
import { loadHistorySource, runHistory, runInsights } from './history-commands';
import type { RunningSimulator } from '../main/simulator/types';
import { runWatch } from './watch';
import { USAGE } from './usage';

export interface CliEnvironment {
  env: Record<string, string | undefined>;
  io: CliIo;
  /** Overrides the keychain (tests); the app's OS keychain otherwise. */
  secrets?: SecretStore;
}

/**
 * The app's settings, read-only: the CLI may run beside the app and never moves, repairs or
 * rewrites its files. What could not be read is said once on stderr. Null when unreadable.
 */
async function loadUserSettings(env: Record<string, string | undefined>, io: CliIo): Promise<Settings | null> {
  try {
    const { settings, notice } = await new SettingsStore({ dir: resolveConfigDir({ env }), readOnly: true }).load();
    if (notice) io.err(`pulsebar: ${notice.message}`);
    return settings;
  } catch (error) {
    io.err(`pulsebar: the app's settings could not be read (${(error as Error).message}).`);
    return null;
  }
}

async function accountsFromSettings(settings: Settings | null, secrets: SecretStore): Promise<CliAccount[]> {
  const accounts: CliAccount[] = [];
  for (const config of settings?.accounts ?? []) {
    const key = await secrets.get(config.id);
    if (key) accounts.push({ config, key });
  }
  return accounts;
}

async function resolveAccounts(
  args: CliArgs,
  environment: CliEnvironment,
  settings: () => Promise<Settings | null>,
): Promise<{ accounts: CliAccount[]; close?: () => Promise<void>; simulator?: RunningSimulator }> {
  if (args.demo) return demoAccounts();
  const fromEnv = accountsFromEnv(environment.env);
  if (fromEnv.length > 0) return { accounts: fromEnv };
  const saved = await settings();
  let secrets = environment.secrets;
  if (!secrets) secrets = new KeytarSecretStore();
  try {
    return { accounts: await accountsFromSettings(saved, secrets) };
  } catch (error) {
    throw new UsageError(
      `${(error as Error).message}\nFor headless use set PULSEBAR_JUNKIE_KEY / PULSEBAR_LUAPROT_KEY / PULSEBAR_LUAAUTH_KEY, or try --demo.`,
    );
  }
}

export async function main(argv: string[], environment: CliEnvironment): Promise<number> {
  const { io } = environment;
  let close: (() => Promise<void>) | undefined;
  try {
    const args = parseCli(argv);
    if (args.command === 'help') {
      io.out(USAGE);
      return 0;
    }
    // Read at most once, and only when needed (accounts, or watch's alert rules).
    let saved: Promise<Settings | null> | undefined;
    const settings = () => (saved ??= loadUserSettings(environment.env, io));
    const channelSecrets = () => environment.secrets ?? new KeytarSecretStore();
    // Alert channels: the environment's replace the app's (a headless machine has no app settings).
    const channels = async (): Promise<CliChannel[]> => {
      const fromEnv = channelsFromEnv(environment.env);
      if (fromEnv.length > 0 || args.demo) return fromEnv;
      return channelsFromSettings(await settings(), channelSecrets(), io.err);
    };
    if (args.command === 'channels') {
      const lines = await testChannels(await channels(), channelSecrets());
      if (args.json) io.out(JSON.stringify({ results: lines }, null, 2));
      else for (const line of lines) io.out(channelTestText(line));
      return lines.every((l) => l.ok) ? 0 : 1;
    }
    const resolved = await resolveAccounts(args, environment, settings);
    close = resolved.close;
    if (args.command === 'insights' || args.command === 'history') {
      // No accounts is fine here: the total is still there to look at.
      const source = await loadHistorySource(args, environment.env, io, resolved.simulator, resolved.accounts);
      if (args.command === 'insights') runInsights(args, resolved.accounts, source, io);
      else runHistory(args, resolved.accounts, source, io);
    } else if (args.command === 'live') await runLive(args, resolved.accounts, io, args.demo ? undefined : await appLearnedNames(environment.env));
    else if (args.command === 'watch') await runWatch(args, resolved.accounts, io, args.demo ? null : await settings(), await channels());
    else await runAction(args, resolved.accounts, io);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`pulsebar: ${error.message}`);
      io.err('Run "pulsebar --help" for usage.');
      return 2;
    }
    if (isProviderError(error)) {
      const info = error.info;
      if (refusedBeforeSending(info)) {
        io.err(`pulsebar: ${PROVIDER_NAMES[info.provider]}: not sent — ${info.message}`);
        return 2;
      }
      const status = info.status !== undefined ? `HTTP ${info.status}` : 'no HTTP status';
      const { title, advice } = explainForCli(info);
      io.err(`pulsebar: ${PROVIDER_NAMES[info.provider]} error (${status}${info.request ? `, ${info.request}` : ''}): ${info.message}`);
      io.err(`  ${title}`);
      io.err(`  ${advice}`);
      return 1;
    }
    io.err(`pulsebar: ${(error as Error).message ?? String(error)}`);
    return 1;
  } finally {
    await close?.();
  }
}

export function processIo(): CliIo {
  let interrupt: () => void = () => undefined;
  const interrupted = new Promise<void>((resolve) => (interrupt = resolve));
  let stopped = false;
  let keepAlive: NodeJS.Timeout | undefined;
  // `on`, not `once`: with its last listener gone Node restores the default action, and a child
  // process was seen dying of the very SIGINT it was handling. A second Ctrl-C ends at once (130).
  const onSignal = () => {
    if (stopped) process.exit(130);
    stopped = true;
    clearInterval(keepAlive);
    interrupt();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    /**
     * Waiting for Ctrl-C must hold the process open: a pending promise and signal listeners do not,
     * and the poller's timers are unref()'d (so the app can quit). Without this `watch` on real
     * accounts ended after its first request with "unsettled top-level await" (exit 13).
     */
    get interrupted() {
      if (!stopped) keepAlive ??= setInterval(() => undefined, 1 << 30);
      return interrupted;
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const code = await main(process.argv.slice(2), { env: process.env, io: processIo() });
  process.exit(code);
}
