import { useEffect, useId, useRef } from 'react';
import { ALERT_LIMITS, numberProblem, type NumberLimit } from '../../../shared/alert-rule-limits';
import type { AlertRule, AlertRuleSpec, AlertScope } from '../../../shared/alerts';
import { seriesIdentity } from '../../../shared/series-ref';
import { ruleSentence } from '../alert-sentence';
import { useEscape } from '../keyboard';
import './field-error.css';
import './AlertRuleRow.css';

export interface ScopeOption {
  /** The scope's identity (seriesIdentity): the <select> value, never parsed. */
  value: string;
  label: string;
  scope: AlertScope;
}


/** What a rule whose target (or account) was removed says where its scope's name would be. */
export const REMOVED_SCOPE = '(removed target)';
const REMOVED_ACCOUNT = '(removed account)';

export function defaultSpec(kind: AlertRuleSpec['kind']): AlertRuleSpec {
  switch (kind) {
    case 'rise':
      return { kind, percent: 50, minUsers: 10, windowMinutes: 10 };
    case 'threshold':
      return { kind, value: 100, hysteresis: 5, direction: 'up' };
    case 'drop':
      return { kind, percent: 50, windowMinutes: 10, toZero: false };
    case 'all_time_high':
      return { kind, minUsers: 10 };
  }
}

const KIND_WORDS: Record<AlertRuleSpec['kind'], string> = {
  rise: 'Rise',
  threshold: 'Threshold',
  drop: 'Drop',
  all_time_high: 'New all-time high',
};

/** Each editable number of a rule: the field's accessible name (after "Rule N "), its value and bounds. */
interface NumberSpot {
  name: string;
  value: number;
  limit: NumberLimit;
}

function numberSpots(rule: AlertRule): NumberSpot[] {
  const s = rule.spec;
  const spots: NumberSpot[] =
    s.kind === 'rise'
      ? [
          { name: 'rise percent', value: s.percent, limit: ALERT_LIMITS.risePercent },
          { name: 'minimum users', value: s.minUsers, limit: ALERT_LIMITS.users },
          { name: 'window minutes', value: s.windowMinutes, limit: ALERT_LIMITS.windowMinutes },
        ]
      : s.kind === 'threshold'
        ? [
            { name: 'threshold value', value: s.value, limit: ALERT_LIMITS.users },
            { name: 'hysteresis', value: s.hysteresis, limit: ALERT_LIMITS.users },
          ]
        : s.kind === 'drop'
          ? [
              { name: 'drop percent', value: s.percent, limit: ALERT_LIMITS.dropPercent },
              { name: 'window minutes', value: s.windowMinutes, limit: ALERT_LIMITS.windowMinutes },
            ]
          : [{ name: 'minimum users', value: s.minUsers, limit: ALERT_LIMITS.users }];
  return [...spots, { name: 'cooldown minutes', value: rule.cooldownMinutes, limit: ALERT_LIMITS.cooldownMinutes }];
}

/** The first thing to fix in a rule, in words ("cooldown minutes: Enter a number from 0 to 10,080 minutes."), or null. */
export function ruleProblem(rule: AlertRule): { field: string; message: string } | null {
  for (const spot of numberSpots(rule)) {
    const message = numberProblem(spot.value, spot.limit);
    if (message) return { field: spot.name, message };
  }
  return null;
}

/** True when every number of the rule is a usable value, so Save is not offered for a half-typed rule. */
export function ruleIsComplete(rule: AlertRule): boolean {
  return ruleProblem(rule) === null;
}

function NumberField({
  label,
  text,
  unit,
  value,
  limit,
  onChange,
}: {
  /** Accessible name, with the rule number: "Rule 2 window minutes". */
  label: string;
  /** Visible words before the box. */
  text: string;
  /** Visible unit after the box. */
  unit?: string;
  value: number;
  limit: NumberLimit;
  onChange: (v: number) => void;
}) {
  const errorId = useId();
  // Worded at the field and gone as soon as the number is usable again.
  const problem = numberProblem(value, limit);
  return (
    <span className={`number-field${problem ? ' has-error' : ''}`}>
      <label className="field field-inline">
        {text && <span>{text}</span>}
        <input
          type="number"
          aria-label={label}
          aria-invalid={problem !== null}
          aria-describedby={problem ? errorId : undefined}
          data-rule-field={label}
          value={Number.isFinite(value) ? value : ''}
          min={limit.min}
          max={limit.max}
          onChange={(e) => onChange(e.target.valueAsNumber)}
        />
        {unit && <span className="muted">{unit}</span>}
      </label>
      {problem && (
        <span id={errorId} className="field-error error-text small">
          {problem}
        </span>
      )}
    </span>
  );
}

