import type { AlertEvent, AlertRuleSpec, AlertScope } from '../../../shared/alerts';
import { PROVIDER_NAMES } from '../../../shared/model';
import type { ChannelKind } from '../../../shared/alert-channels';

/**
 * What each channel kind receives for one poll cycle's alerts. Pure: the same events always make
 * the same request, so tests can check the exact payload.
 */

/** One HTTP request to a channel, minus the URL (kept apart: it is the secret). */
export interface ChannelRequest {
  headers: Record<string, string>;
  body: string;
}

/** The alerts of one delivery, most specific first, or a test message. */
export interface ChannelMessage {
  events: readonly AlertEvent[];
  /** A "Send test" press: says so everywhere, so nobody mistakes it for a real spike. */
  test?: boolean;
}

/** Version of the generic webhook payload; bump on any incompatible change and say so in the README. */
export const WEBHOOK_PAYLOAD_VERSION = 1;

const KIND_WORDS: Record<AlertRuleSpec['kind'], string> = {
  rise: 'Users rising',
  threshold: 'Threshold crossed',
  drop: 'Users dropping',
  all_time_high: 'New all-time high',
};

/** Discord embed colours by alert kind: green up, red down, amber threshold, purple record. */
export const DISCORD_COLOURS: Record<AlertRuleSpec['kind'], number> = {
  rise: 0x2e9d5b,
  threshold: 0xd69e2e,
  drop: 0xd64545,
  all_time_high: 0x805ad5,
};

const NTFY_TAGS: Record<AlertRuleSpec['kind'], string> = {
  rise: 'chart_with_upwards_trend',
  threshold: 'bell',
  drop: 'chart_with_downwards_trend',
  all_time_high: 'trophy',
};

function scopeWords(scope: AlertScope): string {
  return scope.type === 'total' ? 'All accounts' : scope.type === 'account' ? 'Account' : 'Script / hub';
}

function change(e: AlertEvent): string {
  const delta = e.value - e.reference;
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  const pct = e.reference > 0 ? ` (${sign}${Math.round((Math.abs(delta) / e.reference) * 100)} %)` : '';
  return `${sign}${Math.abs(delta)}${pct} from ${e.reference}`;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A fixed event for "Send test": obviously a test, shaped like a real rise. */
export function testEvent(now: number): AlertEvent {
  return {
    id: `test-${now}`,
    ruleId: 'test',
    kind: 'rise',
    scope: { type: 'total' },
    subject: 'Pulsebar test alert',
    at: now,
    value: 120,
    reference: 80,
    message: 'This is a test from Pulsebar: alerts will arrive here like this one.',
    silenced: false,
  };
}

/** Discord: one embed per alert (Discord takes at most 10 per message). */
export function discordRequest(message: ChannelMessage): ChannelRequest {
  const embeds = message.events.slice(0, 10).map((e) => ({
    title: clip(`${message.test ? '[Test] ' : ''}${KIND_WORDS[e.kind]}: ${e.subject}`, 256),
    description: clip(e.message, 4_096),
    color: DISCORD_COLOURS[e.kind],
    fields: [
      { name: 'Scope', value: clip(`${scopeWords(e.scope)}${e.provider ? ` · ${PROVIDER_NAMES[e.provider]}` : ''}`, 1_024), inline: true },
      { name: 'Users now', value: String(e.value), inline: true },
      { name: 'Change', value: change(e), inline: true },
    ],
    timestamp: new Date(e.at).toISOString(),
    footer: { text: 'Pulsebar' },
  }));
  const more = message.events.length - embeds.length;
  const body = {
    username: 'Pulsebar',
    content: more > 0 ? `…and ${more} more alert${more === 1 ? '' : 's'} (see Pulsebar).` : '',
    embeds,
    // Alert text quotes names users chose: never let it ping @everyone or a role.
    allowed_mentions: { parse: [] as string[] },
  };
  return { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/** The generic JSON webhook: a documented, versioned payload (README "Alert channels"). */
export function webhookRequest(message: ChannelMessage, sentAt: number): ChannelRequest {
  const body = {
    type: 'pulsebar.alerts',
    version: WEBHOOK_PAYLOAD_VERSION,
    test: message.test === true,
    sentAt: new Date(sentAt).toISOString(),
    alerts: message.events.map((e) => ({
      id: e.id,
      ruleId: e.ruleId,
      kind: e.kind,
      scope: e.scope,
      provider: e.provider ?? null,
      subject: e.subject,
      at: new Date(e.at).toISOString(),
      value: e.value,
      reference: e.reference,
      change: e.value - e.reference,
      message: e.message,
    })),
  };
  return { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/** Header values must be Latin-1; ntfy reads RFC 2047 encoded words for anything else. */
function headerText(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

/** ntfy: text body, Title, Priority (drops and records are urgent: 4; the rest 3) and emoji Tags. */
export function ntfyRequest(message: ChannelMessage): ChannelRequest {
  const first = message.events[0];
  const many = message.events.length > 1;
  const title = message.test ? 'Pulsebar test alert' : first ? (many ? `${message.events.length} Pulsebar alerts` : `${KIND_WORDS[first.kind]}: ${first.subject}`) : 'Pulsebar';
  const lines = message.events.map((e) => (many ? `${e.subject}: ${e.message}` : e.message));
  const urgent = message.events.some((e) => e.kind === 'drop' || e.kind === 'all_time_high');
  const tags = [...new Set(message.events.map((e) => NTFY_TAGS[e.kind]))];
  return {
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      title: headerText(clip(title, 250)),
      priority: message.test ? '3' : urgent ? '4' : '3',
      tags: tags.join(','),
    },
    body: lines.join('\n'),
  };
}

export function channelRequest(kind: ChannelKind, message: ChannelMessage, sentAt: number): ChannelRequest {
  switch (kind) {
    case 'discord':
      return discordRequest(message);
    case 'webhook':
      return webhookRequest(message, sentAt);
    case 'ntfy':
      return ntfyRequest(message);
  }
}
