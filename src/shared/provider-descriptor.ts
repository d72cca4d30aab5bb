/**
 * What the window, tray, CLI and core may know about a provider: plain data handed over by main
 * (built in each provider's folder, src/main/providers/<id>/descriptor.ts), so nothing outside the
 * provider folders branches on a provider's name. No Node, DOM or Electron imports.
 */
import type { ProviderCapabilities } from './ipc-contract';
import type { TemplateVariable } from './message-templates';
import { PROVIDER_NAMES, type ProviderId, type TargetKind } from './model';

/** One kind of target a provider watches, and how a form asks for its ids. */
export interface TargetKindDescriptor {
  kind: TargetKind;
  /** Word before an id when the target has no name ("Hub 12"). */
  noun: string;
  /** Form label for a list of these ids. */
  label: string;
  /** What the ids look like. */
  hint: string;
  /**
   * How many digits an id is expected to have, when the provider's seed shows one; an id that differs is
   * warned about in the form, never refused (an assumption).
   */
  idDigits?: number;
  /** The environment variable the CLI reads a comma-separated list of these ids from, if any. */
  cliEnv?: string;
}

export interface ProviderDescriptor {
  id: ProviderId;
  /** Display name ("LuaProt"). */
  label: string;
  defaultBaseUrl: string;
  capabilities: ProviderCapabilities;
  /** The kinds of target it watches, in the order forms, messages and the CLI list them. */
  targetKinds: TargetKindDescriptor[];
  /** Can watch every script its live counts name without targets (the account's `autoTargets`). */
  autoTargets: boolean;
  /** How "<label> has no <action> action" ends, with its reason (": its API only lists…" or " in its API."). */
  missingActionWhy: string;
  /** Which Roblox id a session's game is given by. */
  gameIdKind: 'place' | 'universe';
  /** Its session list gives each session's user key (so sessions group by key). */
  sessionKeys: boolean;
  /** What a 403 usually means at this provider, short (tray) and as advice; null: nothing specific. */
  forbidden: { short: string; advice: string } | null;
  /** Its action answers are its own sentences, shown after its name ("LuaProt: Message sent."). */
  quotesReplies: boolean;
  /** How long a disconnected session may still be listed (shown as disconnecting); null: it goes at once. */
  disconnectLingerMs: number | null;
  /** The message variables its sessions carry a value for (the message dialog offers only these). */
  messageVariables: readonly TemplateVariable[];
}

/** "<Provider> has no <action> action…", in the provider's own terms. */
export function missingActionText(descriptor: Pick<ProviderDescriptor, 'label' | 'missingActionWhy'>, action: string): string {
  return `${descriptor.label} has no ${action} action${descriptor.missingActionWhy}`;
}

/**
 * The descriptors this process was handed (main: by its provider registry; the window: by main).
 * Lets shared wording (error explanations) speak of any registered provider.
 */
const known = new Map<string, ProviderDescriptor>();

export function registerProviderDescriptors(descriptors: Iterable<ProviderDescriptor>): void {
  for (const d of descriptors) known.set(d.id, d);
}

export function providerDescriptor(id: string): ProviderDescriptor | undefined {
  return known.get(id);
}

/** A provider's display name: its descriptor's, else the built-in name, else its id. */
export function providerLabel(id: string): string {
  return known.get(id)?.label ?? (PROVIDER_NAMES as Record<string, string | undefined>)[id] ?? id;
}
