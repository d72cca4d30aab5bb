import { describe, expect, it } from 'vitest';
import { readItem } from './item-fields';
import { ReadNotes } from './read-notes';

describe('readItem: one item, read liberally, with what was wrong noted', () => {
  it('accepts the other type where the docs disagree, silently', () => {
    const notes = new ReadNotes('luaauth');
    const item = readItem({ id: 123, n: '42', t: 7, f: 'true', big: '97963719390038484793' }, 'session', notes);
    expect(item.id('id')).toBe('123');
    expect(item.count('n')).toBe(42);
    expect(item.text('t')).toBe('7');
    expect(item.flag('f')).toBe(true);
    expect(item.id('big')).toBe('97963719390038484793');
    expect(notes.empty).toBe(true);
  });

  it('notes missing, null and unreadable fields, but not quiet ones', () => {
    const notes = new ReadNotes('luaprot');
    const item = readItem({ a: null, c: { x: 1 }, d: -1, e: '' }, 'session', notes, new Set(['q']));
    expect(item.text('a')).toBeUndefined();
    expect(item.text('b')).toBeUndefined();
    expect(item.text('q')).toBeUndefined();
    expect(item.number('c')).toBeUndefined();
    expect(item.count('d')).toBeUndefined();
    expect(item.id('e')).toBeUndefined();
    expect(item.id('u')).toBeUndefined();
    expect(notes.lines()).toEqual([
      'LuaProt: 1 session lacked a',
      'LuaProt: 1 session lacked b',
      'LuaProt: 1 session had an unreadable c',
      'LuaProt: 1 session had an unreadable d',
      'LuaProt: 1 session lacked e',
      'LuaProt: 1 session lacked u',
    ]);
  });

  it('an item that is not an object is counted as unreadable once, not per field', () => {
    const notes = new ReadNotes('junkie');
    for (const raw of [null, 'x', [1]]) {
      const item = readItem(raw, 'session', notes);
      expect(item.raw).toEqual({});
      expect(item.id('sessionId')).toBeUndefined();
    }
    expect(notes.lines()).toEqual(['Junkie: 3 sessions could not be read at all']);
  });

  it('tallies add up across responses', () => {
    const a = new ReadNotes('luaprot');
    a.note('session', 'lacked', 'robloxUsername');
    const b = new ReadNotes('luaprot');
    b.note('session', 'lacked', 'robloxUsername', 2);
    a.add(b);
    expect(a.lines()).toEqual(['LuaProt: 3 sessions lacked robloxUsername']);
  });
});
