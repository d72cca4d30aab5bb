/**
 * Provider accounts: add, edit, remove, test a key, discover targets.
 * Settings hold everything but the key; the key goes to the SecretStore only
 * (the OS keychain, or an in-memory store for demo accounts) and never comes back
 * out of this module except into a provider client.
 */
import { randomBytes } from 'node:crypto';
import { explainError, type ProviderErrorInfo } from '../../shared/errors';
import { hasLoneSurrogate } from '../../shared/well-formed-text';
import type { AccountView, TestResult } from '../../shared/ipc-contract';
import type { AccountConfig, ProviderId, TargetConfig } from '../../shared/model';
import type { AnyClient } from '../providers/module';
import { stripTrailingSlashes } from '../providers/paths';
import { clientSettingsOf, sameClientSettings } from '../providers/assumption-registry';
import type { AccountAssumptionSettings } from '../../shared/provider-assumptions';
import type { ProviderModule } from '../providers/module';
import { defaultProviderRegistry, type ProviderRegistry } from '../providers/registry';
import type { ClientOptions } from '../providers/types';
import type { SecretStore } from '../secrets';
import type { Settings, SettingsStore } from '../settings';
import { CoreError, asProviderErrorInfo, invalidRequest } from '../core/core-errors';

export type ClientFactory = (provider: ProviderId, options: ClientOptions) => AnyClient;

export interface AddAccountRequest {
  label: string;
  provider: ProviderId;
  baseUrl?: string;
  key: string;
  targets: TargetConfig[];
  autoTargets?: boolean;
  /**
   * Refuse (nothing saved) when the provider rejects the key; the window sends it until the user
   * says "Add anyway". Without it a rejected key is a failed test on a saved account (the CLI).
   */
  keyMustWork?: boolean;
}

export interface UpdateAccountRequest {
  id: string;
  label?: string;
  baseUrl?: string;
  key?: string;
  targets?: TargetConfig[];
  autoTargets?: boolean;
  assumptions?: AccountAssumptionSettings;
}

/** Where account configs live: the settings store, or the demo list held in memory. */
export interface AccountsServiceOptions {
  settings: Pick<SettingsStore, 'get' | 'update'>;
  secrets: SecretStore;
  createClient: ClientFactory;
  /** What each provider is: target kinds, default server, key probe and discovery (default: the shipped ones). */
  registry?: ProviderRegistry;
  /** Ordinary-call timeout for test/discovery requests. */
  timeoutMs?: number;
  /**
   * Waits for room in an existing account's request budget before each Test/Discover request
   * (throws when there is none soon), so those clicks share the limits with polling and session actions.
   */
  throttle?: (account: AccountConfig) => Promise<void>;
  /** The provider answered 429 to such a request: the whole account respects the Retry-After. */
  onRateLimited?: (accountId: string, retryAfterMs: number | undefined) => void;
  /** Called after any change so polling and the snapshot follow. */
  onChange?: (change: { type: 'added' | 'updated' | 'removed'; accountId: string; keyChanged: boolean }) => void;
}

/** Demo accounts: never in settings, keys in memory only. */
export interface DemoAccounts {
  accounts: AccountConfig[];
  secrets: SecretStore;
}

function newAccountId(provider: ProviderId): string {
  // Series and tray items carry account ids as typed references, so any character would do; these ids
  // simply never need escaping in history keys (series-key.ts).
  return `${provider}-${randomBytes(5).toString('hex')}`;
}

function cleanTargets(targets: readonly TargetConfig[]): TargetConfig[] {
  const seen = new Set<string>();
  const out: TargetConfig[] = [];
  for (const t of targets) {
    const id = t.id.trim();
    const key = `${t.kind}:${id}`;
    if (!id || seen.has(key)) continue;
    seen.add(key);
    const label = t.label?.trim();
    out.push(label ? { kind: t.kind, id, label } : { kind: t.kind, id });
  }
  return out;
}

function normalizeBaseUrl(registry: ProviderRegistry, provider: ProviderId, baseUrl: string | undefined): string {
  const url = baseUrl?.trim() || registry.get(provider).descriptor.defaultBaseUrl;
  return stripTrailingSlashes(url);
}

/**
 * The overrides to store: only what differs from nothing (an empty object means "all defaults", stored
 * as no overrides). A route for a provider without an assumed one is refused, not kept unused.
 */