/** The fields of one rule kind, named so a screen reader says which rule they belong to. */
function SpecFields({ n, spec, onChange }: { n: number; spec: AlertRuleSpec; onChange: (spec: AlertRuleSpec) => void }) {
  const p = `Rule ${n}`;
  switch (spec.kind) {
    case 'rise':
      return (
        <>
          <NumberField label={`${p} rise percent`} text="rises by" unit="%" value={spec.percent} limit={ALERT_LIMITS.risePercent} onChange={(percent) => onChange({ ...spec, percent })} />
          <NumberField label={`${p} minimum users`} text="and by at least" unit="users" value={spec.minUsers} limit={ALERT_LIMITS.users} onChange={(minUsers) => onChange({ ...spec, minUsers })} />
          <NumberField label={`${p} window minutes`} text="within" unit="min" value={spec.windowMinutes} limit={ALERT_LIMITS.windowMinutes} onChange={(windowMinutes) => onChange({ ...spec, windowMinutes })} />
        </>
      );
    case 'threshold':
      return (
        <>
          <label className="field field-inline">
            <span>count</span>
            <select aria-label={`${p} direction`} value={spec.direction} onChange={(e) => onChange({ ...spec, direction: e.target.value as 'up' | 'down' })}>
              <option value="up">goes above</option>
              <option value="down">falls below</option>
            </select>
          </label>
          <NumberField label={`${p} threshold value`} text="" unit="users" value={spec.value} limit={ALERT_LIMITS.users} onChange={(value) => onChange({ ...spec, value })} />
          <NumberField label={`${p} hysteresis`} text="re-arm after moving back" unit="users" value={spec.hysteresis} limit={ALERT_LIMITS.users} onChange={(hysteresis) => onChange({ ...spec, hysteresis })} />
        </>
      );
    case 'drop':
      return (
        <>
          <NumberField label={`${p} drop percent`} text="falls by" unit="%" value={spec.percent} limit={ALERT_LIMITS.dropPercent} onChange={(percent) => onChange({ ...spec, percent })} />
          <NumberField label={`${p} window minutes`} text="within" unit="min" value={spec.windowMinutes} limit={ALERT_LIMITS.windowMinutes} onChange={(windowMinutes) => onChange({ ...spec, windowMinutes })} />
          <label className="check">
            <input type="checkbox" checked={spec.toZero} onChange={(e) => onChange({ ...spec, toZero: e.target.checked })} />
            {/* The space sits outside the hidden span: some name computations drop a span's trailing space ("Rule 2or…"). */}
            <span className="visually-hidden">{p}</span> or falls to zero
          </label>
        </>
      );
    case 'all_time_high':
      return <NumberField label={`${p} minimum users`} text="beats its record, at" unit="users or more" value={spec.minUsers} limit={ALERT_LIMITS.users} onChange={(minUsers) => onChange({ ...spec, minUsers })} />;
  }
}

export interface AlertRuleRowProps {
  n: number;
  rule: AlertRule;
  scopes: ScopeOption[];
  /** Open as a form (one rule at a time); closed, the rule is one sentence. */
  editing: boolean;
  /** Open this rule's form (click or Enter on the sentence). */
  onEdit: () => void;
  /** Close the form, keeping the edits (Done) … */
  onDone: () => void;
  /** … or putting back the rule as it was when the form opened (Cancel, Esc). */
  onCancel: () => void;
  onChange: (rule: AlertRule) => void;
  onRemove: () => void;
}

/** The scope's name as the sentence says it. */
export function scopeLabel(scopes: readonly ScopeOption[], scope: AlertScope): string {
  const value = seriesIdentity(scope);
  return scopes.find((s) => s.value === value)?.label ?? (scope.type === 'account' ? REMOVED_ACCOUNT : REMOVED_SCOPE);
}

