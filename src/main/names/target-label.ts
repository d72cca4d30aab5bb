/**
 * The one rule for what a target is called: the user's own label, else the name the provider gave
 * (a key test or discovery, remembered in target-names.ts, or the poll's, e.g. a LuaAuth script's
 * name), else "<Kind> <id>" (Junkie gives script ids only).
 */
import type { TargetKind } from '../../shared/model';

const KIND_WORDS: Record<TargetKind, string> = { script: 'Script', hub: 'Hub', key: 'Key', project: 'Project' };

/** "Hub 5285…": what a target is called when nobody named it. */
export function defaultTargetLabel(kind: TargetKind, id: string): string {
  return `${KIND_WORDS[kind] ?? 'Target'} ${id}`;
}

export interface TargetNaming {
  kind: TargetKind;
  id: string;
  /** The label in the account's settings (the user's own). */
  userLabel?: string | undefined;
  /** Remembered from a key test or discovery. */
  learnedName?: string | undefined;
  /** What the last poll called it, when that was a provider's name (not the user's label, not the default). */
  polledName?: string | undefined;
}

/** The provider's name for the target, if any is known: the last poll's (the freshest) before a remembered one. */
export function providerNameOf(n: TargetNaming): string | undefined {
  return n.polledName?.trim() || n.learnedName?.trim() || undefined;
}

export function targetLabelOf(n: TargetNaming): string {
  return n.userLabel?.trim() || providerNameOf(n) || defaultTargetLabel(n.kind, n.id);
}
