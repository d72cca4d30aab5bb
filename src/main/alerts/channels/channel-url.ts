import { stripTrailingSlashes } from '../../providers/paths';
import { CHANNEL_KIND_INFO, MAX_CHANNEL_URL_LENGTH, type ChannelKind } from '../../../shared/alert-channels';

/**
 * Channel URLs are secrets (a Discord webhook URL is all anyone needs to post as it), so they are
 * checked here, kept in the OS keychain, and only ever shown masked.
 */

export type ChannelUrlCheck = { ok: true; url: string } | { ok: false; problem: string };

const DISCORD_HOSTS = new Set(['discord.com', 'discordapp.com', 'canary.discord.com', 'ptb.discord.com']);

/** Loopback addresses may use plain http: local receivers for testing, or a relay on this machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host === '::1') return true;
  const parts = host.split('.');
  return parts.length === 4 && parts[0] === '127' && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

export function checkChannelUrl(kind: ChannelKind, raw: string): ChannelUrlCheck {
  const hint = CHANNEL_KIND_INFO[kind].urlHint;
  if (raw.length > MAX_CHANNEL_URL_LENGTH) return { ok: false, problem: `The URL is longer than ${MAX_CHANNEL_URL_LENGTH} characters; paste ${hint}.` };
  const text = raw.trim();
  if (!text) return { ok: false, problem: `The URL is empty; paste ${hint}.` };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, problem: `That is not a URL; paste ${hint}.` };
  }
  const loopback = isLoopbackHost(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return { ok: false, problem: 'Only https URLs are accepted (plain http only for 127.0.0.1 / localhost), so alerts cannot be read or changed on the way.' };
  }
  if (url.username || url.password) return { ok: false, problem: 'Remove the user name and password from the URL.' };
  if (kind === 'discord' && !loopback) {
    if (!DISCORD_HOSTS.has(url.hostname.toLowerCase()) || !/^\/api\/(v\d+\/)?webhooks\/\d+\/[\w-]+\/?$/.test(url.pathname)) {
      return { ok: false, problem: `That is not a Discord webhook URL; paste ${hint}.` };
    }
  }
  if (kind === 'ntfy' && stripTrailingSlashes(url.pathname) === '') {
    return { ok: false, problem: `The ntfy URL has no topic; paste ${hint}.` };
  }
  url.hash = '';
  return { ok: true, url: url.href };
}

/**
 * What the window and logs may show of a channel URL: scheme, host and the last 4 characters,
 * never the token in between ("https://discord.com/…Xy9Z").
 */
export function maskChannelUrl(raw: string): string {
  let origin: string;
  try {
    origin = new URL(raw).origin;
  } catch {
    return '…';
  }
  const tail = stripTrailingSlashes(raw).slice(-4);
  return raw.length > origin.length + 8 ? `${origin}/…${tail}` : `${origin}/…`;
}
