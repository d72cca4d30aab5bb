import { describe, expect, it } from 'vitest';
import type { ChannelView } from '../../../shared/alert-channels';
import { channelStateWords } from './ChannelWords';

const retrying = (queued: number, lastError: string | null): ChannelView => ({
  id: 'c1',
  kind: 'discord',
  label: 'Team',
  enabled: true,
  kinds: [],
  scopeTypes: [],
  accountIds: [],
  respectQuietHours: true,
  maskedUrl: 'https://discord.com/…abcd',
  status: { state: 'retrying', lastDeliveredAt: null, lastFailedAt: 1, lastError, queued },
});

describe('channelStateWords while retrying', () => {
  it('says how many alerts wait only when some do', () => {
    expect(channelStateWords(retrying(0, 'could not connect')).text).toBe('Retrying: could not connect');
    expect(channelStateWords(retrying(0, null)).text).toBe('Retrying.');
    expect(channelStateWords(retrying(2, 'could not connect')).text).toBe('Retrying (2 waiting): could not connect');
  });
});
