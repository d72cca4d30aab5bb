import type { z } from 'zod';
import type { AlertEvent } from '../../../shared/alerts';
import type { SecretStore } from '../../secrets';
import { channelConfigSchema, channelSecretId, type ChannelConfig } from './channel-config';
import { createChannelDelivery, type ChannelDelivery, type ChannelDeliveryOptions, type ChannelEndpoint } from './channel-delivery';
import {
  CHANNEL_KIND_INFO,
  MAX_CHANNELS,
  type ChannelKind,
  type ChannelPatch,
  type ChannelStatus,
  type ChannelView,
  type DeliveryResult,
  type NewChannel,
} from '../../../shared/alert-channels';
import { testEvent } from './channel-payloads';
import { routeAlerts, type RouteContext } from './channel-router';
import { checkChannelUrl, maskChannelUrl } from './channel-url';

/**
 * Alert channels as the app and the CLI use them: configs from settings, URLs from the keychain
 * (held in memory once read), delivery in the background. The window only ever sees a masked URL.
 */

/** A channel config the schema refused, as "field: what is wrong" for each issue. */
function refusal(error: z.ZodError): ChannelError {
  return new ChannelError(error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
}

export class ChannelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChannelError';
  }
}

export interface ChannelServiceOptions {
  /** The channels in settings, read on every use so an edit applies at once. */
  channels: () => readonly ChannelConfig[];
  /** Writes the channel list back to settings. */
  save: (next: ChannelConfig[]) => Promise<void>;
  secrets: SecretStore;
  now?: () => number;
  /** Delivery settings (tests pass a sleep that does not wait); the service adds its own status listener. */
  delivery?: Omit<ChannelDeliveryOptions, 'onStatus' | 'now'>;
  newId?: () => string;
  onStatus?: (channelId: string, status: ChannelStatus) => void;
  /**
   * Channels given from outside (the CLI's PULSEBAR_*_URL variables): they replace the configured
   * ones and cannot be edited.
   */
  fixed?: ReadonlyArray<{ config: ChannelConfig; url: string }>;
}

