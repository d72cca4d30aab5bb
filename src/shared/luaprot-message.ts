/**
 * LuaProt's one message rule (seed: "`message` must be between 1 and 100 characters"), in one place
 * for main (client, IPC check), the window's counter and the CLI. Plain TypeScript: no Node or DOM.
 *
 * Counted in code points, not UTF-16 units: the seed says "characters", and a person counts an emoji
 * as one character while JavaScript's `length` counts it as two. Counting units in main and code points
 * in the window let the counter say 60/100 for a message main then refused. ASSUMPTION (not in the
 * seed): LuaProt counts the same way; if it counts UTF-16 units, a message of many emoji near the limit
 * is refused by LuaProt with its own words, which the app shows.
 *
 * A message of only spaces is refused here too: "between 1 and 100 characters" is about something to
 * read, and a blank message reaches players as nothing [assumption: LuaProt itself may accept it].
 */
export const LUAPROT_MESSAGE_MIN = 1;
export const LUAPROT_MESSAGE_MAX = 100;

/** Characters as the rule counts them: Unicode code points. */
export function messageLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** The rule in one sentence (the window's counter shows the length beside it). */
export const LUAPROT_MESSAGE_RULE = `The message must be ${LUAPROT_MESSAGE_MIN} to ${LUAPROT_MESSAGE_MAX} characters.`;

export interface LuaProtMessageProblem {
  reason: 'not_text' | 'empty' | 'blank' | 'too_long';
  /** What is wrong and what to do, for the user. */
  message: string;
}

/** Why LuaProt would not take this message; undefined when it is fine. */
export function luaprotMessageProblem(text: unknown): LuaProtMessageProblem | undefined {
  if (typeof text !== 'string') return { reason: 'not_text', message: 'The message must be text.' };
  const range = `${LUAPROT_MESSAGE_MIN} to ${LUAPROT_MESSAGE_MAX} characters`;
  if (text.length === 0) return { reason: 'empty', message: `The message is empty; LuaProt needs ${range}.` };
  if (text.trim() === '') return { reason: 'blank', message: `The message is only spaces; write ${range} for the players to read.` };
  const length = messageLength(text);
  if (length > LUAPROT_MESSAGE_MAX) {
    return {
      reason: 'too_long',
      message: `The message has ${length} characters; LuaProt accepts at most ${LUAPROT_MESSAGE_MAX}. Shorten it by ${length - LUAPROT_MESSAGE_MAX}.`,
    };
  }
  return undefined;
}
