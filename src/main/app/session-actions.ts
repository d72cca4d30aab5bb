/**
 * On-demand provider actions from the window and tray: session lists, details,
 * messages, disconnects, bulk actions and LuaAuth script switches. Each provider
 * gets only the actions it really has; the others answer invalid_input with the
 * reason. Every request goes through the account's rate budget as a user action.
 */
import type { IpcRequests, RequestOf, ResponseOf, ScriptView } from '../../shared/ipc-contract';
import type { AccountConfig, MessageResult, Session, SessionPage } from '../../shared/model';
import type { CallOptions, LuaAuthClient, LuaAuthScript, ProviderClient } from '../providers/types';
import { describeDisconnects } from '../providers/luaauth-bulk';
import { missingAction } from './capabilities';
import { asProviderErrorInfo, invalidRequest, providerInvalidInput } from '../core/core-errors';
import { isLuaProtEmpty } from './poller';
import { readSessionGroups } from './session-groups-read';

type Req<C extends keyof IpcRequests> = RequestOf<C>;
type Res<C extends keyof IpcRequests> = ResponseOf<C>;

export interface ActionContext {
  account(accountId: string): AccountConfig;
  /** Runs `fn` with the account's client once the budget allows a user request. */
  call<T>(accountId: string, fn: (client: ProviderClient, signal: AbortSignal | undefined) => Promise<T>, opId?: string): Promise<T>;
  /**
   * What the items of a session list lacked, in words ([] for a clean list), for the account's
   * status: the poll may never read those items (Junkie counts without listing).
   */
  noteListRead?(accountId: string, lines: string[]): void;
}

export function scriptView(script: LuaAuthScript, executions: Record<string, number> = {}): ScriptView {
  return {
    id: script.id,
    projectId: script.projectId,
    name: script.name,
    enabled: script.enabled,
    freeForAll: script.freeForAll,
    useHeartbeat: script.useHeartbeat,
    kickOutdated: script.kickOutdated,
    requireSessions: script.requireSessions,
    totalExecutions: script.totalExecutions,
    totalSessions: script.totalSessions,
    totalInstances: script.totalInstances,
    executions,
  };
}

function matches(session: Session, needle: string): boolean {
  const n = needle.toLowerCase();
  return (session.username?.toLowerCase().includes(n) ?? false) || (session.jobId?.toLowerCase().includes(n) ?? false);
}

function parseData(data: string | undefined): unknown {
  if (data === undefined || data.trim() === '') return undefined;
  return JSON.parse(data) as unknown;
}

function luaauth(client: ProviderClient, action: string): LuaAuthClient {
  if (client.provider !== 'luaauth') throw providerInvalidInput(client.provider, missingAction(client.provider, action));
  return client;
}

export class SessionActions {
  constructor(private readonly ctx: ActionContext) {}

  async list(q: Req<'sessions:list'>): Promise<Res<'sessions:list'>> {
    const account = this.ctx.account(q.accountId);
    const target = account.targets.find((t) => t.id === q.targetId);
    let lines: string[] = [];
    const read = (signal: AbortSignal | undefined): CallOptions => ({
      ...(signal ? { signal } : {}),
      onReadNotes: (notes) => (lines = notes.lines()),
    });
    const page = await this.ctx.call(q.accountId, async (client, signal): Promise<SessionPage> => {
      switch (client.provider) {
        case 'junkie': {
          const query: { page?: number; limit?: number; search?: string } = {};
          if (q.page !== undefined) query.page = q.page;
          if (q.limit !== undefined) query.limit = q.limit;
          if (q.search) query.search = q.search;
          return client.sessions(q.targetId, query, read(signal));
        }
        case 'luaprot': {
          const scope = target?.kind === 'key' ? { key: q.targetId } : { hubId: q.targetId };
          let sessions: Session[];
          try {
            sessions = await client.sessions(scope, read(signal));
          } catch (error) {
            const info = asProviderErrorInfo(error);
            if (info && isLuaProtEmpty(info)) sessions = [];
            else throw error;
          }
          // LuaProt has no search: filter here by username or job id.
          const filtered = q.search ? sessions.filter((s) => matches(s, q.search!)) : sessions;
          const page: SessionPage = { sessions: filtered, total: filtered.length };
          return page;
        }
        case 'luaauth': {
          if (target?.kind === 'project') {
            throw invalidRequest('targetId: a LuaAuth project has no session list of its own; pick one of its scripts');
          }
          const from = q.from ?? 0;
          const limit = q.limit ?? 50;
          const filter = q.filter ?? {};
          const hasFilter = Object.values(filter).some((v) => v !== undefined && v !== '');
          if (hasFilter) return client.filterSessions(q.targetId, { from, limit, ...filter }, read(signal));
          return client.sessions(q.targetId, { from, limit }, read(signal));
        }
      }
    });
    this.ctx.noteListRead?.(q.accountId, lines);
    return page;
  }

  /** Every live session of a target, grouped; each page is its own budgeted request. */
  async groups(q: Req<'sessions:groups'>): Promise<Res<'sessions:groups'>> {
    const account = this.ctx.account(q.accountId);
    const target = account.targets.find((t) => t.id === q.targetId);
    return readSessionGroups((fn) => this.ctx.call(q.accountId, fn), account.provider, target, q.targetId);
  }