export class ChannelService {
  private readonly delivery: ChannelDelivery;
  private readonly urls = new Map<string, string>();
  private readonly now: () => number;
  /** Keychain look-ups of deliveries not yet queued; idle() waits for them too. */
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly options: ChannelServiceOptions) {
    this.now = options.now ?? Date.now;
    this.delivery = createChannelDelivery({ ...options.delivery, now: this.now, ...(options.onStatus ? { onStatus: options.onStatus } : {}) });
    for (const f of options.fixed ?? []) this.urls.set(f.config.id, f.url);
  }

  private configs(): readonly ChannelConfig[] {
    return this.options.fixed ? this.options.fixed.map((f) => f.config) : this.options.channels();
  }

  private find(id: string): ChannelConfig {
    const found = this.configs().find((c) => c.id === id);
    if (!found) throw new ChannelError(`id: no alert channel with id "${id}"`);
    return found;
  }

  private editable(): void {
    if (this.options.fixed) throw new ChannelError('The channels come from PULSEBAR_* environment variables here and cannot be edited.');
  }

  private async urlOf(id: string): Promise<string | null> {
    const known = this.urls.get(id);
    if (known !== undefined) return known;
    const stored = await this.options.secrets.get(channelSecretId(id));
    if (stored !== null) this.urls.set(id, stored);
    return stored;
  }

  private checkUrl(kind: ChannelKind, url: string): string {
    const check = checkChannelUrl(kind, url);
    if (!check.ok) throw new ChannelError(`url: ${check.problem}`);
    return check.url;
  }

  /** What the window may see of a channel: its URL masked, never whole. */
  private viewOf(config: ChannelConfig, url: string | null): ChannelView {
    return { ...config, maskedUrl: url === null ? null : maskChannelUrl(url), status: this.delivery.status(config.id) };
  }

  async list(): Promise<ChannelView[]> {
    const views: ChannelView[] = [];
    for (const config of this.configs()) {
      const url = await this.urlOf(config.id).catch(() => null);
      views.push(this.viewOf(config, url));
    }
    return views;
  }

  async add(request: NewChannel): Promise<ChannelView> {
    this.editable();
    const existing = this.configs();
    if (existing.length >= MAX_CHANNELS) throw new ChannelError(`At most ${MAX_CHANNELS} alert channels; remove one first.`);
    const url = this.checkUrl(request.kind, request.url);
    const { url: _secret, ...rest } = request;
    const parsed = channelConfigSchema.safeParse({ ...rest, id: this.options.newId?.() ?? `ch-${this.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}` });
    if (!parsed.success) throw refusal(parsed.error);
    const config = parsed.data;
    // URL first: a channel in settings without its URL would be a channel that silently never fires.
    await this.options.secrets.set(channelSecretId(config.id), url);
    this.urls.set(config.id, url);
    try {
      await this.options.save([...existing, config]);
    } catch (error) {
      this.urls.delete(config.id);
      await this.options.secrets.delete(channelSecretId(config.id)).catch(() => undefined);
      throw error;
    }
    return this.viewOf(config, url);
  }

  async update(patch: ChannelPatch): Promise<ChannelView> {
    this.editable();
    const current = this.find(patch.id);
    const { url: newUrl, id: _id, ...changes } = patch;
    const parsed = channelConfigSchema.safeParse({ ...current, ...changes, id: current.id, kind: current.kind });
    if (!parsed.success) throw refusal(parsed.error);
    if (newUrl !== undefined) {
      const url = this.checkUrl(current.kind, newUrl);
      await this.options.secrets.set(channelSecretId(current.id), url);
      this.urls.set(current.id, url);
    }
    await this.options.save(this.configs().map((c) => (c.id === current.id ? parsed.data : c)));
    const url = await this.urlOf(current.id);
    return this.viewOf(parsed.data, url);
  }

  async remove(id: string): Promise<void> {
    this.editable();
    this.find(id);
    await this.options.save(this.configs().filter((c) => c.id !== id));
    this.urls.delete(id);
    this.delivery.forget(id);
    await this.options.secrets.delete(channelSecretId(id));
  }

  private async endpoint(config: ChannelConfig): Promise<ChannelEndpoint | string> {
    const url = await this.urlOf(config.id).catch(() => null);
    if (url === null) return `${config.label} (${CHANNEL_KIND_INFO[config.kind].label}): no URL is stored for it; edit the channel and paste the URL again.`;
    return { id: config.id, label: config.label, kind: config.kind, url };
  }

  /** "Send test": one test alert to one channel, whatever its filters say; resolves with the outcome. */
  async test(id: string): Promise<DeliveryResult> {
    const endpoint = await this.endpoint(this.find(id));
    if (typeof endpoint === 'string') return { ok: false, attempts: 0, error: endpoint };
    return this.delivery.send(endpoint, { events: [testEvent(this.now())], test: true });
  }

  /** One test alert to every channel (the CLI's `channels test`), in list order. */
  async testAll(): Promise<Array<{ channel: ChannelConfig; result: DeliveryResult }>> {
    return Promise.all(this.configs().map(async (channel) => ({ channel, result: await this.test(channel.id) })));
  }

  /** One poll cycle's alerts: routed and queued, never awaited by the caller. */
  deliver(events: readonly AlertEvent[], context: RouteContext): void {
    if (events.length === 0) return;
    const configs = this.configs();
    const routes = routeAlerts(configs, events, context);
    for (const [id, mine] of routes) {
      const config = configs.find((c) => c.id === id)!;
      const queued = this.endpoint(config).then((endpoint) => {
        if (typeof endpoint !== 'string') this.delivery.enqueue(endpoint, { events: mine });
      });
      this.pending.add(queued);
      void queued.finally(() => this.pending.delete(queued));
    }
  }

  async idle(): Promise<void> {
    await Promise.all([...this.pending]);
    await this.delivery.idle();
  }

  close(): void {
    this.delivery.close();
  }
}
