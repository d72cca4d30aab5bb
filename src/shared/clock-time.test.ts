import { describe, expect, it } from 'vitest';
import { clockTimeProblem } from './clock-time';

describe('clockTimeProblem', () => {
  it('accepts HH:MM from 00:00 to 23:59 and says what is wrong otherwise', () => {
    for (const ok of ['00:00', '07:15', '23:59']) expect(clockTimeProblem(ok)).toBeNull();
    expect(clockTimeProblem('')).toBe('Enter a time, e.g. 22:00.');
    for (const bad of ['24:00', '7:15', '12:60', '12:00:00']) expect(clockTimeProblem(bad)).toMatch(/^Use hours and minutes/);
  });
});
