/**
 * The one action service of the window (IPC handlers) and the command line: session
 * lists, details, messages, disconnects, bulk actions and script switches. Each provider's module
 * (providers/<id>/actions.ts) has only the actions it really has; the others answer
 * invalid_input in its words. Every request goes through the caller's `call`: the
 * account's rate budget as a user action in the app, a short-retry wrapper in the CLI.
 */
import type { IpcRequests, RequestOf, ResponseOf, ScriptPatch, ScriptView } from '../../shared/ipc-contract';
import type { AccountConfig, SessionPage, TargetKind } from '../../shared/model';
import { missingActionText } from '../../shared/provider-descriptor';
import type { ActionModule, AnyClient, ProviderModule } from '../providers/module';
import type { DisconnectOutcome } from '../providers/luaauth/bulk';
import { defaultProviderRegistry, type ProviderRegistry } from '../providers/registry';
import type { CallOptions, LuaAuthScript } from '../providers/types';
import { providerInvalidInput } from '../core/core-errors';
import { readSessionGroups } from './session-groups-read';

type Req<C extends keyof IpcRequests> = RequestOf<C>;
type Res<C extends keyof IpcRequests> = ResponseOf<C>;

export interface ActionContext {
  account(accountId: string): AccountConfig;
  /** Runs `fn` with the account's client once the budget allows a user request. */
  call<T>(accountId: string, fn: (client: AnyClient, signal: AbortSignal | undefined) => Promise<T>, opId?: string): Promise<T>;
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

export class ActionService {
  constructor(
    private readonly ctx: ActionContext,
    private readonly registry: ProviderRegistry = defaultProviderRegistry,
  ) {}

  private moduleOf(accountId: string): ProviderModule {
    return this.registry.get(this.ctx.account(accountId).provider);
  }

  /** The action `pick` chooses from the account's provider, or a refusal in that provider's words. */
  private action<A>(accountId: string, pick: (actions: ActionModule) => A | undefined, name: string): A {
    const module = this.moduleOf(accountId);
    const found = pick(module.actions);
    if (found === undefined) throw providerInvalidInput(module.descriptor.id, missingActionText(module.descriptor, name));
    return found;
  }

  /**
   * `targetKind` (CLI) names what the id is when it is not a watched target (a LuaProt user key
   * listed with --key); otherwise the account's target with that id says.
   */
  async list(q: Req<'sessions:list'> & { targetKind?: TargetKind }): Promise<Res<'sessions:list'>> {
    const account = this.ctx.account(q.accountId);
    const watched = account.targets.find((t) => t.id === q.targetId);
    const target = q.targetKind ? { kind: q.targetKind, id: q.targetId } : watched;
    const { actions } = this.moduleOf(q.accountId);
    let lines: string[] = [];
    const read = (signal: AbortSignal | undefined): CallOptions => ({
      ...(signal ? { signal } : {}),
      onReadNotes: (notes) => (lines = notes.lines()),
    });
    const { targetKind: _kind, ...query } = q;
    const page = await this.ctx.call(q.accountId, (client, signal): Promise<SessionPage> => actions.list(client, query, target, read(signal)));
    this.ctx.noteListRead?.(q.accountId, lines);
    return page;
  }

  /** Every live session of a target, grouped; each page is its own budgeted request. */
  async groups(q: Req<'sessions:groups'>): Promise<Res<'sessions:groups'>> {
    const account = this.ctx.account(q.accountId);
    const target = account.targets.find((t) => t.id === q.targetId);
    return readSessionGroups((fn) => this.ctx.call(q.accountId, fn), this.moduleOf(q.accountId), target, q.targetId);
  }

  async info(q: Req<'sessions:info'>): Promise<Res<'sessions:info'>> {
    const info = this.action(q.accountId, (a) => a.info, 'session info');
    return this.ctx.call(q.accountId, (client, signal) => info(client, q.sessionId, { signal }));
  }

  async message(q: Req<'sessions:message'>): Promise<Res<'sessions:message'>> {
    const message = this.action(q.accountId, (a) => a.message, 'message');
    return this.ctx.call(q.accountId, (client, signal) => message(client, q, { signal }), q.opId);
  }

