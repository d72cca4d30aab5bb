import { describe, expect, it } from 'vitest';
import { sampleSession } from '../test-support/sample-data';
import { clampWidth, columnsFor, MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH, nextSort, sortSessions } from './session-columns';

const names = (xs: Array<{ username?: string }>) => xs.map((s) => s.username);

describe('sortSessions', () => {
  const a = sampleSession({ id: 'a', username: 'bob', createdAt: 3000, jobId: 'job-10' });
  const b = sampleSession({ id: 'b', username: 'Ann', createdAt: 1000, jobId: 'job-9' });
  const c = sampleSession({ id: 'c', username: 'cid', createdAt: undefined, jobId: undefined });

  it('leaves the provider’s order alone when unsorted', () => {
    expect(names(sortSessions([a, b, c], null))).toEqual(['bob', 'Ann', 'cid']);
  });

  it('sorts names without regard to case, and digits in numeric order', () => {
    expect(names(sortSessions([a, b, c], { column: 'name', direction: 'ascending' }))).toEqual(['Ann', 'bob', 'cid']);
    expect(names(sortSessions([a, b, c], { column: 'name', direction: 'descending' }))).toEqual(['cid', 'bob', 'Ann']);
    expect(names(sortSessions([a, b], { column: 'job', direction: 'ascending' }))).toEqual(['Ann', 'bob']); // job-9 before job-10
  });

  it('puts rows without a value last in both directions', () => {
    expect(names(sortSessions([c, a, b], { column: 'started', direction: 'ascending' }))).toEqual(['Ann', 'bob', 'cid']);
    expect(names(sortSessions([c, a, b], { column: 'started', direction: 'descending' }))).toEqual(['bob', 'Ann', 'cid']);
  });

  it('keeps equal rows in their order (stable)', () => {
    const same = [sampleSession({ id: '1', username: 'x1', placeId: '5' }), sampleSession({ id: '2', username: 'x2', placeId: '5' })];
    expect(names(sortSessions(same, { column: 'place', direction: 'descending' }))).toEqual(['x1', 'x2']);
  });
});

describe('columnsFor', () => {
  it('shows the columns the rows fill, the player and connected time always', () => {
    const ids = columnsFor([sampleSession({ userKey: undefined, hwid: undefined, jobId: 'j', placeId: undefined, universeId: undefined, beatCount: undefined, lastBeatAt: undefined, robloxUserId: undefined })]).map((c) => c.id);
    expect(ids).toContain('name');
    expect(ids).toContain('started');
    expect(ids).toContain('job');
    expect(ids).not.toContain('key');
    expect(ids).not.toContain('hwid');
  });
});

describe('nextSort and clampWidth', () => {
  it('a new column sorts ascending, the same one flips', () => {
    expect(nextSort(null, 'key')).toEqual({ column: 'key', direction: 'ascending' });
    expect(nextSort({ column: 'key', direction: 'ascending' }, 'key')).toEqual({ column: 'key', direction: 'descending' });
    expect(nextSort({ column: 'key', direction: 'descending' }, 'key')).toEqual({ column: 'key', direction: 'ascending' });
    expect(nextSort({ column: 'key', direction: 'descending' }, 'job')).toEqual({ column: 'job', direction: 'ascending' });
  });
  it('keeps widths within the limits', () => {
    expect(clampWidth(5)).toBe(MIN_COLUMN_WIDTH);
    expect(clampWidth(5000)).toBe(MAX_COLUMN_WIDTH);
    expect(clampWidth(120.4)).toBe(120);
  });
});
