import type { AlertRuleSpec, AlertScope } from './alerts';

/**
 * The places an alert can be sent besides the desktop: what each kind is called and what its URL
 * looks like. One source for these rules: settings, IPC validation, the CLI and the window read them.
 */

export const CHANNEL_KINDS = ['discord', 'webhook', 'ntfy'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export interface ChannelKindInfo {
  label: string;
  /** What to paste, in words, for the form hint and for errors. */
  urlHint: string;
}

export const CHANNEL_KIND_INFO: Record<ChannelKind, ChannelKindInfo> = {
  discord: {
    label: 'Discord webhook',
    urlHint: 'the webhook URL from Server Settings → Integrations → Webhooks (https://discord.com/api/webhooks/…)',
  },
  webhook: {
    label: 'JSON webhook',
    urlHint: 'an https URL that accepts a POST with a JSON body',
  },
  ntfy: {
    label: 'ntfy',
    urlHint: 'the topic URL, e.g. https://ntfy.sh/your-secret-topic',
  },
};

/** Longest channel URL accepted; checked before any parsing. */
export { CHANNEL_URL_MAX as MAX_CHANNEL_URL_LENGTH } from './input-limits';

/** Alert kinds and scope types a channel can choose from (all by default). */
export const CHANNEL_ALERT_KINDS = ['rise', 'threshold', 'drop', 'all_time_high'] as const satisfies ReadonlyArray<AlertRuleSpec['kind']>;
export const CHANNEL_SCOPE_TYPES = ['total', 'account', 'target'] as const satisfies ReadonlyArray<AlertScope['type']>;
export const MAX_CHANNELS = 20;
/** Accounts one channel may be limited to (the settings file and the window's requests). */
export const MAX_CHANNEL_ACCOUNTS = 200;

/** A channel as kept in settings. Its URL is not here: it is a secret, kept in the OS keychain. */
export interface ChannelConfig {
  id: string;
  kind: ChannelKind;
  label: string;
  enabled: boolean;
  kinds: Array<(typeof CHANNEL_ALERT_KINDS)[number]>;
  scopeTypes: Array<(typeof CHANNEL_SCOPE_TYPES)[number]>;
  /** Only alerts about these accounts (the grand total always passes); empty: every account. */
  accountIds: string[];
  /** Off: alerts raised during quiet hours still reach this channel (a pause always holds them). */
  respectQuietHours: boolean;
}

export interface ChannelStatus {
  state: 'idle' | 'ok' | 'retrying' | 'failing';
  lastDeliveredAt: number | null;
  lastFailedAt: number | null;
  /** The last failure in words (channel, HTTP status, the receiver's message); null after a success. */
  lastError: string | null;
  /** Messages waiting in this channel's queue. */
  queued: number;
}

/** What the window sees of a channel: never the URL, only a masked form of it. */
export interface ChannelView extends ChannelConfig {
  /** "https://discord.com/…abcd"; null when no URL is stored (keychain cleared). */
  maskedUrl: string | null;
  status: ChannelStatus;
}

export interface DeliveryResult {
  ok: boolean;
  attempts: number;
  status?: number;
  error?: string;
}

export type NewChannel = Pick<ChannelConfig, 'kind' | 'label'> &
  Partial<Pick<ChannelConfig, 'enabled' | 'kinds' | 'scopeTypes' | 'accountIds' | 'respectQuietHours'>> & { url: string };

export type ChannelPatch = Partial<Omit<ChannelConfig, 'id' | 'kind'>> & { id: string; url?: string };
