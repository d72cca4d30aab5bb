import { providerDescriptor } from '../../../shared/provider-descriptor';
import type { ProviderId, TargetConfig, TargetKind } from '../../../shared/model';

/**
 * Why an account would count nothing, in words for its target fields; null when it counts something.
 * Only a provider with an account-wide count (`autoTargets`) may go without targets.
 */
export function noTargetsWords(provider: ProviderId, targets: readonly TargetConfig[]): string | null {
  const d = providerDescriptor(provider);
  // A provider with an account-wide count counts without targets (its form's own choice, ticked or not).
  if (!d || targets.length > 0 || d.autoTargets) return null;
  const kinds = d.targetKinds.map((k) => k.noun.toLowerCase()).join(' or ');
  return `A ${d.label} account needs at least one ${kinds} to count anything.`;
}

/** The ids typed for `kind` that do not look like the provider's ids (a warning: the format is assumed). */
export function oddIdsWords(provider: ProviderId, kind: TargetKind, ids: readonly string[]): string | null {
  const target = providerDescriptor(provider)?.targetKinds.find((k) => k.kind === kind);
  const digits = target?.idDigits;
  if (!target || digits === undefined) return null;
  const odd = ids.filter((id) => id.length !== digits || !/^\d+$/.test(id));
  if (odd.length === 0) return null;
  const listed = odd.slice(0, 3).map((id) => `“${id}”`).join(', ') + (odd.length > 3 ? '…' : '');
  const verb = odd.length === 1 ? 'does' : 'do';
  return `${listed} ${verb} not look like a ${target.noun.toLowerCase()} id (${digits} digits, as far as Pulsebar knows); ${odd.length === 1 ? 'it is' : 'they are'} saved as typed.`;
}
