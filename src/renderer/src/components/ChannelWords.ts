import { CHANNEL_KIND_INFO, type ChannelView, type DeliveryResult } from '../../../shared/alert-channels';
import { ago } from '../time-format';

/** What each alert kind and scope type is called in the channel form (the keys are main's words). */
export const ALERT_KIND_WORDS = { rise: 'Rises', threshold: 'Thresholds', drop: 'Drops', all_time_high: 'New all-time highs' } as const;
export const SCOPE_TYPE_WORDS = { total: 'All accounts total', account: 'Account totals', target: 'Single targets' } as const;

/** The form's field names as the user sees them, for refusals that name a field. */
export const CHANNEL_FIELD_NAMES: Record<string, string> = {
  kind: 'Kind',
  label: 'Name',
  url: 'URL',
  kinds: 'Alert kinds',
  scopeTypes: 'Scopes',
  accountIds: 'Accounts',
};

/** A channel's delivery state in words, with its last error when it is failing. */
export function channelStateWords(c: ChannelView, now = Date.now()): { text: string; tone: 'ok' | 'muted' | 'warn' | 'error' } {
  const s = c.status;
  if (c.maskedUrl === null) return { text: 'No URL stored (the keychain entry is gone): use Replace URL and paste it again.', tone: 'error' };
  switch (s.state) {
    case 'ok':
      return { text: `Delivered ${ago(s.lastDeliveredAt, now)}.`, tone: 'ok' };
    case 'retrying':
      // "(0 waiting)" would say nothing: the count only while something waits.
      return { text: `Retrying${s.queued > 0 ? ` (${s.queued} waiting)` : ''}${s.lastError ? `: ${s.lastError}` : '.'}`, tone: 'warn' };
    case 'failing':
      return { text: `Failing: ${s.lastError ?? 'the last delivery did not arrive.'}`, tone: 'error' };
    default:
      return { text: c.enabled ? 'Nothing sent yet.' : 'Off: alerts are not sent here.', tone: 'muted' };
  }
}

/** "Send test" outcome in words. */
export function testWords(result: DeliveryResult): string {
  if (result.ok) return `Test delivered${result.attempts > 1 ? ` after ${result.attempts} attempts` : ''}.`;
  return `Test failed: ${result.error ?? `the receiver answered HTTP ${result.status ?? '?'}`}`;
}

export const kindLabel = (c: Pick<ChannelView, 'kind'>) => CHANNEL_KIND_INFO[c.kind].label;
