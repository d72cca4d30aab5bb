import { describe, expect, it } from 'vitest';
import { fixedOffsetLocalMinutes, isQuietTime, parseClockTime, systemLocalMinutes } from './quiet-hours';

/* Quiet hours at their edges: the first and last minute of a range, midnight, and malformed times. */

describe('parseClockTime', () => {
  it('reads "HH:MM" with one or two hour digits, spaces around allowed', () => {
    expect(parseClockTime('00:00')).toBe(0);
    expect(parseClockTime('7:05')).toBe(425);
    expect(parseClockTime(' 23:59 ')).toBe(1439);
    expect(parseClockTime('24:00')).toBe(1440);
  });

  it('refuses anything else', () => {
    for (const text of ['24:01', '25:00', '12:60', '12:5', '123:00', '12-00', '', 'noon', '12:00pm', 'x12:00']) {
      expect(parseClockTime(text), text).toBeUndefined();
    }
  });
});

describe('isQuietTime', () => {
  const quiet = (start: string, end: string) => ({ enabled: true, start, end });

  it('includes the start minute and excludes the end minute', () => {
    expect(isQuietTime(quiet('09:00', '17:00'), 9 * 60)).toBe(true);
    expect(isQuietTime(quiet('09:00', '17:00'), 9 * 60 - 1)).toBe(false);
    expect(isQuietTime(quiet('09:00', '17:00'), 17 * 60 - 1)).toBe(true);
    expect(isQuietTime(quiet('09:00', '17:00'), 17 * 60)).toBe(false);
  });

  it('wraps past midnight', () => {
    const night = quiet('22:00', '07:00');
    expect(isQuietTime(night, 22 * 60)).toBe(true);
    expect(isQuietTime(night, 22 * 60 - 1)).toBe(false);
    expect(isQuietTime(night, 0)).toBe(true);
    expect(isQuietTime(night, 7 * 60 - 1)).toBe(true);
    expect(isQuietTime(night, 7 * 60)).toBe(false);
    expect(isQuietTime(night, 12 * 60)).toBe(false);
  });

  it('is never quiet when off, empty (start = end) or malformed: an alert beats silence by mistake', () => {
    expect(isQuietTime({ enabled: false, start: '00:00', end: '24:00' }, 600)).toBe(false);
    expect(isQuietTime(undefined, 600)).toBe(false);
    expect(isQuietTime(quiet('10:00', '10:00'), 600)).toBe(false);
    expect(isQuietTime(quiet('bad', '12:00'), 600)).toBe(false);
    expect(isQuietTime(quiet('09:00', 'bad'), 600)).toBe(false);
    expect(isQuietTime(quiet('00:00', '24:00'), 1439)).toBe(true);
  });
});

describe('local minutes', () => {
  it('shifts UTC by a fixed offset, either way, wrapping at midnight', () => {
    const at = Date.UTC(2026, 0, 1, 23, 30);
    expect(fixedOffsetLocalMinutes(0)(at)).toBe(23 * 60 + 30);
    expect(fixedOffsetLocalMinutes(60)(at)).toBe(30);
    expect(fixedOffsetLocalMinutes(-24 * 60 - 30)(at)).toBe(23 * 60);
    expect(fixedOffsetLocalMinutes(-120)(Date.UTC(2026, 0, 1, 1, 0))).toBe(23 * 60);
    expect(fixedOffsetLocalMinutes(0)(Date.UTC(2026, 0, 1, 1, 0, 59, 999))).toBe(60);
  });

  it("reads the machine's own clock", () => {
    const at = new Date(2026, 5, 1, 13, 45, 10).getTime();
    expect(systemLocalMinutes(at)).toBe(13 * 60 + 45);
  });
});
