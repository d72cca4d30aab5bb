import { systemClock } from '../shared/clock';
import type { AccountStatus } from '../shared/ipc-contract';
import { PROVIDER_NAMES, type AccountState, type ProviderId, type TargetKind } from '../shared/model';
import { defaultTargetLabel, targetLabelOf } from '../main/names/target-label';
import { TargetNames } from '../main/names/target-names';
import { resolveConfigDir } from '../main/settings';
import { AccountBudgets } from '../main/polling/account-budgets';
import { Poller, type PollResult } from '../main/polling/poller';
import { defaultProviderRegistry } from '../main/providers/registry';
import { clientSettingsOf } from '../main/providers/assumption-registry';
import { ProviderError } from '../main/providers/errors';
import { SHORT_RETRY_AFTER_MS, type CliIo } from './commands';
import { UsageError, type CliArgs } from './args';
import { selectAccounts, type CliAccount } from './cli-accounts';
import { explainForCli } from './cli-errors';
import { table } from './output';

/** Gives up waiting for an account's first count after this long (timeouts and back-off included). */
const LIVE_DEADLINE_MS = 60_000;

export interface LiveJson {
  total: number;
  accounts: Array<{
    provider: string;
    label: string;
    status: AccountState;
    error: string | null;
    total: number | null;
    targets: LiveTargetJson[];
  }>;
}

export interface LiveTargetJson {
  id: string;
  kind: string;
  label: string;
  count: number | null;
  /** A LuaAuth project's scripts (parts of its count, not added to the total again). */
  scripts?: Array<{ id: string; label: string; count: number | null }>;
}

/** An account's poll with its status at the end (the poller publishes it just before the result). */
export type LiveResult = PollResult & { status: AccountStatus };

/**
 * One poll of every account through the app's own poller (same budgets, same
 * counting rules), waiting out a single short rate limit per account.
 */
export async function collectCounts(accounts: CliAccount[], io: CliIo): Promise<LiveResult[]> {
  const results = new Map<string, LiveResult>();
  const retried = new Set<string>();
  const poller: Poller = new Poller({
    clock: systemClock,
    budgets: new AccountBudgets({ clock: systemClock }),
    intervalMs: () => 3_600_000,
    onResult: (result) => results.set(result.accountId, { ...result, status: poller.status(result.accountId)! }),
    // A rate limit is a status, not a result: the poller keeps the request and waits. The CLI
    // waits once for a short one; a longer one (or a second) is this account's answer now.
    onStatus: (status) => {
      const error = status.error;
      if (status.state !== 'rate_limited' || error?.kind !== 'rate_limited' || results.has(status.accountId)) return;
      const wait = error.retryAfterMs ?? 1000;
      if (!retried.has(status.accountId) && wait <= SHORT_RETRY_AFTER_MS) {
        retried.add(status.accountId);
        io.err(`Rate limited by ${PROVIDER_NAMES[error.provider]}; retrying in ${Math.ceil(wait / 1000)} s…`);
        return;
      }
      results.set(status.accountId, { accountId: status.accountId, at: io.now(), targets: [], total: null, complete: false, status });
    },
  });
  for (const account of accounts) {
    poller.upsert(account.config, defaultProviderRegistry.get(account.config.provider).createClient({ ...clientSettingsOf(account.config), apiKey: account.key }));
  }
  const deadline = io.now() + LIVE_DEADLINE_MS;
  while (results.size < accounts.length && io.now() < deadline) {
    const due = poller.nextDueAt();
    if (due === null) break;
    const wait = due - io.now();
    if (wait > 0) await io.sleep(Math.min(wait, deadline - io.now()));
    await poller.runDue();
  }
  poller.stop();
  return accounts.map(
    (a) =>
      results.get(a.config.id) ?? {
        accountId: a.config.id,
        at: io.now(),
        targets: [],
        total: null,
        complete: false,
        status: poller.status(a.config.id) ?? {
          accountId: a.config.id,
          state: 'offline',
          lastSuccessAt: null,
          lastAttemptAt: null,
          nextPollAt: null,
          error: null,
          explanation: null,
        },
      },
  );
}

/** A name the app learned for a target (its `target-names.json`), or none. */
export type LearnedNameOf = (provider: ProviderId, kind: TargetKind, id: string) => string | undefined;

