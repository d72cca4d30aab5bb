/**
 * Keys for headless runs (CLI, CI) come from the environment, one variable per account:
 * PULSEBAR_KEY_<ACCOUNT ID>, upper-cased, every character outside A-Z and 0-9 turned into "_".
 * e.g. account "luaprot-main" → PULSEBAR_KEY_LUAPROT_MAIN.
 */
export function envVarForAccount(accountId: string): string {
  return `PULSEBAR_KEY_${accountId.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

/** The keys present in `env` for the given accounts, ready for a MemorySecretStore. */
export function secretsFromEnv(
  accountIds: readonly string[],
  env: Record<string, string | undefined> = process.env,
): Map<string, string> {
  const found = new Map<string, string>();
  for (const id of accountIds) {
    const value = env[envVarForAccount(id)]?.trim();
    if (value) found.set(id, value);
  }
  return found;
}
