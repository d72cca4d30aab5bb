import { describe, expect, it } from 'vitest';
import { describeDisconnects, luaauthBulkDisconnectSchema, toDisconnectOutcomes } from './bulk';
import { ReadNotes } from '../read-notes';

const read = (body: unknown, ids: string[]) => toDisconnectOutcomes(luaauthBulkDisconnectSchema.parse(body), ids, new ReadNotes('luaauth'));

describe('LuaAuth bulk disconnect: what the provider said per session', () => {
  it('the documented {success: true} confirms no session: "accepted", never "N disconnected"', () => {
    const outcomes = read({ success: true }, ['a', 'b']);
    expect(outcomes).toEqual([
      { sessionId: 'a', disconnected: null },
      { sessionId: 'b', disconnected: null },
    ]);
    const words = describeDisconnects(outcomes);
    expect(words.message).toMatch(/^LuaAuth accepted the disconnect of 2 sessions; it does not confirm each one/);
    expect(words.message).not.toMatch(/2 sessions? disconnected/);
    expect(words.count).toBeUndefined();
  });

  it('per-session answers, when given, are reported as given (in request order)', () => {
    const outcomes = read({ success: true, responses: [{ success: true }, { success: false, reason: 'session not found' }, {}] }, ['a', 'b', 'c']);
    expect(outcomes).toEqual([
      { sessionId: 'a', disconnected: true },
      { sessionId: 'b', disconnected: false, reason: 'session not found' },
      { sessionId: 'c', disconnected: null },
    ]);
    expect(describeDisconnects(outcomes)).toEqual({ message: '1 session disconnected, 1 not (b: session not found), 1 not confirmed by LuaAuth.', count: 1 });
  });

  it('lists of disconnected / failed ids are read too', () => {
    const outcomes = read({ success: true, disconnected: ['a'], failed: [{ id: 'b', reason: 'gone' }] }, ['a', 'b', 'c']);
    expect(outcomes.map((o) => o.disconnected)).toEqual([true, false, false]);
    expect(describeDisconnects(outcomes).count).toBe(1);
  });
});
