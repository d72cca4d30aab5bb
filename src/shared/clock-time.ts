/**
 * A local time of day as quiet hours keep it: "HH:MM", 00:00–23:59. One source for main's IPC schema
 * and the Alerts view's quiet-hours form.
 */
export const CLOCK_TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** What is wrong with a time typed into a form, in plain words, or null when it is fine. */
export function clockTimeProblem(value: string): string | null {
  if (value.trim() === '') return 'Enter a time, e.g. 22:00.';
  return CLOCK_TIME_PATTERN.test(value) ? null : 'Use hours and minutes from 00:00 to 23:59, e.g. 22:00.';
}
