import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * One source for each limit (issue 10 item 3): main, the window and the CLI read the shared modules.
 * This fails when a limit is defined a second time, or written again as a bare number where the
 * shared constant belongs (the poll interval bounds were once written four times).
 */

const SRC = path.resolve(__dirname, '../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Code lines only: comment lines are prose and may name a limit in words. */
function codeLines(file: string): Array<{ line: string; at: string }> {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => ({ line, at: `${path.relative(SRC, file)}:${i + 1}` }))
    .filter(({ line }) => !/^\s*(\/\/|\/\*|\*)/.test(line));
}

const files = sourceFiles(SRC).filter((f) => !f.includes(`${path.sep}simulator${path.sep}`));

/** Each limit and the one module that defines it. */
const LIMITS: Array<[name: string, home: string]> = [
  ['POLL_INTERVAL_MIN_SECONDS', 'shared/poll-intervals.ts'],
  ['POLL_INTERVAL_MAX_SECONDS', 'shared/poll-intervals.ts'],
  ['DEFAULT_POLL_INTERVAL_SECONDS', 'shared/poll-intervals.ts'],
  ['ID_MAX', 'shared/input-limits.ts'],
  ['TARGETS_MAX', 'shared/input-limits.ts'],
  ['LUAPROT_MESSAGE_MIN', 'shared/luaprot-message.ts'],
  ['LUAPROT_MESSAGE_MAX', 'shared/luaprot-message.ts'],
  ['MAX_CHANNEL_ACCOUNTS', 'shared/alert-channels.ts'],
  ['RATE_LIMITS_MAX', 'shared/provider-assumptions.ts'],
];

/** Bare numbers that mean one of those limits, in the places they were once repeated. */
const REPEATS: Array<[RegExp, string]> = [
  [/\b(?:MIN|MAX)_POLL_INTERVAL_SECONDS\b|\bPOLL_BOUNDS\b/, 'a second name for the poll interval bounds'],
  [/(?<!Math)\.(?:min|max)\(\s*(?:200|500|3600)\s*[,)]/, 'a bare id, target or interval bound in a schema'],
  [/Math\.(?:min|max)\(\s*3600\s*,/, 'a bare poll interval bound'],
  [/\b(?:min|max):\s*3600\b/, 'a bare poll interval bound'],
  [/\b1\s*(?:to|–|-)\s*100 characters/, "LuaProt's message length written out"],
];

describe('limits are defined once', () => {
  it.each(LIMITS)('%s is defined only in %s', (name, home) => {
    const definition = new RegExp(`\\b(?:const|let|var)\\s+${name}\\b\\s*[:=]`);
    const where = files.flatMap((f) => codeLines(f).filter(({ line }) => definition.test(line)).map(({ at }) => at));
    expect(where).toHaveLength(1);
    expect(where[0]!.startsWith(home.split('/').join(path.sep))).toBe(true);
  });

  it.each(REPEATS)('no source repeats %s (%s)', (pattern) => {
    const homes = LIMITS.map(([, home]) => home.split('/').join(path.sep));
    const found = files
      .filter((f) => !homes.some((home) => f.endsWith(home)))
      .flatMap((f) => codeLines(f).filter(({ line }) => pattern.test(line)).map(({ at, line }) => `${at}: ${line.trim()}`));
    expect(found).toEqual([]);
  });
});
