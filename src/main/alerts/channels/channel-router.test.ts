import { describe, expect, it } from 'vitest';
import type { AlertEvent } from '../../../shared/alerts';
import { channelConfigSchema, type ChannelConfig } from './channel-config';
import { routeAlerts } from './channel-router';

const event = (over: Partial<AlertEvent>): AlertEvent => ({
  id: 'e',
  ruleId: 'r',
  kind: 'rise',
  scope: { type: 'total' },
  subject: 'All accounts',
  at: 0,
  value: 10,
  reference: 5,
  message: 'up',
  silenced: false,
  ...over,
});
const channel = (over: Partial<ChannelConfig>): ChannelConfig => channelConfigSchema.parse({ id: 'c', kind: 'discord', label: 'D', ...over });

const total = event({ id: 'total' });
const acctA = event({ id: 'a', scope: { type: 'account', accountId: 'A' } });
const targetB = event({ id: 'b', kind: 'drop', scope: { type: 'target', accountId: 'B', targetId: 't' } });
const quietOne = event({ id: 'q', silenced: true });
const ids = (m: Map<string, AlertEvent[]>, c: string) => (m.get(c) ?? []).map((e) => e.id);

describe('routing alerts to channels', () => {
  it('defaults to every kind and scope', () => {
    const routes = routeAlerts([channel({})], [total, acctA, targetB], { paused: false, quiet: false });
    expect(ids(routes, 'c')).toEqual(['total', 'a', 'b']);
  });

  it('filters by kind, scope type and account; the grand total passes any account filter', () => {
    const channels = [
      channel({ id: 'drops', kinds: ['drop'] }),
      channel({ id: 'totals', scopeTypes: ['total'] }),
      channel({ id: 'onlyA', accountIds: ['A'] }),
    ];
    const routes = routeAlerts(channels, [total, acctA, targetB], { paused: false, quiet: false });
    expect(ids(routes, 'drops')).toEqual(['b']);
    expect(ids(routes, 'totals')).toEqual(['total']);
    expect(ids(routes, 'onlyA')).toEqual(['total', 'a']);
  });

  it('holds quiet-hour alerts unless the channel ignores quiet hours; a pause holds everything; disabled gets nothing', () => {
    const channels = [channel({ id: 'polite' }), channel({ id: 'pager', respectQuietHours: false }), channel({ id: 'off', enabled: false })];
    const quiet = routeAlerts(channels, [quietOne], { paused: false, quiet: true });
    expect(ids(quiet, 'polite')).toEqual([]);
    expect(ids(quiet, 'pager')).toEqual(['q']);
    expect(quiet.has('off')).toBe(false);
    expect(routeAlerts(channels, [total, quietOne], { paused: true, quiet: true }).size).toBe(0);
    // Silenced outside quiet hours can only mean paused: no channel gets it.
    expect(ids(routeAlerts(channels, [quietOne], { paused: false, quiet: false }), 'pager')).toEqual([]);
  });
});
