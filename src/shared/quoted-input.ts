import { QUOTED_INPUT_MAX } from './input-limits';

/**
 * A refused value as an error message may show it: the first QUOTED_INPUT_MAX characters, then "…".
 * An error never echoes a whole input back (10 MB in must not mean 10 MB out), and the cut never
 * splits a surrogate pair into a lone half.
 */
export function quoteInput(value: string): string {
  if (value.length <= QUOTED_INPUT_MAX) return `"${value}"`;
  let end = QUOTED_INPUT_MAX;
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `"${value.slice(0, end)}…" (${value.length} characters)`;
}
