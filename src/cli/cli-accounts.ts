import { defaultProviderRegistry } from '../main/providers/registry';
import { PROVIDER_NAMES, type AccountConfig, type ProviderId, type TargetConfig } from '../shared/model';
import { UsageError } from './args';

/** An account the CLI can call: its settings plus the key, held in memory only. */
export interface CliAccount {
  config: AccountConfig;
  key: string;
}

const list = (raw: string | undefined): string[] =>
  (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Accounts for headless use: PULSEBAR_<PROVIDER>_KEY (+ _URL) and the target lists
 * PULSEBAR_LUAPROT_HUBS, PULSEBAR_LUAAUTH_SCRIPTS, PULSEBAR_LUAAUTH_PROJECTS.
 */
export function accountsFromEnv(env: Record<string, string | undefined>): CliAccount[] {
  const accounts: CliAccount[] = [];
  for (const descriptor of defaultProviderRegistry.descriptors()) {
    const provider = descriptor.id;
    const key = env[`PULSEBAR_${provider.toUpperCase()}_KEY`]?.trim();
    if (!key) continue;
    const targets: TargetConfig[] = [];
    // Each target kind with a CLI variable (the descriptor's cliEnv), in the descriptor's order.
    for (const k of descriptor.targetKinds) {
      if (k.cliEnv) for (const id of list(env[k.cliEnv])) targets.push({ kind: k.kind, id });
    }
    accounts.push({
      key,
      config: {
        id: `env-${provider}`,
        label: descriptor.label,
        provider,
        baseUrl: env[`PULSEBAR_${provider.toUpperCase()}_URL`]?.trim() || descriptor.defaultBaseUrl,
        targets,
        autoTargets: descriptor.autoTargets,
      },
    });
  }
  return accounts;
}

/** The one account a command acts on: by provider, and by --account label when there are several. */
export function pickAccount(accounts: CliAccount[], provider: ProviderId, label?: string): CliAccount {
  const ofProvider = accounts.filter((a) => a.config.provider === provider);
  if (ofProvider.length === 0) {
    throw new UsageError(
      `No ${PROVIDER_NAMES[provider]} account is configured. Add one in the app, or set PULSEBAR_${provider.toUpperCase()}_KEY, or use --demo.`,
    );
  }
  if (label !== undefined) {
    const match = ofProvider.find((a) => a.config.label === label) ?? ofProvider.find((a) => a.config.label.toLowerCase() === label.toLowerCase());
    if (!match) {
      throw new UsageError(
        `No ${PROVIDER_NAMES[provider]} account labelled "${label}". Known: ${ofProvider.map((a) => `"${a.config.label}"`).join(', ')}.`,
      );
    }
    return match;
  }
  if (ofProvider.length > 1) {
    throw new UsageError(
      `${PROVIDER_NAMES[provider]} has ${ofProvider.length} accounts; pick one with --account (${ofProvider.map((a) => `"${a.config.label}"`).join(', ')}).`,
    );
  }
  return ofProvider[0]!;
}

/**
 * The accounts `live` and `watch` cover: all of them, or those `--provider` and `--account` name
 * (a label matches exactly, else ignoring case, like pickAccount). Naming nothing that exists is
 * bad usage: silently showing every account instead would answer a different question.
 */
export function selectAccounts(accounts: CliAccount[], filter: { provider?: ProviderId; account?: string }): CliAccount[] {
  let chosen = accounts;
  if (filter.provider !== undefined) {
    const provider = filter.provider;
    chosen = chosen.filter((a) => a.config.provider === provider);
    if (chosen.length === 0 && accounts.length > 0) {
      throw new UsageError(`--provider ${provider}: no ${PROVIDER_NAMES[provider]} account is configured.`);
    }
  }
  const label = filter.account;
  if (label !== undefined) {
    const exact = chosen.filter((a) => a.config.label === label);
    const matched = exact.length > 0 ? exact : chosen.filter((a) => a.config.label.toLowerCase() === label.toLowerCase());
    if (matched.length === 0 && chosen.length > 0) {
      throw new UsageError(`--account "${label}" matches no account. Known: ${chosen.map((a) => `"${a.config.label}"`).join(', ')}.`);
    }
    chosen = matched;
  }
  return chosen;
}