  async disconnect(q: Req<'sessions:disconnect'>): Promise<Res<'sessions:disconnect'>> {
    const disconnect = this.action(q.accountId, (a) => a.disconnect, 'disconnect');
    return this.ctx.call(q.accountId, (client, signal) => disconnect(client, q.sessionId, { signal }));
  }

  async messageMany(q: Req<'sessions:messageMany'>): Promise<Res<'sessions:messageMany'>> {
    const messageMany = this.action(q.accountId, (a) => a.messageMany, 'bulk message');
    return this.ctx.call(q.accountId, (client, signal) => messageMany(client, q, { signal }), q.opId);
  }

  async disconnectMany(q: Req<'sessions:disconnectMany'>): Promise<Res<'sessions:disconnectMany'>> {
    const { outcomes: _perSession, ...answer } = await this.disconnectManyDetailed(q);
    return answer;
  }

  /** As disconnectMany, with what the provider said per session where it says (the CLI's --json). */
  async disconnectManyDetailed(q: Req<'sessions:disconnectMany'>): Promise<Res<'sessions:disconnectMany'> & { outcomes?: DisconnectOutcome[] }> {
    const disconnectMany = this.action(q.accountId, (a) => a.disconnectMany, 'bulk disconnect');
    return this.ctx.call(q.accountId, (client, signal) => disconnectMany(client, q, { signal }));
  }

  /** A script's settings as the provider gives them (no executions chart). */
  async scriptInfo(q: Req<'scripts:get'>): Promise<LuaAuthScript> {
    const scripts = this.action(q.accountId, (a) => a.scripts, 'script');
    return this.ctx.call(q.accountId, (client, signal) => scripts.info(client, q.scriptId, { signal }));
  }

  /** Applies setting edits, then the switch, without reading the script back. */
  async scriptSet(q: { accountId: string; scriptId: string; patch?: ScriptPatch; enabled?: boolean }): Promise<void> {
    if (q.patch && Object.keys(q.patch).length > 0) {
      const scripts = this.action(q.accountId, (a) => a.scripts, 'script edit');
      await this.ctx.call(q.accountId, (client, signal) => scripts.edit(client, q.scriptId, q.patch!, { signal }));
    }
    if (q.enabled !== undefined) {
      const scripts = this.action(q.accountId, (a) => a.scripts, 'script switch');
      await this.ctx.call(q.accountId, (client, signal) => scripts.toggle(client, q.scriptId, q.enabled!, { signal }));
    }
  }

  async scriptGet(q: Req<'scripts:get'>): Promise<ScriptView> {
    const scripts = this.action(q.accountId, (a) => a.scripts, 'script');
    // Settings and the executions-per-day chart come from two routes; LuaAuth's 50/s leaves room for both.
    const [script, executions] = await Promise.all([
      this.ctx.call(q.accountId, (client, signal) => scripts.info(client, q.scriptId, { signal })),
      this.ctx.call(q.accountId, (client, signal) => scripts.executions(client, q.scriptId, { signal })),
    ]);
    return scriptView(script, executions);
  }

  /** Toggles, then reads the script back: the answer is the provider's fresh state, not our guess. */
  async scriptToggle(q: Req<'scripts:toggle'>): Promise<ScriptView> {
    const scripts = this.action(q.accountId, (a) => a.scripts, 'script switch');
    await this.ctx.call(q.accountId, (client, signal) => scripts.toggle(client, q.scriptId, q.enabled, { signal }));
    return this.scriptGet({ accountId: q.accountId, scriptId: q.scriptId });
  }

  async scriptEdit(q: Req<'scripts:edit'>): Promise<ScriptView> {
    const scripts = this.action(q.accountId, (a) => a.scripts, 'script edit');
    await this.ctx.call(q.accountId, (client, signal) => scripts.edit(client, q.scriptId, q.patch, { signal }));
    return this.scriptGet({ accountId: q.accountId, scriptId: q.scriptId });
  }
}
