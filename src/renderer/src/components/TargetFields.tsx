import type { ProviderId, TargetConfig, TargetKind } from '../../../shared/model';

/** Which target kinds each provider watches, and how the form asks for them. */
const FIELDS: Record<ProviderId, Array<{ kind: TargetKind; label: string; hint: string }>> = {
  junkie: [{ kind: 'script', label: 'Script ids (optional)', hint: 'Comma separated. Leave empty with “Watch every script” to watch them all.' }],
  luaprot: [
    { kind: 'hub', label: 'Hub ids', hint: 'Comma separated 20-digit hub ids' },
    { kind: 'key', label: 'Keys to watch (optional)', hint: 'Comma separated user keys' },
  ],
  luaauth: [
    { kind: 'project', label: 'Project ids', hint: 'Scripts are found through the project' },
    { kind: 'script', label: 'Script ids (optional)', hint: 'Comma separated' },
  ],
};

export type TargetDraft = Partial<Record<TargetKind, string>>;

export function draftFromTargets(targets: TargetConfig[]): TargetDraft {
  const draft: TargetDraft = {};
  for (const t of targets) draft[t.kind] = draft[t.kind] ? `${draft[t.kind]}, ${t.id}` : t.id;
  return draft;
}

/** Keeps local labels of targets that stay, so editing ids does not lose names. */
export function targetsFromDraft(provider: ProviderId, draft: TargetDraft, previous: TargetConfig[] = []): TargetConfig[] {
  const out: TargetConfig[] = [];
  for (const f of FIELDS[provider]) {
    for (const id of (draft[f.kind] ?? '').split(/[\s,]+/).filter(Boolean)) {
      const before = previous.find((t) => t.kind === f.kind && t.id === id);
      out.push(before ? { ...before } : { kind: f.kind, id });
    }
  }
  return out;
}

export function TargetFields({
  provider,
  draft,
  onChange,
  idPrefix,
}: {
  provider: ProviderId;
  draft: TargetDraft;
  onChange: (draft: TargetDraft) => void;
  idPrefix: string;
}) {
  return (
    <>
      {FIELDS[provider].map((f) => (
        <div key={f.kind} className="field">
          <label htmlFor={`${idPrefix}-${f.kind}`}>{f.label}</label>
          <input
            id={`${idPrefix}-${f.kind}`}
            value={draft[f.kind] ?? ''}
            aria-describedby={`${idPrefix}-${f.kind}-hint`}
            spellCheck={false}
            onChange={(e) => onChange({ ...draft, [f.kind]: e.target.value })}
          />
          {/* A hint under the field, not a placeholder: a placeholder is cut off in the panel and gone once typing starts. */}
          <span id={`${idPrefix}-${f.kind}-hint`} className="muted small">
            {f.hint}
          </span>
        </div>
      ))}
    </>
  );
}