/** One alert rule: a sentence with an on/off switch and remove; click the sentence to edit it in place. */
export function AlertRuleRow(props: AlertRuleRowProps) {
  const { n, rule, scopes, editing, onEdit } = props;
  const sentence = ruleSentence(rule, scopeLabel(scopes, rule.scope));
  const sentenceButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(editing);
  useEffect(() => {
    // Closing the form puts the focus back on the rule's sentence, where the keyboard user left off.
    if (wasEditing.current && !editing) sentenceButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);
  if (editing) return <RuleEditor {...props} sentence={sentence} />;
  return (
    <li className={`card rule rule-line${rule.enabled ? '' : ' rule-off'}`} aria-label={`Rule ${n}`}>
      <button
        type="button"
        role="switch"
        className="switch"
        aria-checked={rule.enabled}
        aria-label={`Rule ${n} on`}
        onClick={() => props.onChange({ ...rule, enabled: !rule.enabled })}
      >
        <span className="switch-knob" />
      </button>
      <button ref={sentenceButton} type="button" className="rule-sentence" onClick={onEdit}>
        {/* The space sits outside the hidden span: some name computations drop a span's trailing space. */}
        <span className="visually-hidden">Edit rule {n}:</span> {sentence}
        {!rule.enabled && (
          <>
            {' '}
            <span className="muted">(off)</span>
          </>
        )}
      </button>
      <button type="button" className="icon-button" aria-label={`Remove rule ${n}`} onClick={props.onRemove}>
        ×
      </button>
    </li>
  );
}

function RuleEditor({ n, rule, scopes, sentence, onChange, onDone, onCancel, onRemove }: AlertRuleRowProps & { sentence: string }) {
  const current = seriesIdentity(rule.scope);
  const known = scopes.some((s) => s.value === current);
  const first = useRef<HTMLSelectElement>(null);
  const root = useRef<HTMLLIElement>(null);
  useEffect(() => first.current?.focus(), []);
  useEscape(onCancel);
  const problem = ruleProblem(rule);
  return (
    <li ref={root} className="card rule rule-editor" aria-label={`Rule ${n}`}>
      <p className="rule-preview small" aria-live="polite">
        {sentence}
      </p>
      <div className="row wrap">
        <label className="check">
          <input type="checkbox" checked={rule.enabled} onChange={(e) => onChange({ ...rule, enabled: e.target.checked })} />
          <span className="visually-hidden">Rule {n}</span> on
        </label>
        <span className="muted">when</span>
        <select
          ref={first}
          aria-label={`Rule ${n} watches`}
          value={current}
          onChange={(e) => {
            const s = scopes.find((x) => x.value === e.target.value);
            if (s) onChange({ ...rule, scope: s.scope });
          }}
        >
          {!known && <option value={current}>{REMOVED_SCOPE}</option>}
          {scopes.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
        <select
          aria-label={`Rule ${n} kind`}
          value={rule.spec.kind}
          onChange={(e) => onChange({ ...rule, spec: defaultSpec(e.target.value as AlertRuleSpec['kind']) })}
        >
          {(Object.keys(KIND_WORDS) as Array<AlertRuleSpec['kind']>).map((k) => (
            <option key={k} value={k}>
              {KIND_WORDS[k]}
            </option>
          ))}
        </select>
      </div>
      <div className="row wrap rule-numbers">
        <SpecFields n={n} spec={rule.spec} onChange={(spec) => onChange({ ...rule, spec })} />
        <NumberField
          label={`Rule ${n} cooldown minutes`}
          text="then wait"
          unit="min before alerting again"
          value={rule.cooldownMinutes}
          limit={ALERT_LIMITS.cooldownMinutes}
          onChange={(cooldownMinutes) => onChange({ ...rule, cooldownMinutes })}
        />
      </div>
      <div className="button-row">
        <button type="button" aria-label={`Remove rule ${n}`} onClick={onRemove}>
          Remove
        </button>
        <span className="spacer" />
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => {
            // A rule with a number to fix stays open, with the focus on that number.
            if (problem) root.current?.querySelector<HTMLInputElement>(`[data-rule-field="Rule ${n} ${problem.field}"]`)?.focus();
            else onDone();
          }}
        >
          Done
        </button>
      </div>
    </li>
  );
}
