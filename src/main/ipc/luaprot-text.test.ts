import { describe, expect, it } from 'vitest';
import { requestSchemas } from './ipc-schemas';

const EMOJI = '\u{1F600}'; // one character, two UTF-16 units

describe("the IPC check of LuaProt message text uses the shared rule (shared/luaprot-message.ts)", () => {
  it('main\'s IPC check applies the same rule (it counted UTF-16 units, refusing 60 emoji the window allowed)', () => {
    const message = requestSchemas['sessions:message'];
    expect(message.safeParse({ accountId: 'a', sessionId: 's', text: EMOJI.repeat(60) }).success).toBe(true);
    expect(message.safeParse({ accountId: 'a', sessionId: 's', text: EMOJI.repeat(100) }).success).toBe(true);
    expect(message.safeParse({ accountId: 'a', sessionId: 's', text: EMOJI.repeat(101) }).success).toBe(false);
    expect(message.safeParse({ accountId: 'a', sessionId: 's', text: '   ' }).success).toBe(false);
  });
});
