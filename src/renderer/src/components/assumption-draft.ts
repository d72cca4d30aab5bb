import {
  rateLimitProblem,
  routeProblem,
  type AccountAssumptionSettings,
  type AssumptionDefaults,
  type RateLimitSetting,
} from '../../../shared/provider-assumptions';

/**
 * The Provider details form's state: text as typed, so a half-typed number is kept while it is checked.
 * `null` means "the provider's default" (nothing stored for the account), so a later default reaches it.
 */
export interface AssumptionDraft {
  rateLimits: Array<{ max: string; windowSeconds: string }> | null;
  bulkMessageRoute: string | null;
}

export function draftFromAssumptions(own: AccountAssumptionSettings | undefined): AssumptionDraft {
  return {
    rateLimits: own?.rateLimits ? own.rateLimits.map((l) => ({ max: String(l.max), windowSeconds: String(l.windowSeconds) })) : null,
    bulkMessageRoute: own?.bulkMessageRoute ?? null,
  };
}

export function textOfLimits(limits: readonly RateLimitSetting[]): Array<{ max: string; windowSeconds: string }> {
  return limits.map((l) => ({ max: String(l.max), windowSeconds: String(l.windowSeconds) }));
}

/** A whole number as typed, or NaN (so the shared check refuses it in its own words). */
const wholeNumber = (text: string): number => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);

/** Problems per field, keyed "rate-<i>" and "route", from the same checks main applies. */
export function draftProblems(draft: AssumptionDraft): Record<string, string> {
  const problems: Record<string, string> = {};
  draft.rateLimits?.forEach((l, i) => {
    const problem = rateLimitProblem({ max: wholeNumber(l.max), windowSeconds: wholeNumber(l.windowSeconds) });
    if (problem) problems[`rate-${i}`] = problem;
  });
  if (draft.rateLimits?.length === 0) problems['rate-none'] = 'Give at least one rate limit, or use the default.';
  if (draft.bulkMessageRoute !== null) {
    const problem = routeProblem(draft.bulkMessageRoute.trim());
    if (problem) problems.route = problem;
  }
  return problems;
}

/** What to send as the account's overrides (only valid drafts are sent). */
export function assumptionsFromDraft(draft: AssumptionDraft): AccountAssumptionSettings {
  const out: AccountAssumptionSettings = {};
  if (draft.rateLimits) out.rateLimits = draft.rateLimits.map((l) => ({ max: wholeNumber(l.max), windowSeconds: wholeNumber(l.windowSeconds) }));
  if (draft.bulkMessageRoute !== null) out.bulkMessageRoute = draft.bulkMessageRoute.trim();
  return out;
}

/** Whether the draft differs from what the account has stored (so Save sends it). */
export function draftChanged(draft: AssumptionDraft, own: AccountAssumptionSettings | undefined): boolean {
  return JSON.stringify(assumptionsFromDraft(draft)) !== JSON.stringify(assumptionsFromDraft(draftFromAssumptions(own)));
}

/** The limits in force for the draft: its own, else the default. */
export function limitsShown(draft: AssumptionDraft, defaults: AssumptionDefaults): Array<{ max: string; windowSeconds: string }> {
  return draft.rateLimits ?? textOfLimits(defaults.rateLimits);
}
