import { describe, expect, it } from 'vitest';
import { ALERT_LIMITS, numberProblem } from './alert-rule-limits';

describe('numberProblem', () => {
  it('accepts numbers within the bounds, the bounds included', () => {
    expect(numberProblem(1, ALERT_LIMITS.windowMinutes)).toBeNull();
    expect(numberProblem(1440, ALERT_LIMITS.windowMinutes)).toBeNull();
    expect(numberProblem(0, ALERT_LIMITS.cooldownMinutes)).toBeNull();
    expect(numberProblem(10_000, ALERT_LIMITS.users)).toBeNull();
  });
  it('says in words what to enter when a box is empty or out of range', () => {
    expect(numberProblem(Number.NaN, ALERT_LIMITS.users)).toBe('Enter a number from 0 to 10,000,000 users.');
    expect(numberProblem(2000, ALERT_LIMITS.windowMinutes)).toBe('Enter a number from 1 to 1,440 minutes.');
    expect(numberProblem(-1, ALERT_LIMITS.dropPercent)).toBe('Enter a number from 0 to 100 %.');
    expect(numberProblem(2.5, ALERT_LIMITS.windowMinutes)).toBe('Use whole minutes.');
  });
});
