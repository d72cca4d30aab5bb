/**
 * Counts in words: "1 session", "3 sessions", "5,000 sessions" (grouped in the user's locale) — never
 * "session(s)". Irregular plurals are passed in.
 */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? word : many}`;
}