function cleanAssumptions(module: ProviderModule, request: AccountAssumptionSettings): AccountAssumptionSettings | undefined {
  const out: AccountAssumptionSettings = {};
  if (request.rateLimits !== undefined) out.rateLimits = request.rateLimits.map((l) => ({ max: l.max, windowSeconds: l.windowSeconds }));
  if (request.bulkMessageRoute !== undefined) {
    if (module.assumptions.defaults.bulkMessageRoute === undefined) {
      throw invalidRequest(`assumptions.bulkMessageRoute: ${module.descriptor.label} accounts have no bulk message route to change`);
    }
    out.bulkMessageRoute = request.bulkMessageRoute.trim();
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function failure(info: ProviderErrorInfo): TestResult {
  return { ok: false, error: info, explanation: explainError(info) };
}

/** More accounts than anyone runs; a bound so nothing can flood the keychain or the poller. */
export const MAX_ACCOUNTS = 50;

export class AccountsService {
  private demo: DemoAccounts | null = null;

  private readonly registry: ProviderRegistry;

  constructor(private readonly options: AccountsServiceOptions) {
    this.registry = options.registry ?? defaultProviderRegistry;
  }

  /** Turns demo accounts on (with their in-memory key store) or off. */
  setDemo(demo: DemoAccounts | null): void {
    this.demo = demo;
  }

  configured(): AccountConfig[] {
    return this.options.settings.get().accounts.map((a) => ({ ...a, targets: a.targets.map((t) => ({ ...t })) }));
  }

  all(): AccountConfig[] {
    return [...this.configured(), ...(this.demo?.accounts ?? [])];
  }

  isDemo(accountId: string): boolean {
    return this.demo?.accounts.some((a) => a.id === accountId) ?? false;
  }

  find(accountId: string): AccountConfig | undefined {
    return this.all().find((a) => a.id === accountId);
  }

  get(accountId: string): AccountConfig {
    const account = this.find(accountId);
    if (!account) throw invalidRequest(`accountId: no account with id "${accountId}"`);
    return account;
  }

  async views(): Promise<AccountView[]> {
    return Promise.all(this.all().map((a) => this.view(a)));
  }

  async view(account: AccountConfig): Promise<AccountView> {
    const demo = this.isDemo(account.id);
    const hasKey = (await this.storeFor(account.id).get(account.id).catch(() => null)) !== null;
    return viewOf(account, hasKey, demo);
  }

  /** The stored key of an account (main process only; used to build clients). */
  async keyOf(accountId: string): Promise<string | null> {
    return this.storeFor(accountId).get(accountId);
  }

  client(account: AccountConfig, key: string, extra: Partial<ClientOptions> = {}): AnyClient {
    return this.options.createClient(account.provider, {
      ...clientSettingsOf(account),
      apiKey: key,
      ...(this.options.timeoutMs !== undefined ? { timeoutMs: this.options.timeoutMs } : {}),
      ...extra,
    });
  }

  async add(request: AddAccountRequest): Promise<{ account: AccountView; test: TestResult }> {
    const provider = request.provider;
    if (!this.registry.has(provider)) throw invalidRequest(`provider: must be one of ${this.registry.ids().join(', ')}`);
    if (this.configured().length >= MAX_ACCOUNTS) {
      throw invalidRequest(`accounts: Pulsebar watches at most ${MAX_ACCOUNTS} accounts; remove one first`);
    }
    const targets = cleanTargets(request.targets);
    this.checkKinds(provider, targets);
    checkText('label', request.label);
    for (const t of targets) {
      checkText('target id', t.id);
      if (t.label !== undefined) checkText('target label', t.label);
    }
    const existing = new Set(this.all().map((a) => a.id));
    let id = newAccountId(provider);
    while (existing.has(id)) id = newAccountId(provider);
    const account: AccountConfig = {
      id,
      label: request.label.trim(),
      provider,
      baseUrl: normalizeBaseUrl(this.registry, provider, request.baseUrl),
      targets,
      ...(this.registry.get(provider).descriptor.autoTargets ? { autoTargets: request.autoTargets ?? targets.length === 0 } : {}),
    };
    // Validated before anything is saved: building the client checks the base URL and the key the
    // way every request will (a ProviderError of kind invalid_input names what is wrong).
    this.client(account, request.key);
    // Tested before anything is saved, so a refusal leaves nothing behind; a network failure or an
    // outage is no refusal (the user may be offline), only a rejected key is.
    const early = request.keyMustWork ? await this.testWith(account, request.key) : null;
    if (early && !early.ok && early.error?.kind === 'unauthorized') {
      // Kind 'unauthorized' (not invalid_request): the window tells a rejected key from a malformed one.
      throw new CoreError('unauthorized', `key: ${explainError(early.error).title} Nothing was added.`, { provider });
    }
    // Key first: if the keychain refuses, nothing half-made is left in settings.
    await this.options.secrets.set(id, request.key);
    const undo = async (): Promise<void> => {
      await this.options.settings
        .update((s: Settings) => ({ ...s, accounts: s.accounts.filter((a) => a.id !== id) }))
        .catch(() => undefined);
      await this.options.secrets.delete(id).catch(() => false);
    };
    try {
      await this.options.settings.update((s: Settings) => ({ ...s, accounts: [...s.accounts, account] }));
    } catch (error) {
      await undo();
      throw error;
    }
    let test: TestResult;
    try {
      // A provider refusal is a result (the account stays, with the failed test shown); anything
      // thrown is not, and must not leave a saved account nobody was told about (no onChange).
      test = early ?? (await this.testWith(account, request.key));
    } catch (error) {
      await undo();
      throw error;
    }
    this.options.onChange?.({ type: 'added', accountId: id, keyChanged: true });
    return { account: viewOf(account, true, false), test };
  }

  async update(request: UpdateAccountRequest): Promise<AccountView> {
    if (this.isDemo(request.id)) throw invalidRequest('id: demo accounts cannot be edited; add your own account instead');
    const current = this.configured().find((a) => a.id === request.id);
    if (!current) throw invalidRequest(`id: no account with id "${request.id}"`);
    const next: AccountConfig = { ...current };
    if (request.label !== undefined) next.label = request.label.trim();
    if (request.baseUrl !== undefined) next.baseUrl = normalizeBaseUrl(this.registry, current.provider, request.baseUrl);
    if (request.targets !== undefined) {
      next.targets = cleanTargets(request.targets);
      this.checkKinds(current.provider, next.targets);
    }
    if (request.autoTargets !== undefined && this.registry.get(current.provider).descriptor.autoTargets) next.autoTargets = request.autoTargets;
    if (request.assumptions !== undefined) {
      const assumptions = cleanAssumptions(this.registry.get(current.provider), request.assumptions);
      if (assumptions) next.assumptions = assumptions;
      else delete next.assumptions;
    }
    // A stored key only ever goes to the host it was entered for: moving an account elsewhere needs the key again.
    if (request.key === undefined && !sameOrigin(next.baseUrl, current.baseUrl)) {
      throw invalidRequest('key: enter the API key again to move this account to another server (the stored key is only sent to the server it was added for)');
    }
    if (request.key !== undefined) await this.options.secrets.set(current.id, request.key);
    await this.options.settings.update((s: Settings) => ({
      ...s,
      accounts: s.accounts.map((a) => (a.id === current.id ? next : a)),
    }));
    // A changed route needs a new client too (built from the same stored key).
    const keyChanged = request.key !== undefined || !sameClientSettings(next, current);
    this.options.onChange?.({ type: 'updated', accountId: current.id, keyChanged });
    return this.view(next);
  }

  async remove(accountId: string): Promise<void> {
    if (this.isDemo(accountId)) throw invalidRequest('id: demo accounts go away when demo mode is turned off');
    if (!this.configured().some((a) => a.id === accountId)) throw invalidRequest(`id: no account with id "${accountId}"`);
    await this.options.settings.update((s: Settings) => ({ ...s, accounts: s.accounts.filter((a) => a.id !== accountId) }));
    await this.options.secrets.delete(accountId);
    this.options.onChange?.({ type: 'removed', accountId, keyChanged: true });
  }

  /** accounts:test: a new key (before adding) or the stored key of an existing account. */
  async test(request: { provider: ProviderId; baseUrl?: string; key?: string; accountId?: string }): Promise<TestResult> {
    let account: AccountConfig;
    let key = request.key;
    if (request.accountId !== undefined) {
      const stored = this.get(request.accountId);
      if (stored.provider !== request.provider) {
        throw invalidRequest(`provider: account "${stored.label}" is a ${this.registry.get(stored.provider).descriptor.label} account`);
      }
      account = { ...stored, baseUrl: request.baseUrl ? normalizeBaseUrl(this.registry, stored.provider, request.baseUrl) : stored.baseUrl };
      if (key === undefined) {
        if (!sameOrigin(account.baseUrl, stored.baseUrl)) {
          throw invalidRequest('key: enter the API key to test another server (the stored key is only sent to the server it was added for)');
        }
        key = (await this.keyOf(stored.id)) ?? undefined;
      }
    } else {
      account = {
        id: 'unsaved',
        label: 'unsaved',
        provider: request.provider,
        baseUrl: normalizeBaseUrl(this.registry, request.provider, request.baseUrl),
        targets: [],
      };
    }
    if (!key) throw invalidRequest('key: a key is needed to test (none given and none stored)');
    if (request.accountId === undefined) return this.testWith(account, key);
    // An existing account: its test request comes out of the account's budget like any user action.
    await this.options.throttle?.(account);
    return this.noteRateLimit(request.accountId, await this.testWith(account, key));
  }

  private noteRateLimit(accountId: string, result: TestResult): TestResult {
    if (!result.ok && result.error?.kind === 'rate_limited') this.options.onRateLimited?.(accountId, result.error.retryAfterMs);
    return result;
  }

  /** One request that proves the key works, chosen by the provider's probe (providers/<id>/probe.ts). */
  async testWith(account: AccountConfig, key: string): Promise<TestResult> {
    const client = this.client(account, key);
    try {
      return await this.registry.get(account.provider).probe.test(account, client);
    } catch (error) {
      const info = asProviderErrorInfo(error);
      if (!info) throw error;
      return failure(info);
    }
  }

  /** accounts:discover: targets this key can see, with names where the provider gives them. */
  async discover(accountId: string): Promise<TestResult> {
    return this.noteRateLimit(accountId, await this.discoverWith(accountId));
  }

  private async discoverWith(accountId: string): Promise<TestResult> {
    const account = this.get(accountId);
    const key = await this.keyOf(accountId);
    if (!key) throw invalidRequest(`id: account "${account.label}" has no key stored; edit it to enter the key again`);
    const client = this.client(account, key);
    // Every request of the discovery first waits for room in the account's budget.
    const budget = async (): Promise<void> => this.options.throttle?.(account);
    try {
      return await this.registry.get(account.provider).probe.discover({ account, client, budget });
    } catch (error) {
      const info = asProviderErrorInfo(error);
      if (!info) throw error;
      return failure(info);
    }
  }

  private storeFor(accountId: string): SecretStore {
    return this.demo && this.isDemo(accountId) ? this.demo.secrets : this.options.secrets;
  }

  private checkKinds(provider: ProviderId, targets: readonly TargetConfig[]): void {
    const { descriptor } = this.registry.get(provider);
    const allowed = new Set(descriptor.targetKinds.map((k) => k.kind));
    const bad = targets.find((t) => !allowed.has(t.kind));
    if (bad) {
      throw invalidRequest(`targets: ${descriptor.label} targets must be ${[...allowed].join(' or ')} (got "${bad.kind}")`);
    }
  }
}

/** Refuses text that cannot be sent or stored faithfully (the IPC edge does too; the CLI calls in here directly). */
function checkText(what: string, value: string): void {
  if (hasLoneSurrogate(value)) {
    throw invalidRequest(`${what}: holds a broken Unicode character (half of a surrogate pair); type or paste it again`);
  }
}

/** Same scheme, host and port: where a stored key may be sent. */
function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

export function viewOf(account: AccountConfig, hasKey: boolean, demo: boolean): AccountView {
  const view: AccountView = {
    id: account.id,
    label: account.label,
    provider: account.provider,
    baseUrl: account.baseUrl,
    targets: account.targets.map((t) => ({ ...t })),
    hasKey,
    demo,
  };
  if (account.autoTargets !== undefined) view.autoTargets = account.autoTargets;
  if (account.assumptions !== undefined) view.assumptions = structuredClone(account.assumptions);
  return view;
}
