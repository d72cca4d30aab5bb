import { z } from 'zod';
import { CHANNEL_ALERT_KINDS, CHANNEL_KINDS, CHANNEL_SCOPE_TYPES, MAX_CHANNEL_ACCOUNTS, type ChannelConfig } from '../../../shared/alert-channels';
import { ID_MAX } from '../../../shared/input-limits';

/**
 * A channel as kept in settings.json. Its URL is not here: it is a secret and lives in the OS
 * keychain under `channelSecretId(id)`.
 */

export const channelConfigSchema = z.object({
  id: z.string().trim().min(1).max(64),
  kind: z.enum(CHANNEL_KINDS),
  label: z.string().trim().min(1).max(100),
  enabled: z.boolean().default(true),
  /** Which alert kinds it gets; all by default. */
  kinds: z.array(z.enum(CHANNEL_ALERT_KINDS)).max(CHANNEL_ALERT_KINDS.length).default(() => [...CHANNEL_ALERT_KINDS]),
  /** Which scopes it gets: the grand total, account totals, single scripts/hubs; all by default. */
  scopeTypes: z.array(z.enum(CHANNEL_SCOPE_TYPES)).max(CHANNEL_SCOPE_TYPES.length).default(() => [...CHANNEL_SCOPE_TYPES]),
  /** Only alerts about these accounts (the grand total always passes); empty: every account. */
  accountIds: z.array(z.string().min(1).max(ID_MAX)).max(MAX_CHANNEL_ACCOUNTS).default(() => []),
  /** Off: alerts raised during quiet hours still reach this channel (a pause always holds them). */
  respectQuietHours: z.boolean().default(true),
}) satisfies z.ZodType<ChannelConfig, unknown>;

export type { ChannelConfig };

/** The keychain entry of a channel's URL; the prefix keeps it apart from account ids. */
export function channelSecretId(channelId: string): string {
  return `channel:${channelId}`;
}
