import { ActionService } from '../main/actions/action-service';
import { clientSettingsOf } from '../main/providers/assumption-registry';
import { isProviderError, type AnyClient, type LuaAuthScriptEdit, type LuaProtKeyRecord } from '../main/providers';
import type { ProviderError } from '../main/providers/errors';
import { defaultProviderRegistry } from '../main/providers/registry';
import type { MessageResult, Session, SessionPage } from '../shared/model';
import type { ProviderDescriptor } from '../shared/provider-descriptor';
import { need, UsageError, type CliArgs } from './args';
import { pickAccount, type CliAccount } from './cli-accounts';
import { age, table } from './output';
import { plural } from '../shared/plural';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Resolves when the user interrupts (Ctrl-C); used by `watch`. */
  interrupted: Promise<void>;
}

/** A rate-limit answer with a Retry-After this short is waited out and the call retried once. */
export const SHORT_RETRY_AFTER_MS = 10_000;

export async function withShortRetry<T>(io: CliIo, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const wait = isProviderError(error, 'rate_limited') ? ((error as ProviderError).info.retryAfterMs ?? 1000) : undefined;
    if (wait === undefined || wait > SHORT_RETRY_AFTER_MS) throw error;
    io.err(`Rate limited; retrying in ${Math.ceil(wait / 1000)} s…`);
    await io.sleep(wait);
    return call();
  }
}

function clientFor(account: CliAccount): AnyClient {
  // The account's own client settings (base URL, an overridden LuaAuth bulk-message route), as the app builds them.
  return defaultProviderRegistry.get(account.config.provider).createClient({ ...clientSettingsOf(account.config), apiKey: account.key });
}

function json(io: CliIo, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}

function parseData(raw: string | undefined): unknown {
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw);
  } catch (error) {
    throw new UsageError(`--data must be valid JSON (${(error as Error).message}). Example: --data '{"amount": 5}'.`);
  }
}

/** A LuaAuth flag; "?" when the provider did not send it. */
const yesNo = (flag: boolean | null): string => (flag === null ? '?' : flag ? 'yes' : 'no');

function sessionRows(sessions: Session[], now: number) {
  return sessions.map((s) => [
    s.id,
    s.username ?? (s.robloxUserId !== undefined ? `#${s.robloxUserId}` : ''),
    s.jobId,
    s.placeId ?? s.universeId,
    s.userKey,
    s.createdAt !== undefined ? age(s.createdAt, now) : '?',
    s.lastBeatAt ? `${age(s.lastBeatAt, now)} ago` : '',
  ]);
}

function printSessions(io: CliIo, args: CliArgs, page: SessionPage, total: number): void {
  if (args.json) {
    json(io, { total, ...page, sessions: page.sessions });
    return;
  }
  io.out(table(['SESSION', 'USER', 'JOB', 'PLACE/UNIVERSE', 'KEY', 'AGE', 'LAST BEAT'], sessionRows(page.sessions, io.now())));
  const paging =
    page.totalPages !== undefined
      ? ` — page ${page.page} of ${page.totalPages}`
      : page.from !== undefined
        ? ` — from ${page.from}${page.hasMore ? ', more with --from ' + (page.from + page.sessions.length) : ''}`
        : '';
  io.out(`${total} session${total === 1 ? '' : 's'}${paging}`);
}

/** What the chosen provider is; an action it lacks is bad usage, naming the providers that offer it. */
function requireProvider(args: CliArgs, command: string, offers?: (d: ProviderDescriptor) => unknown): ProviderDescriptor {
  const provider = need(args.provider, `--provider ${defaultProviderRegistry.ids().join('|')}`, command);
  const descriptor = defaultProviderRegistry.get(provider).descriptor;
  if (offers && !offers(descriptor)) {
    const allowed = defaultProviderRegistry.descriptors().filter(offers).map((d) => d.label);
    throw new UsageError(
      `${descriptor.label} has no "${command}" action; only ${allowed.join(' and ')} ${allowed.length > 1 ? 'offer' : 'offers'} it.`,
    );
  }
  return descriptor;
}

/** A provider that acts on a whole hub or key (bulk by scope) takes --hub or --key. */
function scopeOf(args: CliArgs, command: string, provider: ProviderDescriptor): { hubId: string } | { key: string } {
  if (args.hub && args.key) throw new UsageError(`${command} takes --hub or --key, not both.`);
  if (args.hub) return { hubId: args.hub };
  if (args.key) return { key: args.key };
  throw new UsageError(`${command} for ${provider.label} needs --hub ID or --key KEY.`);
}

/**
 * The app's action service over the CLI's accounts: each call gets the account's client and
 * waits out one short rate limit (withShortRetry) instead of the app's budget.
 */
