/**
 * Provider knowledge lives in src/main/providers/<id>/ (and the simulator fakes the providers):
 * everywhere else reads descriptors and capabilities. This scan fails on any comparison with a
 * shipped provider's name outside those folders, naming file:line. Tests are left out (they set
 * up one provider or another on purpose).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROVIDERS } from '../src/shared/model';

const root = fileURLToPath(new URL('..', import.meta.url));
const ALLOWED = [join('src', 'main', 'providers') + sep, join('src', 'main', 'simulator') + sep];
const names = PROVIDERS.join('|');
const COMPARISON = new RegExp(
  `(?:[!=]==?\\s*['"\`](?:${names})['"\`])|(?:['"\`](?:${names})['"\`]\\s*[!=]==?)|(?:case\\s+['"\`](?:${names})['"\`])`,
);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'test-support' ? [] : sourceFiles(path);
    return /\.(ts|tsx|mts|cts|js|mjs)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Every comparison with a provider name in `files` outside the provider and simulator folders, as file:line. */
function providerNameComparisons(files: string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    const rel = relative(root, file);
    if (ALLOWED.some((folder) => rel.startsWith(folder))) continue;
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (COMPARISON.test(line)) found.push(`${rel}:${i + 1}: ${line.trim()}`);
      });
  }
  return found;
}

describe('provider names', () => {
  it('are compared nowhere outside src/main/providers/ and src/main/simulator/', () => {
    expect(providerNameComparisons(sourceFiles(join(root, 'src')))).toEqual([]);
  });

  it('the scan recognises each way of comparing a name', () => {
    const pattern = (line: string) => COMPARISON.test(line);
    expect(pattern("if (provider === 'luaprot') {")).toBe(true);
    expect(pattern("a.provider !== 'junkie' && x")).toBe(true);
    expect(pattern("'luaauth' === p")).toBe(true);
    expect(pattern("    case 'junkie':")).toBe(true);
    expect(pattern("provider == \"luaprot\"")).toBe(true);
    expect(pattern("const name = PROVIDER_NAMES.luaprot;")).toBe(false);
  });
});
