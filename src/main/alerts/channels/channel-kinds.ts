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

/** Longest channel URL accepted (Discord's are ~120 characters); checked before any parsing. */
export const MAX_CHANNEL_URL_LENGTH = 2_048;