/** The names the app learned, read-only (a missing or unreadable file: none). */
export async function appLearnedNames(env: Record<string, string | undefined>): Promise<LearnedNameOf> {
  const book = new TargetNames(resolveConfigDir({ env }));
  await book.load();
  return (provider, kind, id) => book.nameOf(provider, kind, id);
}

/**
 * A target as the window names it (target-label.ts, the one rule): the user's own label, else the
 * provider's name from this poll or one the app learned (a key test or discovery named a LuaProt
 * hub the CLI only knows by id), else "<Kind> <id>".
 */
function cliTargetLabel(provider: ProviderId, t: { kind: TargetKind; id: string; label: string; ownLabel?: boolean }, learned?: LearnedNameOf): string {
  if (t.ownLabel) return t.label;
  const polledName = t.label !== defaultTargetLabel(t.kind, t.id) ? t.label : undefined;
  return targetLabelOf({ kind: t.kind, id: t.id, polledName, learnedName: learned?.(provider, t.kind, t.id) });
}

export function liveJson(accounts: CliAccount[], results: LiveResult[], learned?: LearnedNameOf): LiveJson {
  const rows = accounts.map((a, i) => {
    const r = results[i]!;
    return {
      provider: a.config.provider,
      label: a.config.label,
      status: r.status.state,
      error: r.status.error ? explainForCli(r.status.error, r.status.explanation).title : null,
      total: r.total,
      targets: r.targets.map((t): LiveTargetJson => {
        const provider = a.config.provider;
        const row: LiveTargetJson = { id: t.id, kind: t.kind, label: cliTargetLabel(provider, t, learned), count: t.count };
        if (t.children) row.scripts = t.children.map((c) => ({ id: c.id, label: cliTargetLabel(provider, c, learned), count: c.count }));
        return row;
      }),
    };
  });
  return { total: rows.reduce((sum, a) => sum + (a.total ?? 0), 0), accounts: rows };
}

export async function runLive(args: CliArgs, allAccounts: CliAccount[], io: CliIo, learned?: LearnedNameOf): Promise<void> {
  if (allAccounts.length === 0) {
    throw new UsageError('No accounts configured. Add one in the app, set PULSEBAR_<PROVIDER>_KEY, or use --demo.');
  }
  const accounts = selectAccounts(allAccounts, args);
  const results = await collectCounts(accounts, io);
  const live = liveJson(accounts, results, learned);
  if (args.json) {
    io.out(JSON.stringify(live, null, 2));
  } else {
    const rows: Array<Array<string | number | null>> = [];
    for (const a of live.accounts) {
      rows.push([`${PROVIDER_NAMES[a.provider as keyof typeof PROVIDER_NAMES]} — ${a.label}`, a.status, a.total ?? '?']);
      for (const t of a.targets) {
        rows.push([`  ${t.label}`, '', t.count ?? '?']);
        for (const c of t.scripts ?? []) rows.push([`    ${c.label}`, '', c.count ?? '?']);
      }
    }
    io.out(table(['ACCOUNT / TARGET', 'STATUS', 'USERS'], rows));
    io.out(`Total live users: ${live.total}`);
  }
  // LuaProt and LuaAuth have no account-wide count: without targets nothing is counted, which is not "0 users".
  for (const a of accounts) {
    const descriptor = defaultProviderRegistry.get(a.config.provider).descriptor;
    if (!descriptor.autoTargets && a.config.targets.length === 0) {
      const hint = descriptor.targetKinds.flatMap((k) => (k.cliEnv ? [k.cliEnv] : [])).join(' or ');
      io.err(`pulsebar: ${PROVIDER_NAMES[a.config.provider]} account "${a.config.label}" watches nothing yet; add targets in the app or set ${hint}.`);
    }
  }
  // Every account failing is a provider error (exit 1); a partial answer is printed and also reported.
  const failed = results.find((r) => r.status.error && r.total === null);
  if (failed?.status.error) {
    for (const r of results) {
      if (r.status.error && r.total === null && r !== failed) io.err(`pulsebar: ${explainForCli(r.status.error, r.status.explanation).title}`);
    }
    throw new ProviderError(failed.status.error);
  }
}
