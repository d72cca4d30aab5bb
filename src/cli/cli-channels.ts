import { channelConfigSchema, channelSecretId, type ChannelConfig } from '../main/alerts/channels/channel-config';
import { ChannelService } from '../main/alerts/channels/channel-service';
import { checkChannelUrl } from '../main/alerts/channels/channel-url';
import type { SecretStore } from '../main/secrets';
import type { Settings } from '../main/settings';
import { CHANNEL_KIND_INFO, type ChannelKind } from '../shared/alert-channels';
import { UsageError } from './args';

/**
 * Alert channels for the command line: the app's (settings + keychain), or, overriding them for
 * headless machines, PULSEBAR_DISCORD_WEBHOOK / PULSEBAR_WEBHOOK_URL / PULSEBAR_NTFY_URL.
 * The CLI never writes the app's settings, so these are fixed for the run.
 */

export interface CliChannel {
  config: ChannelConfig;
  url: string;
}

export const CHANNEL_ENV: Record<ChannelKind, string> = {
  discord: 'PULSEBAR_DISCORD_WEBHOOK',
  webhook: 'PULSEBAR_WEBHOOK_URL',
  ntfy: 'PULSEBAR_NTFY_URL',
};

export function channelsFromEnv(env: Record<string, string | undefined>): CliChannel[] {
  const channels: CliChannel[] = [];
  for (const [kind, variable] of Object.entries(CHANNEL_ENV) as Array<[ChannelKind, string]>) {
    const raw = env[variable]?.trim();
    if (!raw) continue;
    const check = checkChannelUrl(kind, raw);
    // The message names the variable, never its value: the URL is a secret.
    if (!check.ok) throw new UsageError(`${variable}: ${check.problem}`);
    channels.push({ config: channelConfigSchema.parse({ id: `env-${kind}`, kind, label: variable }), url: check.url });
  }
  return channels;
}

/** The app's channels whose URL is in the keychain; the others are named on stderr and skipped. */
export async function channelsFromSettings(settings: Settings | null, secrets: SecretStore, warn: (text: string) => void): Promise<CliChannel[]> {
  const channels: CliChannel[] = [];
  for (const config of settings?.channels ?? []) {
    const url = await secrets.get(channelSecretId(config.id));
    if (url) channels.push({ config, url });
    else warn(`pulsebar: alert channel "${config.label}" has no URL in the keychain; edit it in the app. Skipped.`);
  }
  return channels;
}

/** A service over fixed channels (nothing is saved). */
export function channelServiceFor(channels: readonly CliChannel[], secrets: SecretStore): ChannelService {
  return new ChannelService({ channels: () => [], save: async () => undefined, secrets, fixed: channels });
}

export interface ChannelTestLine {
  id: string;
  label: string;
  kind: ChannelKind;
  ok: boolean;
  attempts: number;
  status?: number;
  error?: string;
}

/** `channels test`: one test alert to each channel; the results in order. */
export async function testChannels(channels: readonly CliChannel[], secrets: SecretStore): Promise<ChannelTestLine[]> {
  if (channels.length === 0) {
    throw new UsageError(
      `No alert channels are configured. Add one in the app (Alerts → Channels) or set ${Object.values(CHANNEL_ENV).join(', ')}.`,
    );
  }
  const service = channelServiceFor(channels, secrets);
  try {
    const results = await service.testAll();
    return results.map(({ channel, result }) => ({
      id: channel.id,
      label: channel.label,
      kind: channel.kind,
      ok: result.ok,
      attempts: result.attempts,
      ...(result.status !== undefined ? { status: result.status } : {}),
      ...(result.error !== undefined ? { error: result.error } : {}),
    }));
  } finally {
    service.close();
  }
}

export function channelTestText(line: ChannelTestLine): string {
  return line.ok
    ? `delivered  ${line.label} (${CHANNEL_KIND_INFO[line.kind].label})${line.attempts > 1 ? ` after ${line.attempts} attempts` : ''}`
    : `FAILED     ${line.error ?? `${line.label}: not delivered`}`;
}
