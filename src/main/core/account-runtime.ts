import type { AccountConfig } from '../../shared/model';
import type { AccountsService } from '../app/accounts';
import type { Poller } from '../polling/poller';
import type { AnyClient } from '../providers/module';
import { sameClientSettings } from '../providers/assumption-registry';
import type { AccountStatuses } from './account-status';
import { invalidRequest, providerErrorInfo } from './core-errors';
import type { MonitorService } from './monitor-service';

export interface AccountRuntimeOptions {
  accounts: AccountsService;
  poller: Pick<Poller, 'ids' | 'remove' | 'upsert' | 'status'>;
  statuses: AccountStatuses;
  monitor: () => MonitorService | null;
  /** Whether polling is held (an account not polled yet shows "paused", not "idle"). */
  paused: () => boolean;
  /** After a sync: hold new accounts if polling is paused, and commit. */
  afterSync: () => void;
}

/**
 * The running side of the accounts: one provider client per account (made again only when its
 * key or base URL changed), the poller's account list and the monitor's, kept in line with the
 * accounts (settings + demo).
 */
export class AccountRuntime {
  private readonly clients = new Map<string, { client: AnyClient; settings: Pick<AccountConfig, 'baseUrl' | 'assumptions'>; key: string }>();

  constructor(private readonly options: AccountRuntimeOptions) {}

  /** Brings the poller and the monitor in line with the accounts. */
  async sync(): Promise<void> {
    const { accounts, poller, statuses } = this.options;
    const all = accounts.all();
    const ids = new Set(all.map((a) => a.id));
    for (const id of poller.ids()) if (!ids.has(id)) this.drop(id);
    statuses.clearUnpollable();
    for (const account of all) {
      const client = await this.pollableClient(account);
      if (client) poller.upsert(account, client);
      else this.drop(account.id);
    }
    const views = await Promise.all(all.map((a) => accounts.view(a)));
    this.options.monitor()?.setAccounts(views, (id) => statuses.statusOf(id, poller.status(id), this.options.paused()));
    statuses.publishUnpollable();
    this.options.afterSync();
  }

  /** The client for a user action; made now when polling has none (an account added while paused). */
  async clientFor(accountId: string): Promise<AnyClient> {
    const account = this.options.accounts.get(accountId);
    const cached = this.clients.get(accountId);
    if (cached) return cached.client;
    const key = await this.options.accounts.keyOf(accountId);
    if (!key) throw invalidRequest(`accountId: account "${account.label}" has no key stored; edit it to enter the key again`);
    return this.makeClient(account, key);
  }

  /** The account's key changed: its next client is made afresh. */
  forgetClient(accountId: string): void {
    this.clients.delete(accountId);
  }

  /** Stops polling an account and forgets its client. */
  drop(accountId: string): void {
    this.options.poller.remove(accountId);
    this.clients.delete(accountId);
  }

  /** The account's client, or null (and the reason noted) when it cannot be polled. */
  private async pollableClient(account: AccountConfig): Promise<AnyClient | null> {
    const { accounts, statuses } = this.options;
    const key = await accounts.keyOf(account.id).catch(() => null);
    if (!key) {
      statuses.markUnpollable(account.id);
      return null;
    }
    const cached = this.clients.get(account.id);
    // A changed base URL or bulk-message route (an assumption setting) needs a new client.
    if (cached && cached.key === key && sameClientSettings(cached.settings, account)) return cached.client;
    try {
      return this.makeClient(account, key);
    } catch (error) {
      // One account with a key or URL the client refuses (e.g. saved by an older version) must not stop the rest.
      const info = providerErrorInfo(error);
      statuses.markUnpollable(account.id, {
        title: info ? `This account cannot be used: ${info.message}` : 'This account cannot be used.',
        advice: 'Edit the account: check its base URL and enter its key again.',
      });
      return null;
    }
  }

  /** The one place the core makes a provider client (polling and user actions alike). */
  private makeClient(account: AccountConfig, key: string): AnyClient {
    const client = this.options.accounts.client(account, key);
    this.clients.set(account.id, { client, key, settings: { baseUrl: account.baseUrl, ...(account.assumptions ? { assumptions: account.assumptions } : {}) } });
    return client;
  }
}
