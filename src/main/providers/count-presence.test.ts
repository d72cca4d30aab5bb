import { describe, expect, it } from 'vitest';
import { notePresence } from './item-fields';
import { LUAAUTH_SESSION_NOTED_FIELDS, toLuaAuthSession } from './luaauth/schema';
import { LUAPROT_SESSION_NOTED_FIELDS, toLuaProtSession } from './luaprot/schema';
import { ReadNotes } from './read-notes';

/*
 * The count paths only look for missing fields (no normalization); what they check must stay the
 * fields the full readers note, or a poll and an opened list would tell different stories.
 */
describe('count-path presence checks', () => {
  it.each([
    ['luaprot', LUAPROT_SESSION_NOTED_FIELDS, toLuaProtSession],
    ['luaauth', LUAAUTH_SESSION_NOTED_FIELDS, toLuaAuthSession],
  ] as const)('%s: check exactly the fields the session reader notes', (provider, fields, read) => {
    const full = new ReadNotes(provider);
    read({}, full);
    expect(full.list().map((n) => n.field)).toEqual([...fields]);
  });

  it('note the same lines as reading the list would, for missing fields and non-objects', () => {
    const items = [{ id: '1', robloxUsername: 'a', robloxJobId: 'j', robloxUniverseId: '9', created: 1 }, { id: '2', robloxJobId: 'j', robloxUniverseId: '9', created: 1 }, { robloxUsername: null, robloxJobId: 'j', robloxUniverseId: '9', created: 1 }, 'junk'];
    const quick = new ReadNotes('luaprot');
    notePresence(items, 'session', LUAPROT_SESSION_NOTED_FIELDS, quick);
    const full = new ReadNotes('luaprot');
    items.forEach((item) => toLuaProtSession(item, full));
    expect(quick.lines().sort()).toEqual(full.lines().sort());
  });
});
