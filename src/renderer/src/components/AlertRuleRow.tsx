import type { AlertRule, AlertRuleSpec, AlertScope } from '../../../shared/alerts';
import { seriesIdentity } from '../../../shared/series-ref';

export interface ScopeOption {
  /** The scope's identity (seriesIdentity): the <select> value, never parsed. */
  value: string;
  label: string;
  scope: AlertScope;
}


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

function NumberField({
  label,
  text,
  unit,
  value,
  min,
  max,
  onChange,
}: {
  /** Accessible name, with the rule number: "Rule 2 window minutes". */
  label: string;
  /** Visible words before the box. */
  text: string;
  /** Visible unit after the box. */
  unit?: string;
  value: number;
  min?: number;
  max?: number;
  onChange: (v: number) => void;
}) {
  const bad = !Number.isFinite(value) || (min !== undefined && value < min) || (max !== undefined && value > max);
  return (
    <label className="field field-inline">
      {text && <span>{text}</span>}
      <input
        type="number"
        aria-label={label}
        aria-invalid={bad}
        value={Number.isFinite(value) ? value : ''}
        min={min}
        max={max}
        onChange={(e) => onChange(e.target.valueAsNumber)}
      />
      {unit && <span className="muted">{unit}</span>}
    </label>
  );
}

/** The fields of one rule kind, named so a screen reader says which rule they belong to. */
function SpecFields({ n, spec, onChange }: { n: number; spec: AlertRuleSpec; onChange: (spec: AlertRuleSpec) => void }) {
  const p = `Rule ${n}`;
  switch (spec.kind) {
    case 'rise':
      return (
        <>
          <NumberField label={`${p} rise percent`} text="rises by" unit="%" value={spec.percent} min={1} onChange={(percent) => onChange({ ...spec, percent })} />
          <NumberField label={`${p} minimum users`} text="and by at least" unit="users" value={spec.minUsers} min={0} onChange={(minUsers) => onChange({ ...spec, minUsers })} />
          <NumberField label={`${p} window minutes`} text="within" unit="min" value={spec.windowMinutes} min={1} max={1440} onChange={(windowMinutes) => onChange({ ...spec, windowMinutes })} />
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
          <NumberField label={`${p} threshold value`} text="" unit="users" value={spec.value} min={0} onChange={(value) => onChange({ ...spec, value })} />
          <NumberField label={`${p} hysteresis`} text="re-arm after moving back" unit="users" value={spec.hysteresis} min={0} onChange={(hysteresis) => onChange({ ...spec, hysteresis })} />
        </>
      );
    case 'drop':
      return (
        <>
          <NumberField label={`${p} drop percent`} text="falls by" unit="%" value={spec.percent} min={1} max={100} onChange={(percent) => onChange({ ...spec, percent })} />
          <NumberField label={`${p} window minutes`} text="within" unit="min" value={spec.windowMinutes} min={1} max={1440} onChange={(windowMinutes) => onChange({ ...spec, windowMinutes })} />
          <label className="check">
            <input type="checkbox" checked={spec.toZero} onChange={(e) => onChange({ ...spec, toZero: e.target.checked })} />
            {/* The space sits outside the hidden span: some name computations drop a span's trailing space ("Rule 2or…"). */}
            <span className="visually-hidden">{p}</span> or falls to zero
          </label>
        </>
      );
    case 'all_time_high':
      return <NumberField label={`${p} minimum users`} text="beats its record, at" unit="users or more" value={spec.minUsers} min={0} onChange={(minUsers) => onChange({ ...spec, minUsers })} />;
  }
}

/** True when every number of the rule is a usable value, so Save is not offered for a half-typed rule. */
export function ruleIsComplete(rule: AlertRule): boolean {
  const numbers = Object.values(rule.spec).filter((v) => typeof v === 'number' || v === null) as number[];
  return numbers.every((v) => Number.isFinite(v) && v >= 0) && Number.isFinite(rule.cooldownMinutes) && rule.cooldownMinutes >= 0;
}

/** One alert rule: what it watches, what it looks for, its cooldown, on/off, remove. */
export function AlertRuleRow({
  n,
  rule,
  scopes,
  onChange,
  onRemove,
}: {
  n: number;
  rule: AlertRule;
  scopes: ScopeOption[];
  onChange: (rule: AlertRule) => void;
  onRemove: () => void;
}) {
  const current = seriesIdentity(rule.scope);
  const known = scopes.some((s) => s.value === current);
  return (
    <li className="card rule" aria-label={`Rule ${n}`}>
      <div className="row wrap">
        <label className="check">
          <input type="checkbox" checked={rule.enabled} onChange={(e) => onChange({ ...rule, enabled: e.target.checked })} />
          <span className="visually-hidden">Rule {n}</span> on
        </label>
        <span className="muted">when</span>
        <select
          aria-label={`Rule ${n} watches`}
          value={current}
          onChange={(e) => {
            const s = scopes.find((x) => x.value === e.target.value);
            if (s) onChange({ ...rule, scope: s.scope });
          }}
        >
          {!known && <option value={current}>(removed target)</option>}
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
        <span className="spacer" />
        <button type="button" className="icon-button" aria-label={`Remove rule ${n}`} onClick={onRemove}>
          ×
        </button>
      </div>
      <div className="row wrap">
        <SpecFields n={n} spec={rule.spec} onChange={(spec) => onChange({ ...rule, spec })} />
        <NumberField
          label={`Rule ${n} cooldown minutes`}
          text="then wait"
          unit="min before alerting again"
          value={rule.cooldownMinutes}
          min={0}
          max={1440}
          onChange={(cooldownMinutes) => onChange({ ...rule, cooldownMinutes })}
        />
      </div>
    </li>
  );
}
