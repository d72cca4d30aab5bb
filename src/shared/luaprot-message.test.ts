import { describe, expect, it } from 'vitest';
import { LUAPROT_MESSAGE_MAX, luaprotMessageProblem, messageLength } from './luaprot-message';

const EMOJI = '\u{1F600}'; // one character, two UTF-16 units

describe("LuaProt's message rule (one rule for main, window and CLI)", () => {
  it('counts code points, so 100 emoji fit and 101 do not', () => {
    expect(EMOJI.length).toBe(2);
    expect(messageLength(EMOJI.repeat(100))).toBe(100);
    expect(luaprotMessageProblem(EMOJI.repeat(100))).toBeUndefined();
    expect(luaprotMessageProblem(EMOJI.repeat(101))).toMatchObject({ reason: 'too_long', message: expect.stringMatching(/101 characters.*at most 100.*by 1/) });
    expect(luaprotMessageProblem('x'.repeat(LUAPROT_MESSAGE_MAX))).toBeUndefined();
  });

  it('refuses empty and whitespace-only messages', () => {
    expect(luaprotMessageProblem('')).toMatchObject({ reason: 'empty' });
    expect(luaprotMessageProblem('   \n\t')).toMatchObject({ reason: 'blank', message: expect.stringMatching(/only spaces/) });
    expect(luaprotMessageProblem(' hi ')).toBeUndefined();
  });
});
