import { z } from 'zod';
import type { AlertRuleSpec, AlertScope } from '../../../shared/alerts';
import { CHANNEL_KINDS } from './channel-kinds';

/**
 * A channel as kept in settings.json. Its URL is not here: it is a secret and lives in the OS
 * keychain under `channelSecretId(id)`.
 */

export const ALERT_KINDS = ['rise', 'threshold', 'drop', 'all_time_high'] as const satisfies ReadonlyArray<AlertRuleSpec['kind']>;
export const SCOPE_TYPES = ['total', 'account', 'target'] as const satisfies ReadonlyArray<AlertScope['type']>;
export const MAX_CHANNELS = 20;

export const channelConfigSchema = z.object({
  id: z.string().trim().min(1).max(64),
  kind: z.enum(CHANNEL_KINDS),
  label: z.string().trim().min(1).max(100),
  enabled: z.boolean().default(true),
  /** Which alert kinds it gets; all by default. */
  kinds: z.array(z.enum(ALERT_KINDS)).max(ALERT_KINDS.length).default(() => [...ALERT_KINDS]),
  /** Which scopes it gets: the grand total, account totals, single scripts/hubs; all by default. */
  scopeTypes: z.array(z.enum(SCOPE_TYPES)).max(SCOPE_TYPES.length).default(() => [...SCOPE_TYPES]),
  /** Only alerts about these accounts (the grand total always passes); empty: every account. */
  accountIds: z.array(z.string().min(1).max(200)).max(200).default(() => []),
  /** Off: alerts raised during quiet hours still reach this channel (a pause always holds them). */
  respectQuietHours: z.boolean().default(true),
});

export type ChannelConfig = z.infer<typeof channelConfigSchema>;

/** The keychain entry of a channel's URL; the prefix keeps it apart from account ids. */
export function channelSecretId(channelId: string): string {
  return `channel:${channelId}`;
}
