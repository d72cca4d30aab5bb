import { describe, expect, it } from 'vitest';
import { accountSeries, targetSeries, TOTAL_SERIES } from '../../shared/series-ref';
import { isAccountSeriesKey, seriesKey } from './series-key';

describe('seriesKey', () => {
  it('gives the ids Pulsebar generates the keys files already hold', () => {
    expect(seriesKey(TOTAL_SERIES)).toBe('*');
    expect(seriesKey(accountSeries('junkie-0a1b2c3d4e'))).toBe('junkie-0a1b2c3d4e');
    expect(seriesKey(targetSeries('luaprot-1', 'hub/1:x'))).toBe('luaprot-1/hub/1:x');
  });

  it('keeps any two series apart, whatever their ids hold', () => {
    const refs = [
      TOTAL_SERIES,
      accountSeries('*'),
      accountSeries('a'),
      accountSeries('a/b'),
      accountSeries('a%2Fb'),
      targetSeries('a', 'b'),
      targetSeries('a/b', 'c'),
      targetSeries('a', 'b/c'),
      targetSeries('a:b', 'c'),
    ];
    const keys = refs.map(seriesKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('tells an account\'s own series from another account\'s', () => {
    expect(isAccountSeriesKey(seriesKey(accountSeries('a')), 'a')).toBe(true);
    expect(isAccountSeriesKey(seriesKey(targetSeries('a', 'x/y')), 'a')).toBe(true);
    expect(isAccountSeriesKey(seriesKey(accountSeries('a/b')), 'a')).toBe(false);
    expect(isAccountSeriesKey(seriesKey(targetSeries('a/b', 'c')), 'a')).toBe(false);
    expect(isAccountSeriesKey(seriesKey(TOTAL_SERIES), '*')).toBe(false);
  });
});
