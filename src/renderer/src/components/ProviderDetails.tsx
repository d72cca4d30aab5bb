import { useEffect, useState } from 'react';
import type { ProviderId } from '../../../shared/model';
import { PROVIDER_NAMES } from '../../../shared/model';
import {
  ASSUMPTION_SETTING_LABELS,
  RATE_LIMITS_MAX,
  describeRateLimits,
  type ProviderAssumption,
  type ProviderAssumptionsView,
} from '../../../shared/provider-assumptions';
import { useAccounts } from '../stores/accounts-store';
import { assumptionsFromDraft, draftProblems, limitsShown, type AssumptionDraft } from './assumption-draft';
import './ProviderDetails.css';

/**
 * An account's "Provider details": everything Pulsebar relies on about its provider, what the docs say
 * and what is assumed, with the value in force; the assumptions a user may need to correct (rate limits,
 * LuaAuth's bulk message route) are fields here, checked as typed with the rules main applies.
 * The base URL row points at the Base URL field above, its one place.
 */
export function ProviderDetails({
  provider,
  baseUrl,
  draft,
  onChange,
  idPrefix,
}: {
  provider: ProviderId;
  baseUrl: string;
  draft: AssumptionDraft;
  onChange: (draft: AssumptionDraft) => void;
  idPrefix: string;
}) {
  const [open, setOpen] = useState(false);
  const all = useAccounts((s) => s.assumptions);
  const loadError = useAccounts((s) => s.assumptionsError);
  const load = useAccounts((s) => s.loadAssumptions);
  useEffect(() => {
    if (open) void load();
  }, [open, load]);
  const view = all?.[provider];

  return (
    <details className="provider-details" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Provider details</summary>
      {open && !view && (loadError ? <p role="alert" className="error-text small">Could not load the provider details: {loadError}</p> : <p className="muted small">Loading…</p>)}
      {open && view && <DetailsBody provider={provider} view={view} baseUrl={baseUrl} draft={draft} onChange={onChange} idPrefix={idPrefix} />}
    </details>
  );
}

function DetailsBody({
  provider,
  view,
  baseUrl,
  draft,
  onChange,
  idPrefix,
}: {
  provider: ProviderId;
  view: ProviderAssumptionsView;
  baseUrl: string;
  draft: AssumptionDraft;
  onChange: (draft: AssumptionDraft) => void;
  idPrefix: string;
}) {
  const problems = draftProblems(draft);
  const limits = limitsShown(draft, view.defaults);
  const inForce = (a: ProviderAssumption): string => {
    switch (a.setting) {
      case 'baseUrl':
        return baseUrl.trim() === view.defaults.baseUrl ? `${baseUrl} (default)` : baseUrl;
      case 'rateLimits':
        if (draft.rateLimits === null) return `${a.value} (default)`;
        return Object.keys(problems).some((k) => k.startsWith('rate-')) ? '(not valid yet)' : describeRateLimits(assumptionsFromDraft(draft).rateLimits!);
      case 'bulkMessageRoute':
        return draft.bulkMessageRoute === null ? `${a.value} (default)` : `POST ${draft.bulkMessageRoute.trim()}`;
      default:
        return a.value;
    }
  };
  const setLimit = (i: number, field: 'max' | 'windowSeconds', text: string) =>
    onChange({ ...draft, rateLimits: limits.map((l, j) => (j === i ? { ...l, [field]: text } : l)) });

  return (
    <div className="provider-details-body">
      <table className="assumptions-table" aria-label={`${PROVIDER_NAMES[provider]} assumptions`}>
        <thead>
          <tr>
            <th scope="col">What</th>
            <th scope="col">Source</th>
            <th scope="col">In use</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {view.assumptions.map((a) => (
            <tr key={a.id} className={a.basis === 'assumed' ? 'assumed' : undefined}>
              <th scope="row">{a.topic}</th>
              <td>{a.basis === 'documented' ? 'Documented' : 'Assumed'}</td>
              <td className="assumption-value">{inForce(a)}</td>
              <td className="muted">
                {a.note}
                {a.setting && a.setting !== 'baseUrl' && ` Change it below (${ASSUMPTION_SETTING_LABELS[a.setting]}).`}
                {a.setting === 'baseUrl' && ' Change it in Base URL above.'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <fieldset className="assumption-fields">
        <legend>{ASSUMPTION_SETTING_LABELS.rateLimits}</legend>
        <p className="muted small">
          Requests Pulsebar may send; every limit must hold. Polling uses half, so your own actions always find room.
        </p>
        {limits.map((l, i) => {
          const error = problems[`rate-${i}`];
          const errorId = `${idPrefix}-rate-${i}-error`;
          return (
            <div className="rate-limit-row" key={i}>
              <input
                aria-label={`Rate limit ${i + 1} requests`}
                inputMode="numeric"
                value={l.max}
                aria-invalid={error !== undefined}
                aria-describedby={error ? errorId : undefined}
                onChange={(e) => setLimit(i, 'max', e.target.value)}
              />
              <span>requests per</span>
              <input
                aria-label={`Rate limit ${i + 1} window in seconds`}
                inputMode="numeric"
                value={l.windowSeconds}
                aria-invalid={error !== undefined}
                aria-describedby={error ? errorId : undefined}
                onChange={(e) => setLimit(i, 'windowSeconds', e.target.value)}
              />
              <span>s</span>
              {limits.length > 1 && (
                <button type="button" onClick={() => onChange({ ...draft, rateLimits: limits.filter((_, j) => j !== i) })}>
                  Remove
                </button>
              )}
              {error && (
                <span id={errorId} className="error-text small field-error">
                  {error}
                </span>
              )}
            </div>
          );
        })}
        <div className="button-row">
          {limits.length < RATE_LIMITS_MAX && (
            <button type="button" onClick={() => onChange({ ...draft, rateLimits: [...limits, { max: '', windowSeconds: '' }] })}>
              Add a limit
            </button>
          )}
          {draft.rateLimits !== null && (
            <button type="button" onClick={() => onChange({ ...draft, rateLimits: null })}>
              Use the default ({describeRateLimits(view.defaults.rateLimits)})
            </button>
          )}
        </div>
      </fieldset>

      {view.defaults.bulkMessageRoute !== undefined && (
        <fieldset className="assumption-fields">
          <legend>{ASSUMPTION_SETTING_LABELS.bulkMessageRoute}</legend>
          <label className="field">
            <span>POST path after the base URL</span>
            <input
              aria-label={ASSUMPTION_SETTING_LABELS.bulkMessageRoute}
              value={draft.bulkMessageRoute ?? view.defaults.bulkMessageRoute}
              spellCheck={false}
              aria-invalid={problems.route !== undefined}
              aria-describedby={problems.route ? `${idPrefix}-route-error` : undefined}
              onChange={(e) => onChange({ ...draft, bulkMessageRoute: e.target.value })}
            />
          </label>
          {problems.route && (
            <span id={`${idPrefix}-route-error`} className="error-text small field-error">
              {problems.route}
            </span>
          )}
          {draft.bulkMessageRoute !== null && (
            <div className="button-row">
              <button type="button" onClick={() => onChange({ ...draft, bulkMessageRoute: null })}>
                Use the default ({view.defaults.bulkMessageRoute})
              </button>
            </div>
          )}
        </fieldset>
      )}
    </div>
  );
}
