import type { AlertRule, AlertRuleSpec, AlertScope } from '../../../shared/alerts';

export interface ScopeOption {
  value: string;
  label: string;
  scope: AlertScope;
}

export const scopeValue = (scope: AlertScope): string =>
  scope.type === 'total' ? 'total' : scope.type === 'account' ? `account:${scope.accountId}` : `target:${scope.accountId}:${scope.targetId}`;

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

function NumberField({ label, value, min, max, onChange }: { label: string; value: number; min?: number; max?: number; onChange: (v: number) => void }) {
  return (
    <label className="field field-inline">
      <span>{label.replace(/^Rule \d+ /, '')}</span>
      <input
        type="number"
        aria-label={label}
        value={Number.isFinite(value) ? value : ''}
        min={min}
        max={max}
        onChange={(e) => onChange(e.target.valueAsNumber)}
      />
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
          <NumberField label={`${p} rise percent`} value={spec.percent} min={1} onChange={(percent) => onChange({ ...spec, percent })} />
          <NumberField label={`${p} minimum users`} value={spec.minUsers} min={0} onChange={(minUsers) => onChange({ ...spec, minUsers })} />
          <NumberField label={`${p} window minutes`} value={spec.windowMinutes} min={1} max={1440} onChange={(windowMinutes) => onChange({ ...spec, windowMinutes })} />
        </>
      );
    case 'threshold':
      return (
        <>
          <label className="field field-inline">
            <span>direction</span>
            <select aria-label={`${p} direction`} value={spec.direction} onChange={(e) => onChange({ ...spec, direction: e.target.value as 'up' | 'down' })}>
              <option value="up">crosses up</option>
              <option value="down">crosses down</option>
            </select>
          </label>
          <NumberField label={`${p} threshold value`} value={spec.value} min={0} onChange={(value) => onChange({ ...spec, value })} />
          <NumberField label={`${p} hysteresis`} value={spec.hysteresis} min={0} onChange={(hysteresis) => onChange({ ...spec, hysteresis })} />
        </>
      );
    case 'drop':
      return (
        <>
          <NumberField label={`${p} drop percent`} value={spec.percent} min={1} max={100} onChange={(percent) => onChange({ ...spec, percent })} />
          <NumberField label={`${p} window minutes`} value={spec.windowMinutes} min={1} max={1440} onChange={(windowMinutes) => onChange({ ...spec, windowMinutes })} />
          <label className="check">
            <input type="checkbox" checked={spec.toZero} onChange={(e) => onChange({ ...spec, toZero: e.target.checked })} />
            or to zero
          </label>
        </>
      );
    case 'all_time_high':
      return <NumberField label={`${p} minimum users`} value={spec.minUsers} min={0} onChange={(minUsers) => onChange({ ...spec, minUsers })} />;
  }
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
  const current = scopeValue(rule.scope);
  const known = scopes.some((s) => s.value === current);
  return (
    <li className="card rule" aria-label={`Rule ${n}`}>
      <div className="row wrap">
        <label className="check">
          <input type="checkbox" checked={rule.enabled} onChange={(e) => onChange({ ...rule, enabled: e.target.checked })} />
          <span className="visually-hidden">Rule {n} </span>on
        </label>
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
          value={rule.cooldownMinutes}
          min={0}
          max={1440}
          onChange={(cooldownMinutes) => onChange({ ...rule, cooldownMinutes })}
        />
      </div>
    </li>
  );
}
