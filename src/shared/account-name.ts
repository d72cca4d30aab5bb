/**
 * An account left unnamed is labelled after its provider ("LuaAuth"), so "<label> (<provider>)" would
 * say the provider twice: such a label stands alone.
 */
export function namedAfterProvider(label: string, providerName: string): boolean {
  return label.trim().toLowerCase() === providerName.toLowerCase();
}

/** "Shop (LuaAuth)", or just "LuaAuth" for an account named after its provider. */
export function accountWithProvider(label: string, providerName: string): string {
  return namedAfterProvider(label, providerName) ? label : `${label} (${providerName})`;
}