function actionService(accounts: CliAccount[], io: CliIo): ActionService {
  const byId = new Map(accounts.map((a) => [a.config.id, a]));
  const clients = new Map<string, AnyClient>();
  const accountOf = (id: string): CliAccount => {
    const found = byId.get(id);
    if (!found) throw new UsageError(`No account with id "${id}".`);
    return found;
  };
  return new ActionService({
    account: (id) => accountOf(id).config,
    call(id, fn) {
      let client = clients.get(id);
      if (!client) clients.set(id, (client = clientFor(accountOf(id))));
      const ready = client;
      return withShortRetry(io, () => fn(ready, undefined));
    },
  });
}

function printMessageResults(io: CliIo, args: CliArgs, results: MessageResult[]): void {
  if (args.json) {
    json(io, results.length === 1 && args.command === 'message' ? results[0] : { results });
    return;
  }
  for (const r of results) {
    const who = r.sessionId ? `${r.sessionId}: ` : '';
    io.out(r.processed ? `${who}processed — response: ${JSON.stringify(r.response ?? null)}` : `${who}not processed — ${r.reason ?? 'no reason given'}`);
  }
}

const BOOLEAN_FIELDS = ['free_for_all', 'use_heartbeat', 'kick_outdated', 'require_sessions'] as const;

function parseScriptEdits(sets: string[]): LuaAuthScriptEdit {
  const patch: LuaAuthScriptEdit = {};
  for (const entry of sets) {
    const eq = entry.indexOf('=');
    if (eq < 1) throw new UsageError(`--set takes FIELD=VALUE (got "${entry}").`);
    const field = entry.slice(0, eq).trim();
    const value = entry.slice(eq + 1).trim();
    if (field === 'name') {
      patch.name = value;
    } else if ((BOOLEAN_FIELDS as readonly string[]).includes(field)) {
      const truth = { true: true, yes: true, on: true, '1': true, false: false, no: false, off: false, '0': false }[value.toLowerCase()];
      if (truth === undefined) throw new UsageError(`--set ${field} must be true or false (got "${value}").`);
      patch[field as (typeof BOOLEAN_FIELDS)[number]] = truth;
    } else {
      throw new UsageError(`Unknown script field "${field}". Fields: name, ${BOOLEAN_FIELDS.join(', ')}.`);
    }
  }
  return patch;
}

