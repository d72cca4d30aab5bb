import type { AccountView, RequestOf } from '../../shared/ipc-contract';
import type { TargetKind } from '../../shared/model';

/**
 * The accounts:update request that gives one target a label of the user's own, or (an empty label)
 * drops it so the provider's name shows again. A Junkie script found by "watch every script" is not
 * in the account's targets yet: it is added with its label, and autoTargets is set so that naming
 * one script never narrows the account to that script (an account with targets and no autoTargets
 * watches only those).
 */
export function renameRequest(account: AccountView, target: { kind: TargetKind; id: string }, label: string): RequestOf<'accounts:update'> {
  const name = label.trim();
  const listed = account.targets.some((t) => t.id === target.id && t.kind === target.kind);
  const targets = listed
    ? account.targets.map((t) => {
        if (t.id !== target.id || t.kind !== target.kind) return t;
        const { label: _old, ...rest } = t;
        return name ? { ...rest, label: name } : rest;
      })
    : [...account.targets, { kind: target.kind, id: target.id, ...(name ? { label: name } : {}) }];
  const request: RequestOf<'accounts:update'> = { id: account.id, targets };
  // Only "watch every script" finds targets that are not listed (main ignores autoTargets elsewhere).
  if (!listed) request.autoTargets = true;
  return request;
}

