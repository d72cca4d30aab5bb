import { describe, expect, it } from 'vitest';
import { age, ageWords, ago, axisTimeLabels, count } from './time-format';

const NOW = Date.UTC(2026, 11, 2, 12, 0, 0);
const sec = 1000;
const min = 60 * sec;
const hour = 60 * min;

describe('ago', () => {
  it('says never for no time', () => {
    expect(ago(null, NOW)).toBe('never');
    expect(ago(undefined, NOW)).toBe('never');
  });
  it('steps from just now to seconds, minutes, hours and days at each boundary', () => {
    expect(ago(NOW - 4 * sec, NOW)).toBe('just now');
    expect(ago(NOW - 5 * sec, NOW)).toBe('5 s ago');
    expect(ago(NOW - 59 * sec, NOW)).toBe('59 s ago');
    expect(ago(NOW - 60 * sec, NOW)).toBe('1 min ago');
    expect(ago(NOW - 59 * min, NOW)).toBe('59 min ago');
    expect(ago(NOW - 60 * min, NOW)).toBe('1 h ago');
    expect(ago(NOW - 47 * hour, NOW)).toBe('47 h ago');
    expect(ago(NOW - 48 * hour, NOW)).toBe('2 d ago');
  });
  it('treats a time in the future (clock skew) as just now, never negative', () => {
    expect(ago(NOW + 30 * sec, NOW)).toBe('just now');
  });
});

describe('age', () => {
  it('is a dash when unknown', () => expect(age(undefined, NOW)).toBe('—'));
  it('is compact seconds, minutes, hours with minutes, then days', () => {
    expect(age(NOW - 59 * sec, NOW)).toBe('59s');
    expect(age(NOW - 61 * sec, NOW)).toBe('1m');
    expect(age(NOW - (2 * hour + 5 * min), NOW)).toBe('2h 5m');
    expect(age(NOW - 47 * hour, NOW)).toBe('47h 0m');
    expect(age(NOW - 50 * hour, NOW)).toBe('2d');
  });
  it('never goes negative', () => expect(age(NOW + 10 * sec, NOW)).toBe('0s'));
});

describe('ageWords', () => {
  it('is "unknown" without a start', () => expect(ageWords(undefined, NOW)).toBe('unknown'));
  it('spells units for screen readers, singular and plural', () => {
    expect(ageWords(NOW - 30 * sec, NOW)).toBe('30 seconds');
    expect(ageWords(NOW - 1 * min, NOW)).toBe('1 minute');
    expect(ageWords(NOW - 2 * min, NOW)).toBe('2 minutes');
    expect(ageWords(NOW - (3 * hour + 4 * min), NOW)).toBe('3 h 4 min');
    expect(ageWords(NOW - 72 * hour, NOW)).toBe('3 days');
  });
});

describe('count', () => {
  it('is a dash for no number, never a zero', () => {
    expect(count(null)).toBe('—');
    expect(count(undefined)).toBe('—');
    expect(count(0)).toBe('0');
  });
  it('groups digits the locale way', () => expect(count(12345)).toBe((12345).toLocaleString()));
});

describe('axisTimeLabels', () => {
  const day = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
  const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
  it('shows only dates when ticks are a day or more apart', () => {
    const splits = [0, 86_400, 172_800].map((d) => Date.UTC(2026, 0, 10) / 1000 + d);
    expect(axisTimeLabels(splits, 86_400)).toEqual(splits.map((s) => day.format(new Date(s * 1000))));
  });
  it('puts the date under the first tick and where the day changes, times elsewhere', () => {
    // Local midnight of a day, so the third tick is the next day in any time zone.
    const midnight = new Date(2026, 0, 10, 22, 0, 0).getTime() / 1000;
    const splits = [midnight, midnight + 3600, midnight + 7200];
    const labels = axisTimeLabels(splits, 3600);
    const d = (s: number) => new Date(s * 1000);
    expect(labels[0]).toBe(`${time.format(d(splits[0]!))}\n${day.format(d(splits[0]!))}`);
    expect(labels[1]).toBe(time.format(d(splits[1]!)));
    expect(labels[2]).toBe(`${time.format(d(splits[2]!))}\n${day.format(d(splits[2]!))}`);
  });
});
