/**
 * No regular expression in the app may backtrack super-linearly (ReDoS). Every regex literal and
 * `new RegExp` in src/ and scripts/ (tests aside) is found through the TypeScript parser and put
 * through a structural check of the three shapes that make V8's backtracking engine slow:
 *   1. nested repetition — a repeated group holding an unbounded repetition, `(a+)+`;
 *   2. two unbounded repetitions that can trade characters, with nothing between them that only
 *      one can match — `.+:.+`, `\s*\n\s*`, `\s+(.+)`;
 *   3. an unanchored pattern that opens with an unbounded repetition and must then match more —
 *      `\/+$`: tried from every start position, each try runs to the end of the run.
 * A shape flagged but argued linear must be listed in REVIEWED_SAFE with the argument. This is a
 * conservative screen, not a proof: it knows the shapes above, which cover the classic cases.
 */
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

interface Found {
  file: string;
  line: number;
  source: string;
  flags: string;
}

/** Shapes flagged by the screen that are linear all the same, with why. */
const REVIEWED_SAFE: Record<string, string> = {
  // Each group iteration starts with "+", which [A-Za-z0-9] cannot match: the split of the input into
  // iterations is forced, so the group cannot match one string in two ways.
  '^[A-Za-z0-9]+(\\+[A-Za-z0-9]+)*$|^[A-Za-z]+(\\+[A-Za-z]+)*\\+[^\\s+]$':
    'group iterations start with a "+" the inner class excludes; the final "+X" is one character',
  // Built from an escaped file name: `^name\.\d+$` is anchored and \d+ is the only repetition.
  '^${fileName.replace(/[.*+?^${}()|[\\]\\\\]/g, \'\\\\$&\')}\\\\.\\\\d+$':
    'a literal file name, then \\.\\d+ anchored at both ends',
};

