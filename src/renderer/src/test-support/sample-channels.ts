import type { ChannelView } from '../../../shared/alert-channels';

/** An alert channel as main lists it: every kind and scope, URL masked, nothing sent yet. */
export const sampleChannel = (over: Partial<ChannelView> = {}): ChannelView => ({
  id: 'c1',
  kind: 'discord',
  label: 'Phone',
  enabled: true,
  kinds: ['rise', 'threshold', 'drop', 'all_time_high'],
  scopeTypes: ['total', 'account', 'target'],
  accountIds: [],
  respectQuietHours: true,
  maskedUrl: 'https://discord.com/…abcd',
  status: { state: 'idle', lastDeliveredAt: null, lastFailedAt: null, lastError: null, queued: 0 },
  ...over,
});