/** Runs one command against the chosen account. `live` and `watch` are in their own modules. */
export async function runAction(args: CliArgs, accounts: CliAccount[], io: CliIo): Promise<void> {
  const command = args.command;
  const actions = actionService(accounts, io);
  switch (command) {
    case 'sessions': {
      const provider = requireProvider(args, command);
      const accountId = pickAccount(accounts, provider.id, args.account).config.id;
      // A provider that watches user keys as targets (LuaProt) can also list one key's sessions (--key).
      const keyIsTarget = provider.targetKinds.some((k) => k.kind === 'key');
      const target = keyIsTarget && args.key && args.target === undefined ? '' : need(args.target, '--target ID', command);
      const search = provider.capabilities.search;
      if (keyIsTarget && args.key && args.target !== undefined) {
        throw new UsageError(`sessions for ${provider.label} takes --target ${provider.targetKinds[0]!.noun.toUpperCase()} or --key KEY, not both.`);
      }
      if (search === 'filters' && args.search) {
        throw new UsageError(`${provider.label} sessions carry no username to search; use --key, or list with --from/--limit.`);
      }
      const query: Parameters<ActionService['list']>[0] = { accountId, targetId: target };
      if (keyIsTarget && args.key) Object.assign(query, { targetId: args.key, targetKind: 'key' as const });
      if (provider.capabilities.paging === 'pages') {
        if (args.page !== undefined) query.page = args.page;
        if (args.limit !== undefined) query.limit = args.limit;
      }
      if (provider.capabilities.paging === 'offset') {
        query.from = args.from ?? 0;
        query.limit = args.limit ?? 50;
        if (args.key) query.filter = { key: args.key };
      }
      if (search !== 'filters' && args.search) query.search = args.search;
      const page = await actions.list(query);
      printSessions(io, args, page, page.total ?? page.sessions.length);
      return;
    }
    case 'info': {
      const provider = requireProvider(args, command, (d) => d.capabilities.sessionInfo !== false);
      const accountId = pickAccount(accounts, provider.id, args.account).config.id;
      const sessionId = need(args.session, '--session ID', command);
      const { session, keyRecord } = await actions.info({ accountId, sessionId });
      if (args.json) return json(io, keyRecord ? { session, key: keyRecord } : { session });
      printSessions(io, args, { sessions: [session] }, 1);
      if (keyRecord) {
        const k = keyRecord as unknown as LuaProtKeyRecord;
        io.out(
          `\nKey ${k.key} — hub ${k.hubId}${k.discordUsername ? `, Discord ${k.discordUsername}` : ''}` +
            `${k.expireAt ? `, expires ${new Date(k.expireAt).toISOString()}` : ', never expires'}` +
            `${k.blacklisted ? `, BLACKLISTED (${k.blacklistReason ?? 'no reason'})` : ''}` +
            `${k.note ? `, note: ${k.note}` : ''}`,
        );
      }
      return;
    }
    case 'message': {
      const provider = requireProvider(args, command, (d) => d.capabilities.message);
      const accountId = pickAccount(accounts, provider.id, args.account).config.id;
      const sessionId = need(args.session, '--session ID', command);
      if (provider.capabilities.message === 'text') {
        const text = need(args.text, '--text TEXT', command);
        const said = (await actions.message({ accountId, sessionId, text })).message ?? '';
        return args.json ? json(io, { message: said }) : io.out(said);
      }
      const key = need(args.command_key, '--command KEY', command);
      parseData(args.data);
      if (!args.json) io.err('Waiting for the game client to answer (up to 60 s)…');
      const { result } = await actions.message({ accountId, sessionId, command: key, ...(args.data !== undefined ? { data: args.data } : {}) });
      return printMessageResults(io, args, result ? [result] : []);
    }
    case 'message-all': {
      const provider = requireProvider(args, command, (d) => d.capabilities.bulk && d.capabilities.message);
      const accountId = pickAccount(accounts, provider.id, args.account).config.id;
      if (provider.capabilities.bulk === 'scope') {
        const scope = scopeOf(args, command, provider);
        const text = need(args.text, '--text TEXT', command);
        const said = (await actions.messageMany({ accountId, scope, text })).message ?? '';
        return args.json ? json(io, { message: said }) : io.out(said);
      }
      const ids = need(args.sessions, '--sessions ID,ID,...', command);
      const key = need(args.command_key, '--command KEY', command);
      parseData(args.data);
      if (!args.json) io.err(`Waiting for ${plural(ids.length, 'game client')} to answer (up to 60 s)…`);
      const { results = [] } = await actions.messageMany({ accountId, sessionIds: ids, command: key, ...(args.data !== undefined ? { data: args.data } : {}) });
      return printMessageResults(io, args, results.map((r, i) => ({ sessionId: ids[i], ...r })));
    }
    case 'disconnect': {
      const provider = requireProvider(args, command, (d) => d.capabilities.disconnect);
      const accountId = pickAccount(accounts, provider.id, args.account).config.id;
      const sessionId = need(args.session, '--session ID', command);
      const { message: said } = await actions.disconnect({ accountId, sessionId });
      // A provider that answers in its own words is quoted; the others only confirm.
      if (provider.quotesReplies) {
        const linger = provider.disconnectLingerMs ? ` (${provider.label} may keep listing it for up to ${provider.disconnectLingerMs / 1000} s.)` : '';
        return args.json ? json(io, { message: said }) : io.out(`${said}${linger}`);
      }
      return args.json ? json(io, { disconnected: [sessionId] }) : io.out(`Disconnected ${sessionId}.`);
    }
    case 'disconnect-all': {
      const provider = requireProvider(args, command, (d) => d.capabilities.bulk && d.capabilities.disconnect);
      const accountId = pickAccount(accounts, provider.id, args.account).config.id;
      if (provider.capabilities.bulk === 'scope') {
        const scope = scopeOf(args, command, provider);
        const { message: said } = await actions.disconnectMany({ accountId, scope });
        return args.json ? json(io, { message: said }) : io.out(said);
      }
      const ids = need(args.sessions, '--sessions ID,ID,...', command);
      const { message, outcomes = [] } = await actions.disconnectManyDetailed({ accountId, sessionIds: ids });
      if (!args.json) return io.out(message);
      // Per session, as the provider said: confirmed, refused (with its reason), or not confirmed either way.
      return json(io, {
        disconnected: outcomes.filter((o) => o.disconnected === true).map((o) => o.sessionId),
        failed: outcomes.filter((o) => o.disconnected === false).map(({ sessionId, reason }) => ({ sessionId, ...(reason ? { reason } : {}) })),
        unconfirmed: outcomes.filter((o) => o.disconnected === null).map((o) => o.sessionId),
      });
    }
    case 'script': {
      const provider = requireProvider(args, command, (d) => d.capabilities.scripts);
      const accountId = pickAccount(accounts, provider.id, args.account).config.id;
      const scriptId = need(args.script, '--script ID', command);
      const patch = parseScriptEdits(args.set);
      await actions.scriptSet({ accountId, scriptId, patch, ...(args.enable || args.disable ? { enabled: !!args.enable } : {}) });
      const script = await actions.scriptInfo({ accountId, scriptId });
      if (args.json) return json(io, script);
      io.out(
        table(
          ['SCRIPT', 'NAME', 'ENABLED', 'FREE FOR ALL', 'HEARTBEAT', 'KICK OUTDATED', 'REQUIRE SESSIONS', 'SESSIONS', 'EXECUTIONS'],
          [[script.id, script.name, yesNo(script.enabled), yesNo(script.freeForAll), yesNo(script.useHeartbeat), yesNo(script.kickOutdated), yesNo(script.requireSessions), script.totalSessions ?? '?', script.totalExecutions ?? '?']],
        ),
      );
      return;
    }
    default:
      throw new UsageError(`"${command}" is not an action command.`);
  }
}
