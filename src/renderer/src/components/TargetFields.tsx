import type { ProviderId, TargetConfig, TargetKind } from '../../../shared/model';
import type { TestResult } from '../../../shared/ipc-contract';
import { oddIdsWords } from './target-rules';
import './TargetFields.css';

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

/** A connection test's found targets, as the pickers offer them. */
type Found = NonNullable<TestResult['found']>;

function idsOf(text: string | undefined): string[] {
  return (text ?? '').split(/[\s,]+/).filter(Boolean);
}

export function draftFromTargets(targets: TargetConfig[]): TargetDraft {
  const draft: TargetDraft = {};
  for (const t of targets) draft[t.kind] = draft[t.kind] ? `${draft[t.kind]}, ${t.id}` : t.id;
  return draft;
}

/** Keeps local labels of targets that stay, so editing ids does not lose names. */
export function targetsFromDraft(provider: ProviderId, draft: TargetDraft, previous: TargetConfig[] = []): TargetConfig[] {
  const out: TargetConfig[] = [];
  for (const f of FIELDS[provider]) {
    for (const id of idsOf(draft[f.kind])) {
      const before = previous.find((t) => t.kind === f.kind && t.id === id);
      out.push(before ? { ...before } : { kind: f.kind, id });
    }
  }
  return out;
}

/** The draft with `id` added to (or taken out of) its kind's field, other ids kept as typed. */
export function toggleInDraft(draft: TargetDraft, kind: TargetKind, id: string, on: boolean): TargetDraft {
  const ids = idsOf(draft[kind]).filter((x) => x !== id);
  return { ...draft, [kind]: (on ? [...ids, id] : ids).join(', ') };
}

export function TargetFields({
  provider,
  draft,
  onChange,
  idPrefix,
  found = [],
}: {
  provider: ProviderId;
  draft: TargetDraft;
  onChange: (draft: TargetDraft) => void;
  idPrefix: string;
  /** What the last connection test found: offered as checkboxes that fill the fields (ids the app shows, not typed). */
  found?: Found;
}) {
  return (
    <>
      {FIELDS[provider].map((f) => {
        const ids = idsOf(draft[f.kind]);
        const odd = oddIdsWords(provider, f.kind, ids);
        const offered = found.filter((t) => t.kind === f.kind);
        return (
          <div key={f.kind} className="field">
            <label htmlFor={`${idPrefix}-${f.kind}`}>{f.label}</label>
            {offered.length > 0 && (
              <fieldset className="found-targets">
                <legend className="small">Found by the test: tick to watch</legend>
                {offered.map((t) => (
                  <label key={t.id} className="check small">
                    <input type="checkbox" checked={ids.includes(t.id)} onChange={(e) => onChange(toggleInDraft(draft, f.kind, t.id, e.target.checked))} />
                    {t.label && t.label !== t.id ? `${t.label} (${t.id})` : t.id}
                  </label>
                ))}
              </fieldset>
            )}
            <input
              id={`${idPrefix}-${f.kind}`}
              value={draft[f.kind] ?? ''}
              aria-describedby={`${idPrefix}-${f.kind}-hint${odd ? ` ${idPrefix}-${f.kind}-odd` : ''}`}
              spellCheck={false}
              onChange={(e) => onChange({ ...draft, [f.kind]: e.target.value })}
            />
            {/* A hint under the field, not a placeholder: a placeholder is cut off in the panel and gone once typing starts. */}
            <span id={`${idPrefix}-${f.kind}-hint`} className="muted small">
              {f.hint}
            </span>
            {/* A warning, not a refusal: the id format is assumed from one example (the provider's assumptions.ts). */}
            {odd && (
              <span id={`${idPrefix}-${f.kind}-odd`} className="small id-warning">
                {odd}
              </span>
            )}
          </div>
        );
      })}
    </>
  );
}