  async info(q: Req<'sessions:info'>): Promise<Res<'sessions:info'>> {
    return this.ctx.call(q.accountId, async (client, signal) => {
      switch (client.provider) {
        case 'junkie':
          throw providerInvalidInput('junkie', 'Junkie has no single-session route: the session list already shows every field Junkie gives.');
        case 'luaprot': {
          const { session, key } = await client.sessionInfo(q.sessionId, { signal });
          return { session, keyRecord: { ...key } };
        }
        case 'luaauth':
          return { session: await client.session(q.sessionId, { signal }) };
      }
    });
  }

  async message(q: Req<'sessions:message'>): Promise<Res<'sessions:message'>> {
    return this.ctx.call(
      q.accountId,
      async (client, signal) => {
        switch (client.provider) {
          case 'junkie':
            throw providerInvalidInput('junkie', missingAction('junkie', 'message'));
          case 'luaprot': {
            if (q.text === undefined) throw invalidRequest('text: LuaProt messages need a text of 1 to 100 characters');
            return { provider: 'luaprot', message: await client.message(q.sessionId, q.text, { signal }) };
          }
          case 'luaauth': {
            if (q.command === undefined) throw invalidRequest('command: LuaAuth messages need the command (handler key) to run');
            const result: MessageResult = await client.message(q.sessionId, q.command, parseData(q.data), { signal });
            return { provider: 'luaauth', result };
          }
        }
      },
      q.opId,
    );
  }

  async disconnect(q: Req<'sessions:disconnect'>): Promise<Res<'sessions:disconnect'>> {
    return this.ctx.call(q.accountId, async (client, signal) => {
      switch (client.provider) {
        case 'junkie':
          throw providerInvalidInput('junkie', missingAction('junkie', 'disconnect'));
        case 'luaprot':
          return { message: await client.disconnect(q.sessionId, { signal }) };
        case 'luaauth':
          await client.disconnect(q.sessionId, { signal });
          return { message: 'Session disconnected.' };
      }
    });
  }

  async messageMany(q: Req<'sessions:messageMany'>): Promise<Res<'sessions:messageMany'>> {
    return this.ctx.call(
      q.accountId,
      async (client, signal) => {
        switch (client.provider) {
          case 'junkie':
            throw providerInvalidInput('junkie', missingAction('junkie', 'bulk message'));
          case 'luaprot': {
            if (!q.scope) throw invalidRequest('scope: LuaProt messages many sessions by { hubId } or { key }, not by a list of ids');
            if (q.text === undefined) throw invalidRequest('text: LuaProt messages need a text of 1 to 100 characters');
            return { provider: 'luaprot', message: await client.messageAll(q.scope, q.text, { signal }) };
          }
          case 'luaauth': {
            if (!q.sessionIds) throw invalidRequest('sessionIds: LuaAuth messages many sessions by their ids');
            if (q.command === undefined) throw invalidRequest('command: LuaAuth messages need the command (handler key) to run');
            const results = await client.messageMany(q.sessionIds, q.command, parseData(q.data), { signal });
            return { provider: 'luaauth', results };
          }
        }
      },
      q.opId,
    );
  }

  async disconnectMany(q: Req<'sessions:disconnectMany'>): Promise<Res<'sessions:disconnectMany'>> {
    return this.ctx.call(q.accountId, async (client, signal) => {
      switch (client.provider) {
        case 'junkie':
          throw providerInvalidInput('junkie', missingAction('junkie', 'bulk disconnect'));
        case 'luaprot': {
          if (!q.scope) throw invalidRequest('scope: LuaProt disconnects many sessions by { hubId } or { key }, not by a list of ids');
          return { message: await client.disconnectAll(q.scope, { signal }) };
        }
        case 'luaauth': {
          if (!q.sessionIds) throw invalidRequest('sessionIds: LuaAuth disconnects many sessions by their ids');
          // What LuaAuth said per session, not the number asked for (it documents only success: true).
          return describeDisconnects(await client.disconnectMany(q.sessionIds, { signal }));
        }
      }
    });
  }

  async scriptGet(q: Req<'scripts:get'>): Promise<ScriptView> {
    // Settings and the executions-per-day chart come from two routes; LuaAuth's 50/s leaves room for both.
    const [script, executions] = await Promise.all([
      this.ctx.call(q.accountId, (client, signal) => luaauth(client, 'script').script(q.scriptId, { signal })),
      this.ctx.call(q.accountId, (client, signal) => luaauth(client, 'script').executions(q.scriptId, { signal })),
    ]);
    return scriptView(script, executions);
  }

  /** Toggles, then reads the script back: the answer is the provider's fresh state, not our guess. */
  async scriptToggle(q: Req<'scripts:toggle'>): Promise<ScriptView> {
    await this.ctx.call(q.accountId, (client, signal) => luaauth(client, 'script switch').toggle(q.scriptId, q.enabled, { signal }));
    return this.scriptGet({ accountId: q.accountId, scriptId: q.scriptId });
  }

  async scriptEdit(q: Req<'scripts:edit'>): Promise<ScriptView> {
    await this.ctx.call(q.accountId, (client, signal) => luaauth(client, 'script edit').edit(q.scriptId, q.patch, { signal }));
    return this.scriptGet({ accountId: q.accountId, scriptId: q.scriptId });
  }
}