function appRegexes(): Found[] {
  const root = new URL('..', import.meta.url).pathname;
  const files = execFileSync('git', ['ls-files', 'src', 'scripts'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter((f) => /\.(ts|tsx|js|mjs)$/.test(f) && !/\.test\.tsx?$/.test(f));
  const found: Found[] = [];
  for (const file of files) {
    const text = readFileSync(`${root}${file}`, 'utf8');
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      const line = sf.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const literal = node.getText();
        const cut = literal.lastIndexOf('/');
        found.push({ file, line, source: literal.slice(1, cut), flags: literal.slice(cut + 1) });
      } else if (ts.isNewExpression(node) && node.expression.getText() === 'RegExp') {
        const arg = node.arguments?.[0];
        found.push({ file, line, source: arg ? arg.getText().slice(1, -1) : '', flags: 'dynamic' });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return found;
}

/* ------------------------- a small parser for the patterns the app uses ------------------------- */

const INF = Number.POSITIVE_INFINITY;
type Item =
  | { kind: 'atom'; src: string; min: number; max: number }
  | { kind: 'group'; alts: Item[][]; min: number; max: number; lookaround: boolean }
  | { kind: 'anchor'; src: string };

function parse(source: string): Item[][] {
  let i = 0;
  function quantifier(): [number, number] {
    const c = source[i];
    let q: [number, number] = [1, 1];
    if (c === '*') q = [0, INF];
    else if (c === '+') q = [1, INF];
    else if (c === '?') q = [0, 1];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
      if (!m) return q;
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' ? INF : Number(m[3]);
      i += m[0].length;
      if (source[i] === '?') i++;
      return [min, max];
    } else return q;
    i++;
    if (source[i] === '?') i++;
    return q;
  }
  function alternatives(): Item[][] {
    const alts: Item[][] = [[]];
    while (i < source.length && source[i] !== ')') {
      const c = source[i]!;
      if (c === '|') {
        i++;
        alts.push([]);
        continue;
      }
      const seq = alts[alts.length - 1]!;
      if (c === '^' || c === '$') {
        i++;
        seq.push({ kind: 'anchor', src: c });
        continue;
      }
      if (c === '(') {
        i++;
        let lookaround = false;
        if (source[i] === '?') {
          const m = /^\?(:|=|!|<=|<!|<[A-Za-z]\w*>)/.exec(source.slice(i))!;
          lookaround = ['=', '!', '<=', '<!'].includes(m[1]!);
          i += m[0].length;
        }
        const inner = alternatives();
        i++; // ')'
        const [min, max] = quantifier();
        seq.push({ kind: 'group', alts: inner, min, max, lookaround });
        continue;
      }
      let src: string;
      if (c === '[') {
        let j = i + 1;
        if (source[j] === '^') j++;
        if (source[j] === ']') j++;
        while (source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
        src = source.slice(i, j + 1);
        i = j + 1;
      } else if (c === '\\') {
        const m = /^\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[A-Za-z]|.)/.exec(source.slice(i))!;
        src = m[0];
        i += src.length;
        if (src === '\\b' || src === '\\B') {
          seq.push({ kind: 'anchor', src });
          continue;
        }
      } else {
        src = c;
        i++;
      }
      const [min, max] = quantifier();
      seq.push({ kind: 'atom', src, min, max });
    }
    return alts;
  }
  return alternatives();
}

/** Sample characters: printable ASCII, whitespace and a few beyond ASCII; sets are compared on these. */
const SAMPLES = [...Array.from({ length: 95 }, (_, k) => String.fromCharCode(32 + k)), '\t', '\n', '\r', '\u00a0', 'é', '\u2028'];

function charsOf(item: Item, flags: string): Set<string> {
  if (item.kind === 'anchor') return new Set();
  const src = item.kind === 'atom' ? item.src : `(?:${item.alts.map((a) => a.map(render).join('')).join('|')})`;
  const re = new RegExp(`^(?:${src})`, flags.replace(/[gy]/g, ''));
  return new Set(SAMPLES.filter((ch) => re.test(ch)));
}

function render(item: Item): string {
  if (item.kind === 'anchor') return item.src;
  const q = item.min === 1 && item.max === 1 ? '' : `{${item.min},${item.max === INF ? '' : item.max}}`;
  if (item.kind === 'atom') return item.src + q;
  return `(?:${item.alts.map((a) => a.map(render).join('')).join('|')})${q}`;
}

const subset = (a: Set<string>, b: Set<string>) => [...a].every((ch) => b.has(ch));
const overlap = (a: Set<string>, b: Set<string>) => [...a].some((ch) => b.has(ch));

function hasUnbounded(items: Item[]): boolean {
  return items.some((it) => it.kind !== 'anchor' && (it.max === INF || (it.kind === 'group' && it.alts.some(hasUnbounded))));
}

/** Flattens non-repeated groups with one alternative, so `\s+(.+)` is seen as the sequence it is. */
function flat(seq: Item[]): Item[] {
  return seq.flatMap((it) =>
    it.kind === 'group' && !it.lookaround && it.min === 1 && it.max === 1 && it.alts.length === 1 ? flat(it.alts[0]!) : [it],
  );
}

function risks(source: string, flags: string): string[] {
  const out: string[] = [];
  const visitAlts = (alts: Item[][], top: boolean): void => {
    for (const raw of alts) {
      const seq = flat(raw);
      // 1. nested repetition
      for (const it of seq) {
        if (it.kind === 'group') {
          if (it.max > 1 && it.alts.some(hasUnbounded)) out.push(`nested repetition ${render(it)}`);
          visitAlts(it.alts, false);
        }
      }
      // 2. unbounded repetitions that can trade characters
      seq.forEach((first, a) => {
        if (first.kind === 'anchor' || first.max !== INF) return;
        const set = charsOf(first, flags);
        for (let b = a + 1; b < seq.length; b++) {
          const next = seq[b]!;
          if (next.kind === 'anchor') break;
          const nextSet = charsOf(next, flags);
          if (next.max === INF && overlap(set, nextSet)) {
            out.push(`${render(first)} and ${render(next)} can split the same text many ways`);
            break;
          }
          if (!subset(nextSet, set) || next.min === 0) break;
        }
      });
      // 3. unanchored start on an unbounded repetition followed by more to match
      if (top && !flags.includes('y') && seq[0]?.kind !== 'anchor' && seq[0] && seq[0].max === INF && seq.length > 1) {
        out.push(`unanchored ${render(seq[0])} then more: retried from each start position`);
      }
    }
  };
  visitAlts(parse(source), true);
  return out;
}

describe('regular expressions in the app', () => {
  const all = appRegexes();

  it('are found (the scan sees the app)', () => {
    expect(all.length).toBeGreaterThan(25);
    expect(all.some((r) => r.file === 'src/main/ipc/ipc-schemas.ts')).toBe(true);
  });

  it('the screen flags the shapes that froze main before', () => {
    expect(risks('^(total|account:.+|target:.+:.+|provider:.+)$', '')).not.toEqual([]);
    expect(risks('\\/+$', '')).not.toEqual([]);
    expect(risks('\\.+$', '')).not.toEqual([]);
    expect(risks('\\s*\\n\\s*', 'g')).not.toEqual([]);
    expect(risks('^Bearer\\s+(.+)$', 'i')).not.toEqual([]);
    expect(risks('^(a+)+$', '')).not.toEqual([]);
    expect(risks('^([01]\\d|2[0-3]):[0-5]\\d$', '')).toEqual([]);
    expect(risks('^Bearer\\s+(\\S.*)$', 'i')).toEqual([]);
    expect(risks('[\\s,]+', '')).toEqual([]);
  });

  it('none backtracks super-linearly (or its shape is reviewed and argued linear)', () => {
    const flagged = all
      .map((r) => ({ ...r, risks: r.flags === 'dynamic' ? ['built at run time'] : risks(r.source, r.flags) }))
      .filter((r) => r.risks.length > 0 && !(r.source in REVIEWED_SAFE))
      .map((r) => `${r.file}:${r.line} /${r.source}/${r.flags}: ${r.risks.join('; ')}`);
    expect(flagged).toEqual([]);
  });

  it('every reviewed exception is still in the app', () => {
    for (const source of Object.keys(REVIEWED_SAFE)) expect(all.some((r) => r.source === source), source).toBe(true);
  });
});
