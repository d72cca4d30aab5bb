import { clientSettingsOf } from '../main/providers/assumption-registry';
import { createClient, describeDisconnects, isProviderError, type LuaAuthScriptEdit } from '../main/providers';
import type { ProviderError } from '../main/providers/errors';
import { PROVIDER_NAMES, type MessageResult, type ProviderId, type Session, type SessionPage } from '../shared/model';
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

function clientFor(account: CliAccount) {
  // The account's own client settings (base URL, an overridden LuaAuth bulk-message route), as the app builds them.
  return createClient(account.config.provider, { ...clientSettingsOf(account.config), apiKey: account.key });
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

function requireProvider(args: CliArgs, command: string, allowed?: ProviderId[]): ProviderId {
  const provider = need(args.provider, '--provider junkie|luaprot|luaauth', command);
  if (allowed && !allowed.includes(provider)) {
    throw new UsageError(
      `${PROVIDER_NAMES[provider]} has no "${command}" action; only ${allowed.map((p) => PROVIDER_NAMES[p]).join(' and ')} ${allowed.length > 1 ? 'offer' : 'offers'} it.`,
    );
  }
  return provider;
}

function luaProtScope(args: CliArgs, command: string): { hubId: string } | { key: string } {
  if (args.hub && args.key) throw new UsageError(`${command} takes --hub or --key, not both.`);
  if (args.hub) return { hubId: args.hub };
  if (args.key) return { key: args.key };
  throw new UsageError(`${command} for LuaProt needs --hub ID or --key KEY.`);
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
  switch (command) {
    case 'sessions': {
      const provider = requireProvider(args, command);
      const account = pickAccount(accounts, provider, args.account);
      // LuaProt can also list the sessions of one user key (--key) instead of a hub.
      const target = provider === 'luaprot' && args.key && args.target === undefined ? '' : need(args.target, '--target ID', command);
      const client = clientFor(account);
      if (client.provider === 'junkie') {
        const page = await withShortRetry(io, () =>
          client.sessions(target, { page: args.page, limit: args.limit, search: args.search }),
        );
        printSessions(io, args, page, page.total ?? page.sessions.length);
      } else if (client.provider === 'luaprot') {
        if (args.key && args.target !== undefined) throw new UsageError('sessions for LuaProt takes --target HUB or --key KEY, not both.');
        const query = args.key ? { key: args.key } : { hubId: target };
        let sessions = await withShortRetry(io, () => client.sessions(query));
        // LuaProt has no server-side search: filter by username or job id here.
        const search = args.search?.toLowerCase();
        if (search) {
          sessions = sessions.filter(
            (s) => s.username?.toLowerCase().includes(search) || s.jobId?.toLowerCase().includes(search),
          );
        }
        printSessions(io, args, { sessions }, sessions.length);
      } else {
        if (args.search) throw new UsageError('LuaAuth sessions carry no username to search; use --key, or list with --from/--limit.');
        const from = args.from ?? 0;
        const limit = args.limit ?? 50;
        const page = args.key
          ? await withShortRetry(io, () => client.filterSessions(target, { from, limit, key: args.key }))
          : await withShortRetry(io, () => client.sessions(target, { from, limit }));
        printSessions(io, args, page, page.sessions.length);
      }
      return;
    }
    case 'info': {
      const provider = requireProvider(args, command, ['luaprot', 'luaauth']);
      const account = pickAccount(accounts, provider, args.account);
      const sessionId = need(args.session, '--session ID', command);
      const client = clientFor(account);
      if (client.provider === 'luaprot') {
        const info = await withShortRetry(io, () => client.sessionInfo(sessionId));
        if (args.json) return json(io, info);
        printSessions(io, args, { sessions: [info.session] }, 1);
        const k = info.key;
        io.out(
          `\nKey ${k.key} — hub ${k.hubId}${k.discordUsername ? `, Discord ${k.discordUsername}` : ''}` +
            `${k.expireAt ? `, expires ${new Date(k.expireAt).toISOString()}` : ', never expires'}` +
            `${k.blacklisted ? `, BLACKLISTED (${k.blacklistReason ?? 'no reason'})` : ''}` +
            `${k.note ? `, note: ${k.note}` : ''}`,
        );
      } else if (client.provider === 'luaauth') {
        const session = await withShortRetry(io, () => client.session(sessionId));
        if (args.json) return json(io, { session });
        printSessions(io, args, { sessions: [session] }, 1);
      }
      return;
    }
    case 'message': {
      const provider = requireProvider(args, command, ['luaprot', 'luaauth']);
      const account = pickAccount(accounts, provider, args.account);
      const sessionId = need(args.session, '--session ID', command);
      const client = clientFor(account);
      if (client.provider === 'luaprot') {
        const text = need(args.text, '--text TEXT', command);
        const said = await withShortRetry(io, () => client.message(sessionId, text));
        return args.json ? json(io, { message: said }) : io.out(said);
      }
      if (client.provider === 'luaauth') {
        const key = need(args.command_key, '--command KEY', command);
        const data = parseData(args.data);
        if (!args.json) io.err('Waiting for the game client to answer (up to 60 s)…');
        const result = await withShortRetry(io, () => client.message(sessionId, key, data));
        return printMessageResults(io, args, [result]);
      }
      return;
    }
    case 'message-all': {
      const provider = requireProvider(args, command, ['luaprot', 'luaauth']);
      const account = pickAccount(accounts, provider, args.account);
      const client = clientFor(account);
      if (client.provider === 'luaprot') {
        const scope = luaProtScope(args, command);
        const text = need(args.text, '--text TEXT', command);
        const said = await withShortRetry(io, () => client.messageAll(scope, text));
        return args.json ? json(io, { message: said }) : io.out(said);
      }
      if (client.provider === 'luaauth') {
        const ids = need(args.sessions, '--sessions ID,ID,...', command);
        const key = need(args.command_key, '--command KEY', command);
        const data = parseData(args.data);
        if (!args.json) io.err(`Waiting for ${plural(ids.length, 'game client')} to answer (up to 60 s)…`);
        const results = await withShortRetry(io, () => client.messageMany(ids, key, data));
        return printMessageResults(io, args, results.map((r, i) => ({ sessionId: ids[i], ...r })));
      }
      return;
    }
    case 'disconnect': {
      const provider = requireProvider(args, command, ['luaprot', 'luaauth']);
      const account = pickAccount(accounts, provider, args.account);
      const sessionId = need(args.session, '--session ID', command);
      const client = clientFor(account);
      if (client.provider === 'luaprot') {
        const said = await withShortRetry(io, () => client.disconnect(sessionId));
        return args.json ? json(io, { message: said }) : io.out(`${said} (LuaProt may keep listing it for up to 90 s.)`);
      }
      if (client.provider === 'luaauth') {
        await withShortRetry(io, () => client.disconnect(sessionId));
        return args.json ? json(io, { disconnected: [sessionId] }) : io.out(`Disconnected ${sessionId}.`);
      }
      return;
    }
    case 'disconnect-all': {
      const provider = requireProvider(args, command, ['luaprot', 'luaauth']);
      const account = pickAccount(accounts, provider, args.account);
      const client = clientFor(account);
      if (client.provider === 'luaprot') {
        const scope = luaProtScope(args, command);
        const said = await withShortRetry(io, () => client.disconnectAll(scope));
        return args.json ? json(io, { message: said }) : io.out(said);
      }
      if (client.provider === 'luaauth') {
        const ids = need(args.sessions, '--sessions ID,ID,...', command);
        const outcomes = await withShortRetry(io, () => client.disconnectMany(ids));
        if (!args.json) return io.out(describeDisconnects(outcomes).message);
        // Per session, as LuaAuth said: confirmed, refused (with its reason), or not confirmed either way.
        return json(io, {
          disconnected: outcomes.filter((o) => o.disconnected === true).map((o) => o.sessionId),
          failed: outcomes.filter((o) => o.disconnected === false).map(({ sessionId, reason }) => ({ sessionId, ...(reason ? { reason } : {}) })),
          unconfirmed: outcomes.filter((o) => o.disconnected === null).map((o) => o.sessionId),
        });
      }
      return;
    }
    case 'script': {
      requireProvider(args, command, ['luaauth']);
      const account = pickAccount(accounts, 'luaauth', args.account);
      const scriptId = need(args.script, '--script ID', command);
      const client = clientFor(account);
      if (client.provider !== 'luaauth') return;
      const patch = parseScriptEdits(args.set);
      if (Object.keys(patch).length > 0) await withShortRetry(io, () => client.edit(scriptId, patch));
      if (args.enable || args.disable) await withShortRetry(io, () => client.toggle(scriptId, !!args.enable));
      const script = await withShortRetry(io, () => client.script(scriptId));
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
